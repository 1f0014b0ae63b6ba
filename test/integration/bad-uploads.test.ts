// Issue 12, the multipart half: every upload route, called by a role allowed to, gets the bad-input
// corpus (bad-upload-corpus.ts). Each answer is a 4xx with a stable code and both messages, or a
// 2xx where the input is fair (a GBK CSV, a traversal name stored cleaned); never a 5xx. After a
// 4xx nothing is written: no audit row, no job, no file left in the data folder. No file name
// climbs out of the data folder, a ZIP bomb is refused without unpacking it, an external entity's
// text appears nowhere. Then 2 GB bodies over real HTTP are cut off at the route's limit.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { multipartBody, type Part } from '../helpers/multipart.ts';
import { can } from '../../src/domains/access/policy.ts';
import { ROLES, type Role } from '../../src/domains/access/roles.ts';
import { buildTemplate } from '../../src/domains/people/import-sheet.ts';
import type { RouteInfo } from '../../src/server/context.ts';
import { AUDIT_CASES, newSource, type CaseContext, type Prepared } from './audit-cases.ts';
import { corpus, type BadCase, type RouteKind } from './bad-upload-corpus.ts';
import { ACCOUNT, buildFixtures, routeKey, type Fixtures } from './route-fixtures.ts';
import { MULTIPART_ROUTES } from './route-samples.ts';

const MB = 1024 * 1024;
/** Registers may be 2 GiB; here the limit is lowered so the cut-off can be seen in a test's time. */
const REGISTER_LIMIT = 64 * MB;

/** Spreadsheet importers get the whole corpus; routes that keep images or documents get the binary part. */
const KIND: Record<(typeof MULTIPART_ROUTES)[number], RouteKind> = {
  'POST /api/v1/users/import': 'sheet',
  'POST /api/v1/registers': 'sheet',
  'POST /api/v1/registers/preview': 'sheet',
  'POST /api/v1/inventory/photos': 'binary',
  'POST /api/v1/submissions/import': 'sheet',
  'POST /api/v1/attachments': 'binary',
  'POST /api/v1/supervision/files': 'binary',
  'POST /api/v1/portal/images': 'binary',
  'POST /api/v1/outfalls/images': 'binary',
  'POST /api/v1/outfalls/import': 'sheet',
  'POST /api/v1/outfalls/:id/photos': 'binary',
  'POST /api/v1/radioactive/measurements/:id/files': 'binary',
  'POST /api/v1/accounting/coefficients/import': 'sheet',
};

/** A valid request of the upload routes the audit suite does not drive. */
const EXTRA_CASES: Record<string, (c: CaseContext) => Promise<Prepared>> = {
  'POST /api/v1/registers/preview': (c) => AUDIT_CASES['POST /api/v1/registers'](c),
  'POST /api/v1/users/import': async () => ({ parts: [{ name: 'file', filename: 'users.xlsx', content: await buildTemplate('330382') }] }),
  'POST /api/v1/submissions/import': async (c) => {
    const r = await call(c.t.app, c.as('regional-office'), 'GET', '/api/v1/forms/G101-1/template.xlsx');
    expect(r.statusCode).toBe(200);
    return { role: 'regional-office', parts: [{ name: 'sourceId', content: String(await newSource(c)) }, { name: 'status', content: 'draft' }, { name: 'file', filename: 'G101-1.xlsx', content: r.rawPayload }] };
  },
  'POST /api/v1/portal/images': async () => ({
    parts: [{ name: 'file', filename: 'photo.jpg', content: await sharp({ create: { width: 16, height: 12, channels: 3, background: '#2a6' } }).jpeg().toBuffer() }],
  }),
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH']);
const nationLevel = (r: Role) => r === 'national-office' || r === 'editor';

/** Every file under `dir`, recursively, but for the top-level entries in `skip` (the embedded database's own). */
function filesUnder(dir: string, skip: Set<string>): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (d === dir && skip.has(e.name)) continue;
      if (e.isDirectory()) walk(p);
      else out.add(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/** Runs `fn` while sampling the resident memory; the peak growth over the start. */
async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ value: T; growth: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const value = await fn();
    return { value, growth: Math.max(peak, process.memoryUsage().rss) - start };
  } finally {
    clearInterval(timer);
  }
}

describe.each(databaseKinds())('bad uploads on %s', (kind) => {
  let t: TestApp;
  let fx: Fixtures;
  let ctx: CaseContext;
  let skip: Set<string>;
  const sessions = {} as Record<Role, Session>;
  const maxId = async (table: 'audit_log' | 'jobs') => Number((await sql<{ m: string }>`SELECT coalesce(max(id), 0) AS m FROM ${sql.table(table)}`.execute(t.ctx.db)).rows[0].m);
  const route = (key: string) => t.app.routeTable.find((r) => routeKey(r) === key) as RouteInfo;
  const ownUrl = (r: RouteInfo) => (r.resource ? r.url.replace(/:(id|code)\b/, fx[r.resource].own) : r.url);
  const roleFor = (r: RouteInfo, p: Prepared) => p.role ?? (['national-office', ...ROLES] as Role[]).find((x) => can(x, nationLevel(x) ? 'nation' : 'county', r.action!))!;
  const send = (s: Session, url: string, req: { payload: Buffer; contentType: string }) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': req.contentType }, payload: req.payload });

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false, config: { registerUploadLimit: REGISTER_LIMIT } });
    for (const r of ROLES) sessions[r] = await login(t.app, ACCOUNT[r]);
    fx = await buildFixtures(t);
    ctx = { t, fx, as: (r) => sessions[r], memo: {} };
    // The embedded database's own folders; upload folders are made on first use, below them.
    skip = new Set(fs.readdirSync(t.ctx.config.dataDir));
  });
  afterAll(() => t?.close());

  it.each([...MULTIPART_ROUTES])('%s: refuses the corpus, or takes it cleanly', async (key) => {
    const r = route(key);
    const make = AUDIT_CASES[key] ?? EXTRA_CASES[key];
    const failures: string[] = [];
    const parent = path.dirname(t.ctx.config.dataDir);
    const climbed = () => fs.readdirSync(parent).filter((n) => /passwd|win\.ini|^CON/i.test(n));
    const climbed0 = climbed();
    for (const bad of corpus(KIND[key])) {
      const prepared = await make(ctx);
      const session = prepared.session ?? sessions[roleFor(r, prepared)];
      const url = prepared.url ?? ownUrl(r);
      const req = bad.build(prepared.parts!);
      const [audit0, jobs0, files0] = [await maxId('audit_log'), await maxId('jobs'), filesUnder(t.ctx.config.dataDir, skip)];
      const { value: res, growth } = await peakGrowth(() => send(session, url, req));
      const label = `${key} with ${bad.label}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      failures.push(...judge(res, bad, label));
      if (bad.memoryBudget && growth > bad.memoryBudget) failures.push(`${label}: memory grew ${Math.round(growth / MB)} MB`);
      const added = [...filesUnder(t.ctx.config.dataDir, skip)].filter((f) => !files0.has(f));
      const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('id', '>', String(audit0) as never).execute();
      if (res.statusCode >= 400) {
        if (audit.length) failures.push(`${label}: refused, yet audited ${audit.map((a) => a.action).join(', ')}`);
        if ((await maxId('jobs')) !== jobs0) failures.push(`${label}: refused, yet a job was queued`);
        if (added.length) failures.push(`${label}: refused, yet left ${added.map((f) => path.relative(t.ctx.config.dataDir, f)).join(', ')}`);
      } else {
        const stored = JSON.stringify(audit);
        if (bad.mustNotLeak && stored.includes(bad.mustNotLeak)) failures.push(`${label}: stored "${bad.mustNotLeak}"`);
        if (bad.traversal && /\.\.[\\/]|\\u0000|[\\/](etc|win)/.test(stored)) failures.push(`${label}: stored a name with a path: ${stored.slice(0, 300)}`);
        if (added.some((f) => path.basename(f).includes('..'))) failures.push(`${label}: wrote ${added.join(', ')}`);
      }
    }
    expect(climbed(), 'a file written beside the data folder').toEqual(climbed0);
    expect(failures).toEqual([]);
  });

  /** What one answer must be, as a list of failures. */
  function judge(res: LightMyRequestResponse, bad: BadCase, label: string): string[] {
    if (res.statusCode >= 500) return [`${label}: a server error`];
    if (bad.mustNotLeak && res.body.includes(bad.mustNotLeak)) return [`${label}: answered "${bad.mustNotLeak}"`];
    if (res.statusCode < 300) {
      if (!bad.mayPass) return [`${label}: accepted`];
      if (bad.traversal && /\.\.[\\/]|\\u0000|"[\\/]etc/.test(res.body)) return [`${label}: answered a name with a path`];
      return [];
    }
    let e: { code?: unknown; status?: unknown; message?: { zh?: unknown; en?: unknown } } | undefined;
    try {
      e = res.json().error;
    } catch {
      return [`${label}: not JSON`];
    }
    if (typeof e?.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(e.code) || e.status !== res.statusCode) return [`${label}: no stable code`];
    if (!e.message?.zh || !e.message?.en) return [`${label}: a message is missing`];
    return [];
  }

  // ---- 2 GB over real HTTP --------------------------------------------------------------------

  /** Streams a 2 GiB file part of zeros after the route's fields; stops once answered. */
  async function twoGigabytes(port: number, s: Session, url: string, fields: Part[], filename: string, magic: Buffer, cap: number) {
    const boundary = `----pucha${randomUUID().replace(/-/g, '')}`;
    const head = Buffer.concat([
      ...fields.map((f) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"\r\n\r\n${f.content}\r\n`)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      magic,
    ]);
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((ok) => socket.once('connect', ok));
    let answer = Buffer.alloc(0);
    let sent = 0;
    let sentWhenAnswered = -1;
    const split = () => {
      const at = answer.indexOf('\r\n\r\n');
      return at < 0 ? undefined : { head: answer.subarray(0, at).toString(), body: answer.subarray(at + 4) };
    };
    const answered = new Promise<void>((ok) => {
      socket.on('data', (d) => {
        if (sentWhenAnswered < 0) sentWhenAnswered = sent;
        answer = Buffer.concat([answer, d]);
        const a = split();
        if (a && a.body.length >= Number(/content-length: (\d+)/i.exec(a.head)?.[1] ?? 0)) ok();
      });
      socket.on('close', () => ok());
      socket.on('error', () => ok());
    });
    socket.write(`POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${s.cookie}\r\nX-CSRF-Token: ${s.csrf}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${2 * 1024 ** 3}\r\n\r\n`);
    socket.write(head);
    const zeros = Buffer.alloc(256 * 1024);
    // Past the cap the server has failed to stop it; end the stream so the test ends either way.
    while (sentWhenAnswered < 0 && sent < cap && !socket.destroyed) {
      sent += zeros.length;
      if (!socket.write(zeros)) await Promise.race([new Promise((ok) => socket.once('drain', ok)), answered]);
    }
    if (sentWhenAnswered < 0) socket.end();
    await answered;
    // The server closes the connection with its refusal, reading no more of the body (left open, this waits until the test times out).
    if (!socket.destroyed && !socket.readableEnded) await new Promise((ok) => socket.once('close', ok));
    socket.destroy();
    const a = split();
    return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(a?.head ?? '')?.[1] ?? 0), body: a?.body.toString() ?? '', sentWhenAnswered };
  }

  it('cuts off 2 GB uploads at the route\'s limit, over HTTP', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as net.AddressInfo).port;
    // The first bytes of the type each route wants, so that the size, not the type, is what stops it.
    const [zip, jpeg, png] = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
    const classes: Array<[string, number, string, Buffer]> = [
      ['POST /api/v1/registers', REGISTER_LIMIT, 'big.csv', Buffer.from('单位名称\n')],
      ['POST /api/v1/submissions/import', 5 * MB, 'big.xlsx', zip],
      ['POST /api/v1/portal/images', 10 * MB, 'big.jpg', jpeg],
      ['POST /api/v1/attachments', 20 * MB, 'big.png', png],
      ['POST /api/v1/users/import', 20 * MB, 'big.xlsx', zip],
      ['POST /api/v1/outfalls/images', 50 * MB, 'big.jpg', jpeg],
    ];
    const failures: string[] = [];
    for (const [key, limit, filename, magic] of classes) {
      const r = route(key);
      const prepared = await (AUDIT_CASES[key] ?? EXTRA_CASES[key])(ctx);
      const fields = prepared.parts!.filter((p) => p.filename === undefined);
      const [audit0, files0] = [await maxId('audit_log'), filesUnder(t.ctx.config.dataDir, skip)];
      const res = await twoGigabytes(port, sessions[roleFor(r, prepared)], prepared.url ?? ownUrl(r), fields, filename, magic, limit + 40 * MB);
      const label = `${key}: ${res.status} ${res.body.slice(0, 200)} after ${Math.round(res.sentWhenAnswered / MB)} MB`;
      let code = '';
      try {
        code = JSON.parse(res.body).error.code;
      } catch { /* judged below */ }
      if (res.status !== 413 || !/TOO_LARGE$/.test(code)) failures.push(`${label}: not a 413 …TOO_LARGE`);
      if (res.sentWhenAnswered < 0 || res.sentWhenAnswered > limit + 10 * MB) failures.push(`${label}: answered too late`);
      if ((await maxId('audit_log')) !== audit0) failures.push(`${label}: audited`);
      // The refused file is removed once the answer is out; wait for it rather than race it.
      await expect.poll(() => [...filesUnder(t.ctx.config.dataDir, skip)].filter((f) => !files0.has(f)), { message: `${label}: file left` }).toEqual([]);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  // Last: it calls every mutating route, some of which change the rows the cases above use.
  it('lists every upload route, and only real ones', async () => {
    const keys = new Set(t.app.routeTable.map(routeKey));
    for (const k of MULTIPART_ROUTES) expect(keys.has(k), `${k} is listed but not a route`).toBe(true);
    // A multipart request with a field and no file: an upload route says so (UPLOAD_MISSING);
    // a JSON route refuses the body or ignores it. The first kind must all be listed.
    const answering: string[] = [];
    for (const r of t.app.routeTable as RouteInfo[]) {
      if (!r.url.startsWith('/api/') || !MUTATING.has(r.method) || r.public) continue;
      const role = roleFor(r, {});
      const none = multipartBody([{ name: 'note', content: 'x' }]);
      const res = await t.app.inject({
        method: r.method as 'POST', url: ownUrl(r),
        headers: { cookie: sessions[role].cookie, 'x-csrf-token': sessions[role].csrf, 'content-type': none.contentType }, payload: none.payload,
      });
      if (res.statusCode < 500 && res.statusCode >= 400 && res.json().error?.code === 'UPLOAD_MISSING') answering.push(routeKey(r));
    }
    expect(answering.sort()).toEqual([...MULTIPART_ROUTES].sort());
  });
});
