// How the audit-completeness suite reaches a 2xx on routes whose access-matrix sample only gets
// them as far as a refusal (a record in the wrong status, a stale version, a path parameter the
// matrix leaves unfilled). Each case prepares its own rows, so the order of the routes does not
// matter, and says who calls, where and with what. Routes not listed here use the matrix sample
// on the "own" row as the national office (or the first role allowed the action).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { expect } from 'vitest';
import { provinceOf } from '../../src/core/db/distribution.ts';
import type { LightMyRequestResponse } from 'fastify';
import { call, login, type Session, type TestApp } from '../helpers/app.ts';
import { validCreditCode } from '../helpers/credit-codes.ts';
import { upload, type Part } from '../helpers/multipart.ts';
import { uploadReferenced, SAMPLE_FILES } from '../helpers/survey-attachments.ts';
import type { Role } from '../../src/domains/access/roles.ts';
import { exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';
import type { Fixtures } from './route-fixtures.ts';
import { OUTFALL_AUDIT_CASES } from './audit-cases-outfalls.ts';

export interface Prepared {
  role?: Role;
  /** A session of an account made for the case, instead of the role's demo account. */
  session?: Session;
  url?: string;
  body?: unknown;
  /** For a multipart route: the parts to send instead of a JSON body. */
  parts?: Part[];
}

export interface CaseContext {
  t: TestApp;
  fx: Fixtures;
  as: (role: Role) => Session;
  /** Rows or sessions a case makes once per database. */
  memo: Record<string, unknown>;
}

export type AuditCase = (c: CaseContext) => Promise<Prepared>;

const SET = exampleEnterprise();
const G101 = SET.forms.find((f) => f.form === 'G101-1')! as { answers: Record<string, unknown>; explanations?: Record<string, string> };
// Without the site photos: attachment ids are global, and several cases fill G101-1.
const { sitePhotos: _photos, ...G101_ANSWERS } = G101.answers;
const TOWNSHIP = '330382001';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
let serial = 0;
const unique = () => `${process.pid}${++serial}`.slice(-6).padStart(6, '0');

function ok(r: LightMyRequestResponse, what: string) {
  expect(r.statusCode, `${what}: ${r.body.slice(0, 300)}`).toBeLessThan(300);
  return r.json();
}

// ---- rows the cases build on --------------------------------------------------------------

export async function newSource(c: CaseContext, extra: object = {}): Promise<number> {
  const r = await call(c.t.app, c.as('regional-office'), 'POST', '/api/v1/sources', {
    regionCode: TOWNSHIP, name: `审计对象${unique()}`, category: 'industrial', industryCode: SET.source.industryCode, ...extra,
  });
  return ok(r, 'new source').id as number;
}

/** A G101-1 submitted by the census taker: it waits on the instructor. */
export async function submittedForm(c: CaseContext): Promise<{ id: string; reviewVersion: number }> {
  const sourceId = await newSource(c);
  const id = randomUUID();
  ok(await call(c.t.app, c.as('enumerator'), 'PUT', `/api/v1/submissions/${id}`, {
    sourceId, form: 'G101-1', version: 1, answers: G101_ANSWERS, explanations: G101.explanations ?? {}, status: 'submitted', baseRev: null,
  }), 'submit');
  const view = ok(await call(c.t.app, c.as('instructor'), 'GET', `/api/v1/submissions/${id}`), 'read submission');
  return { id, reviewVersion: view.reviewVersion };
}

async function recordIn(c: CaseContext, status: string, confirmation = 'pending'): Promise<number> {
  const id = Number(c.fx.record.own);
  await c.t.ctx.db.updateTable('inventory_records').set({ status: status as 'submitted', confirmation: confirmation as 'pending' }).where('source_id', '=', id).execute();
  return id;
}

const version = async (c: CaseContext, table: 'dispatches' | 'briefings' | 'supervision_cases' | 'inventory_records' | 'portal_articles', id: string) =>
  table === 'inventory_records'
    ? (await c.t.ctx.db.selectFrom(table).select('version').where('source_id', '=', Number(id)).executeTakeFirstOrThrow()).version
    : (await c.t.ctx.db.selectFrom(table).select('version').where('id', '=', Number(id)).executeTakeFirstOrThrow()).version;

async function supervisionCase(c: CaseContext, issuer: string, target: string, status = 'open'): Promise<number> {
  return Number((await c.t.ctx.db.insertInto('supervision_cases').values({
    type: 'reminder', issuer_region: issuer, target_region: target, number: `提醒〔2018〕审${unique()}号`, title: `审计督办${target}`, due_on: '2099-05-04', status: status as 'open',
  }).returning('id').executeTakeFirstOrThrow()).id);
}

async function candidate(c: CaseContext, status = 'pending'): Promise<number> {
  const [a, b] = [await newSource(c), await newSource(c)];
  return Number((await c.t.ctx.db.insertInto('merge_candidates').values({ province_code: provinceOf(TOWNSHIP), region_code: TOWNSHIP, source_a: a, source_b: b, score: 0.5, status: status as 'pending' })
    .returning('id').executeTakeFirstOrThrow()).id);
}

async function newArticle(c: CaseContext): Promise<number> {
  return ok(await call(c.t.app, c.as('editor'), 'POST', '/api/v1/portal/articles', {
    section: 'news', slug: `audit-${unique()}`, lang: 'zh', title: '审计新闻', format: 'markdown', body: '审计',
  }), 'new article').id as number;
}

const registerParts = async (): Promise<Part[]> => [{ name: 'department', content: 'stats' }, { name: 'regionCode', content: '330382' },
  { name: 'file', filename: `审计${unique()}.csv`, contentType: 'text/csv', content: `单位名称,统一社会信用代码\n乐清市审计${unique()}厂,\n` }];

/** The county office of 瑞安市 (no census work there), made once per database. */
async function ruianOffice(c: CaseContext): Promise<Session> {
  if (!c.memo.ruian) {
    ok(await call(c.t.app, c.as('national-office'), 'POST', '/api/v1/users', { username: 'audit-ruian', displayName: '瑞安市普查办', password: 'Ruian2018ok', role: 'regional-office', regionCode: '330381' }), 'ruian user');
    c.memo.ruian = await login(c.t.app, 'audit-ruian', 'Ruian2018ok');
  }
  return c.memo.ruian as Session;
}

// ---- the cases --------------------------------------------------------------------------------

export const AUDIT_CASES: Record<string, AuditCase> = {
  // The matrix names a township, which cannot be a pilot; a county's flag (瑞安市, not the demo's
  // 乐清市, whose pilot flag lets its survey forms be submitted), turned over.
  'PATCH /api/v1/regions/:code': async (c) => {
    const r = await c.t.ctx.db.selectFrom('regions').select('pilot').where('code', '=', '330381').executeTakeFirstOrThrow();
    return { url: '/api/v1/regions/330381', body: { pilot: !r.pilot } };
  },
  'POST /api/v1/jobs/:id/cancel': async (c) => {
    const j = await c.t.ctx.db.insertInto('jobs').values({ kind: 'matrix.noop', status: 'queued', region_code: TOWNSHIP, created_by: null, params: '{}' }).returning('id').executeTakeFirstOrThrow();
    return { url: `/api/v1/jobs/${j.id}/cancel` };
  },
  'POST /api/v1/jobs/:id/resume': async (c) => {
    const j = await c.t.ctx.db.insertInto('jobs').values({ kind: 'matrix.noop', status: 'failed', region_code: TOWNSHIP, created_by: null, params: '{}' }).returning('id').executeTakeFirstOrThrow();
    return { url: `/api/v1/jobs/${j.id}/resume` };
  },
  'POST /api/v1/registers': async () => ({ parts: await registerParts() }),
  // An upload whose import failed (the worker is off here: the status is set by hand).
  'POST /api/v1/registers/:id/reimport': async (c) => {
    const up = ok(await upload(c.t.app, c.as('national-office'), '/api/v1/registers', await registerParts()), 'upload');
    const id = Number(up.register?.id ?? up.id);
    await c.t.ctx.db.updateTable('registers').set({ status: 'failed' }).where('id', '=', id).execute();
    return { url: `/api/v1/registers/${id}/reimport` };
  },
  // A source of its own: the matrix's may have been deleted by then.
  'PATCH /api/v1/sources/:id': async (c) => {
    const id = await newSource(c);
    const v = (await c.t.ctx.db.selectFrom('sources').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    return { url: `/api/v1/sources/${id}`, body: { version: v, address: '审计修改地址', lat: 28.1, lng: 120.9 } };
  },
  'POST /api/v1/sources/:id/split': async (c) => {
    const db = c.t.ctx.db;
    const source = await newSource(c);
    // A register of its own: the route list also deletes the matrix's.
    const reg = Number((await db.insertInto('registers').values({
      department: 'stats', region_code: '330382', file_name: `audit-${unique()}.csv`, file_sha256: unique().padEnd(64, '1'), file_size: 10,
      format: 'csv', encoding: 'utf-8', mapping: '{"name":"单位名称"}', status: 'imported', imported_at: new Date(), created_by: null,
    }).returning('id').executeTakeFirstOrThrow()).id);
    const base = 1000 + Number(unique().slice(-4));
    for (const n of [base, base + 1]) {
      await db.insertInto('register_rows').values({ register_id: reg, row_number: n, province_code: provinceOf(TOWNSHIP), region_code: TOWNSHIP, valid: true, name: `审计拆分${n}` }).execute();
      await db.insertInto('source_links').values({ register_id: reg, row_number: n, province_code: provinceOf(TOWNSHIP), source_id: source, rule: 'manual' }).execute();
    }
    const v = (await db.selectFrom('sources').select('version').where('id', '=', source).executeTakeFirstOrThrow()).version;
    return { url: `/api/v1/sources/${source}/split`, body: { version: v, rows: [{ registerId: reg, rowNumber: base + 1 }] } };
  },
  'POST /api/v1/directory/candidates/:id/merge': async (c) => ({ url: `/api/v1/directory/candidates/${await candidate(c)}/merge`, body: {} }),
  'POST /api/v1/directory/candidates/:id/apart': async (c) => ({ url: `/api/v1/directory/candidates/${await candidate(c)}/apart` }),
  'POST /api/v1/directory/candidates/:id/later': async (c) => ({ url: `/api/v1/directory/candidates/${await candidate(c)}/later` }),
  'POST /api/v1/directory/candidates/:id/reopen': async (c) => ({ url: `/api/v1/directory/candidates/${await candidate(c, 'apart')}/reopen` }),
  'POST /api/v1/directory/merges/:id/undo': async (c) => {
    const merged = ok(await call(c.t.app, c.as('national-office'), 'POST', `/api/v1/directory/candidates/${await candidate(c)}/merge`, {}), 'merge');
    const ev = await c.t.ctx.db.selectFrom('merge_events').select('id').where('survivor_id', '=', merged.survivorId ?? merged.id ?? 0).orderBy('id', 'desc').executeTakeFirst()
      ?? await c.t.ctx.db.selectFrom('merge_events').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    return { url: `/api/v1/directory/merges/${ev.id}/undo` };
  },
  'POST /api/v1/inventory/sync': async (c) => {
    const id = Number(c.fx.record.own);
    await recordIn(c, 'assigned');
    return {
      role: 'enumerator',
      body: { packageId: Number(c.fx.package.own), items: [{ opId: randomUUID(), sourceId: id, baseVersion: await version(c, 'inventory_records', c.fx.record.own), state: 'normal', submit: false, data: { name: '审计同步' } }] },
    };
  },
  'POST /api/v1/inventory/photos': async (c) => ({
    role: 'enumerator',
    parts: [{ name: 'id', content: randomUUID() }, { name: 'sourceId', content: c.fx.record.own }, { name: 'lat', content: '28.1365' }, { name: 'lng', content: '120.987' },
      { name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', content: JPEG }],
  }),
  'POST /api/v1/inventory/records/:id/approve': async (c) => ({ body: { version: (await recordIn(c, 'submitted'), await version(c, 'inventory_records', c.fx.record.own)) } }),
  'POST /api/v1/inventory/records/:id/reject': async (c) => ({ body: { version: (await recordIn(c, 'submitted'), await version(c, 'inventory_records', c.fx.record.own)), reason: '审计' } }),
  'POST /api/v1/inventory/verdicts': async (c) => ({ role: 'department-reviewer', body: { sourceIds: [await recordIn(c, 'submitted')], verdict: 'agree' } }),
  'POST /api/v1/inventory/records/:id/settle': async (c) => ({ body: { version: (await recordIn(c, 'submitted', 'disputed'), await version(c, 'inventory_records', c.fx.record.own)), state: 'normal', note: '审计' } }),
  'PUT /api/v1/submissions/:id': async (c) => ({
    url: `/api/v1/submissions/${randomUUID()}`,
    body: { sourceId: await newSource(c), form: 'G101-1', version: 1, answers: {}, status: 'draft', baseRev: null },
  }),
  'POST /api/v1/submissions/bulk': async (c) => ({
    body: { items: [{ id: randomUUID(), sourceId: await newSource(c), form: 'G101-1', version: 1, answers: {}, explanations: {}, status: 'draft', baseRev: null }] },
  }),
  'POST /api/v1/attachments': async (c) => ({
    parts: [{ name: 'id', content: `audit-${randomUUID()}` }, { name: 'sourceId', content: String(await newSource(c)) }, { name: 'file', filename: 'a.png', content: SAMPLE_FILES['image/png'] }],
  }),
  'POST /api/v1/sources/:id/invitations': async (c) => ({ url: `/api/v1/sources/${await newSource(c, { creditCode: validCreditCode('330382', `A${unique()}1`) })}/invitations` }),
  'POST /api/v1/invitations/redeem': async (c) => {
    const creditCode = validCreditCode('330382', `B${unique()}2`);
    const issued = ok(await call(c.t.app, c.as('regional-office'), 'POST', `/api/v1/sources/${await newSource(c, { creditCode })}/invitations`), 'issue');
    return { body: { code: issued.code, creditCode, username: `audit-${unique()}`, password: 'Qiye2024ok', displayName: '审计填报员' } };
  },
  // A complete, ready set of the example enterprise, confirmed on paper by the county office.
  'POST /api/v1/sources/:id/survey/confirm': async (c) => {
    const office = c.as('regional-office');
    const sourceId = await newSource(c);
    await uploadReferenced(c.t.app, office, sourceId, SET.forms);
    const items = SET.forms.map((f) => ({ id: randomUUID(), sourceId, form: f.form, version: f.version, answers: f.answers, explanations: f.explanations ?? {}, status: 'submitted', baseRev: null }));
    const bulk = ok(await call(c.t.app, office, 'POST', '/api/v1/submissions/bulk', { items }), 'bulk');
    expect(bulk.results.filter((x: { ok: boolean }) => !x.ok)).toEqual([]);
    return { role: 'regional-office', url: `/api/v1/sources/${sourceId}/survey/confirm`, body: { legalRep: '王建国', confirmed: true, statement: '本单位填报内容真实、准确、完整' } };
  },
  'POST /api/v1/submissions/:id/review': async (c) => {
    const s = await submittedForm(c);
    return { role: 'instructor', url: `/api/v1/submissions/${s.id}/review`, body: { action: 'approve', reviewVersion: s.reviewVersion } };
  },
  'POST /api/v1/submissions/:id/unlock': async (c) => {
    const s = await submittedForm(c);
    const approved = ok(await call(c.t.app, c.as('instructor'), 'POST', `/api/v1/submissions/${s.id}/review`, { action: 'approve', reviewVersion: s.reviewVersion }), 'approve');
    const rv = approved.reviewVersion ?? ok(await call(c.t.app, c.as('instructor'), 'GET', `/api/v1/submissions/${s.id}`), 'read').reviewVersion;
    return { role: 'instructor', url: `/api/v1/submissions/${s.id}/unlock`, body: { reviewVersion: rv, reason: '审计解锁' } };
  },
  // 乐清市 has work waiting (this suite's own), so acceptance is tried in 瑞安市, which has none, by
  // its own office, once a re-check sample there has been checked.
  'POST /api/v1/review/phases/:phase/accept': async (c) => {
    const db = c.t.ctx.db;
    const src = await db.insertInto('sources').values({ region_code: '330381', province_code: '330000', name: '审计复核对象', origin: 'supplement' }).returning('id').executeTakeFirstOrThrow();
    const sample = await db.insertInto('qc_samples').values({ phase: 'inventory', region_code: '330381', province_code: '330000', team_id: null, params: '{}', drawn_by: null }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('qc_sample_items').values({ sample_id: sample.id, source_id: src.id, province_code: '330000', stratum: 'added', category: 'industrial', verdict: 'right', checked_at: new Date() } as never).execute();
    return { session: await ruianOffice(c), url: '/api/v1/review/phases/inventory/accept', body: { regionCode: '330381', signedBy: '审计' } };
  },
  // Revoked from above.
  'POST /api/v1/review/phases/:phase/revoke': async (c) => {
    await c.t.ctx.db.insertInto('phase_acceptances').values({ phase: 'survey', region_code: '330381', province_code: '330000', signed_by: '审计', figures: '{}' } as never).execute();
    return { url: '/api/v1/review/phases/survey/revoke', body: { regionCode: '330381', reason: '审计' } };
  },
  // Something to draw: a unit the census takers added.
  'POST /api/v1/review/samples': async (c) => {
    await c.t.ctx.db.updateTable('inventory_records').set({ state: 'added', status: 'done' }).where('source_id', '=', Number(c.fx.record.own)).execute();
    return { body: { phase: 'inventory', regionCode: '330382' } };
  },
  'PUT /api/v1/review/samples/:id/items': async (c) => {
    const item = await c.t.ctx.db.selectFrom('qc_sample_items').select('source_id').where('sample_id', '=', Number(c.fx.sample.own)).executeTakeFirstOrThrow();
    return { body: { sourceId: Number(item.source_id), verdict: 'right' } };
  },
  'POST /api/v1/accounting/coefficients/import': async () => ({
    parts: [{ name: 'label', content: '审计系数' }, { name: 'file', filename: 'coefficients.csv', contentType: 'text/csv', content: fs.readFileSync('data/coefficients-sample.csv') }],
  }),
  'POST /api/v1/accounting/coefficients/versions/:id/in-force': async (c) => {
    const v = await c.t.ctx.db.insertInto('coefficient_versions').values({ label: '审计版本', census: '2017', status: 'draft', rows: 0 } as never)
      .returning('id').executeTakeFirstOrThrow();
    return { url: `/api/v1/accounting/coefficients/versions/${v.id}/in-force` };
  },
  // Readiness is reported by a region's own office.
  'PUT /api/v1/supervision/readiness/:code': async () => ({ role: 'regional-office', url: '/api/v1/supervision/readiness/330382', body: { note: '审计' } }),
  'POST /api/v1/supervision/dispatches/:id/regenerate': async (c) => ({ body: { version: await version(c, 'dispatches', c.fx.dispatch.own) } }),
  'POST /api/v1/supervision/dispatches/:id/publish': async (c) => ({ body: { version: await version(c, 'dispatches', c.fx.dispatch.own) } }),
  'POST /api/v1/supervision/briefings/:id/publish': async (c) => ({ body: { version: await version(c, 'briefings', c.fx.briefing.own) } }),
  // A case is answered by its target's office, escalated and reopened by its issuer.
  'POST /api/v1/supervision/cases/:id/answer': async (c) => ({ role: 'regional-office', url: `/api/v1/supervision/cases/${await supervisionCase(c, '330300', '330382')}/answer`, body: { text: '审计', version: 1 } }),
  'POST /api/v1/supervision/cases/:id/close': async (c) => ({ url: `/api/v1/supervision/cases/${await supervisionCase(c, '330382', TOWNSHIP)}/close`, body: { version: 1 } }),
  'POST /api/v1/supervision/cases/:id/reopen': async (c) => ({ role: 'regional-office', url: `/api/v1/supervision/cases/${await supervisionCase(c, '330382', TOWNSHIP, 'answered')}/reopen`, body: { text: '审计', version: 1 } }),
  'POST /api/v1/supervision/cases/:id/escalate': async (c) => ({ role: 'regional-office', url: `/api/v1/supervision/cases/${await supervisionCase(c, '330382', TOWNSHIP)}/escalate`, body: { reasons: '审计', dueOn: '2099-01-01', version: 1 } }),
  'POST /api/v1/supervision/files': async () => ({
    parts: [{ name: 'id', content: `audit-${randomUUID()}` }, { name: 'file', filename: '报告.pdf', content: SAMPLE_FILES['application/pdf'] }],
  }),
  'POST /api/v1/channels/:id/messages': async (c) => {
    const nation = await c.t.ctx.db.selectFrom('users').select('id').where('username', '=', 'nation').executeTakeFirstOrThrow();
    await c.t.ctx.db.insertInto('channel_members').values({ channel_id: Number(c.fx.channel.own), user_id: nation.id } as never).onConflict((oc) => oc.doNothing()).execute();
    return {};
  },
  'DELETE /api/v1/channels/:id/members/:userId': async (c) => {
    const u = await c.t.ctx.db.selectFrom('users').select('id').where('username', '=', 'yq-reviewer').executeTakeFirstOrThrow();
    await c.t.ctx.db.insertInto('channel_members').values({ channel_id: Number(c.fx.channel.own), user_id: u.id } as never).onConflict((oc) => oc.doNothing()).execute();
    return { url: `/api/v1/channels/${c.fx.channel.own}/members/${u.id}` };
  },
  'DELETE /api/v1/channels/:id/webhooks/:hookId': async (c) => {
    const hook = ok(await call(c.t.app, c.as('national-office'), 'POST', `/api/v1/channels/${c.fx.channel.own}/webhooks`, { url: 'http://127.0.0.1:9/audit' }), 'webhook');
    return { url: `/api/v1/channels/${c.fx.channel.own}/webhooks/${hook.id}` };
  },
  'POST /api/v1/notifications/read': async (c) => {
    const nation = await c.t.ctx.db.selectFrom('users').select('id').where('username', '=', 'nation').executeTakeFirstOrThrow();
    await c.t.ctx.db.insertInto('notifications').values({ user_id: nation.id, kind: 'notice', text: '审计通知' } as never).execute();
    return { body: { all: true } };
  },
  'POST /api/v1/portal/articles/:id/reject': async (c) => {
    const id = await newArticle(c);
    ok(await call(c.t.app, c.as('editor'), 'POST', `/api/v1/portal/articles/${id}/submit`, { version: await version(c, 'portal_articles', String(id)) }), 'submit');
    return { url: `/api/v1/portal/articles/${id}/reject`, body: { version: await version(c, 'portal_articles', String(id)), reason: '审计' } };
  },
  // Figures to freeze: a national total in review, published as provisional.
  'POST /api/v1/portal/datasets': async (c) => {
    await c.t.ctx.db.insertInto('emission_rollups').values({ region_code: '100000', category: '*', industry_div: '*', pollutant: 'COD', approved: false, emitted: '12.5', figures: 1 } as never)
      .onConflict((oc) => oc.doNothing()).execute();
    return { body: { titleZh: '审计成果', titleEn: 'Audit results', provisional: true } };
  },
  ...OUTFALL_AUDIT_CASES,
};
