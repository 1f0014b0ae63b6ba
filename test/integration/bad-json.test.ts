// The bad-input corpus against every write endpoint that takes JSON: each mutating route under
// /api/, read from the router, gets its valid body (its audit case or its matrix sample) with every
// leaf replaced in turn by hostile values (bad-json-corpus.ts), and a few hostile bodies whole.
// Every answer must be a 2xx (the value was acceptable and is stored as sent) or a 4xx with a
// stable code and a message in both languages — never a 5xx — and a 4xx must leave nothing
// written: no audit row, no job, and no committed row anywhere (checked by transaction ids).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session, type TestApp, startTestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { can } from '../../src/domains/access/policy.ts';
import { ROLES, type Role } from '../../src/domains/access/roles.ts';
import type { RouteInfo } from '../../src/server/context.ts';
import { ACCOUNT, buildFixtures, routeKey, sampleRequest, type Fixtures } from './route-fixtures.ts';
import { AUDIT_CASES, type CaseContext, type Prepared } from './audit-cases.ts';
import { variants } from './bad-json-corpus.ts';
import { randomUUID } from 'node:crypto';
import { exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';
import { newSource } from './audit-cases.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Logging in and out are driven by their own suites (a flood of bad logins trips the address's rate limit).
const SKIP = new Set(['POST /api/v1/session', 'DELETE /api/v1/session']);
const nationLevel = (r: Role) => r === 'national-office' || r === 'editor';
/** Tables a route writes on purpose when it refuses, each with why. */
const WRITES_ON_REFUSAL: Record<string, string[]> = {
  // A wrong credit code counts against the invitation, as a failed login counts against the account,
  // and against the caller's address (the limit every process shares, src/server/rate-limit.ts).
  'POST /api/v1/invitations/redeem': ['survey_invitations', 'rate_limits'],
  'POST /api/v1/session': ['users', 'rate_limits'],
};
/** Query values a URL carries: NUL, non-numbers where numbers go, injections, a very long value. */
const HOSTILE_QUERY: Record<string, string> = {
  nul: '%00', '1e309': '1e309', '-0': '-0', NaN: 'NaN', 'sql': encodeURIComponent(`'; DROP TABLE sources; --`),
  script: encodeURIComponent('<script>alert(1)</script>'), '10k characters': encodeURIComponent('长'.repeat(10_000)), 'bad escape': '%E4%B8', 'traversal': '..%2F..%2Fetc%2Fpasswd',
};

describe.each(databaseKinds())('bad JSON input on %s', (kind) => {
  let t: TestApp;
  let fx: Fixtures;
  const sessions = {} as Record<Role, Session>;
  let ctx: CaseContext;
  let tables: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    for (const r of ROLES) sessions[r] = await login(t.app, ACCOUNT[r]);
    fx = await buildFixtures(t);
    ctx = { t, fx, as: (r) => sessions[r], memo: {} };
    tables = (await sql<{ t: string }>`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'sessions'`.execute(t.ctx.db)).rows.map((r) => r.t);
  });
  afterAll(() => t?.close());

  const maxId = async (table: 'audit_log' | 'jobs') => String((await sql<{ m: string }>`SELECT coalesce(max(id), 0) AS m FROM ${sql.table(table)}`.execute(t.ctx.db)).rows[0].m);
  // The next transaction id: it moves only when a transaction wrote (or tried to).
  const nextXid = async () => (await sql<{ x: string }>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`.execute(t.ctx.db)).rows[0].x;
  /** Tables (but sessions, whose idle expiry slides) holding a committed row written since `xid`. */
  async function writtenSince(xid: string): Promise<string[]> {
    const hit: string[] = [];
    for (const name of tables) {
      const r = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(name)} WHERE xmin::text::bigint >= ${xid}::bigint`.execute(t.ctx.db);
      if (Number(r.rows[0].n) > 0) hit.push(name);
    }
    return hit;
  }

  it('every write endpoint answers hostile JSON with a coded 4xx or stores it as sent; never a 5xx, nothing half-written', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && MUTATING.has(r.method) && !SKIP.has(routeKey(r)));
    expect(routes.length).toBeGreaterThan(80);
    const failures: string[] = [];
    let tried = 0;
    let refused = 0;
    for (const r of routes) {
      const key = routeKey(r);
      let prepared: Prepared = {};
      try {
        if (AUDIT_CASES[key]) prepared = await AUDIT_CASES[key](ctx);
      } catch (e) {
        failures.push(`the case of ${key} failed to prepare: ${(e as Error).message.slice(0, 200)}`);
        continue;
      }
      const role = prepared.role ?? (['national-office', ...ROLES] as Role[]).find((x) => r.public || can(x, nationLevel(x) ? 'nation' : 'county', r.action!))!;
      const session = prepared.session ?? sessions[role];
      const sample = await sampleRequest(t, fx, r as RouteInfo, 'own');
      const url = prepared.url ?? sample.url;
      const body = prepared.parts ? undefined : prepared.body !== undefined ? prepared.body : sample.body;
      const started = Date.now();
      for (const v of variants(body)) {
        tried++;
        const [audit0, jobs0, xid0] = [await maxId('audit_log'), await maxId('jobs'), await nextXid()];
        const res = await t.app.inject({
          method: r.method as 'POST', url, payload: v.payload,
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        });
        const what = `${key} [${v.label}] as ${session.username}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (res.statusCode >= 500) {
          failures.push(`5xx: ${what}`);
          continue;
        }
        if (res.statusCode < 400) continue;
        refused++;
        const err = (res.json() as { error?: { code?: unknown; message?: { zh?: unknown; en?: unknown } } }).error;
        if (typeof err?.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(err.code) || !err.message?.zh || !err.message?.en) failures.push(`uncoded 4xx: ${what}`);
        if ((await maxId('audit_log')) !== audit0 || (await maxId('jobs')) !== jobs0) failures.push(`4xx but an audit row or job was written: ${what}`);
        else if ((await nextXid()) !== xid0) {
          const written = await writtenSince(xid0);
          const allowed = WRITES_ON_REFUSAL[key] ?? [];
          if (written.some((x) => !allowed.includes(x))) failures.push(`4xx but rows were written in ${written.join(', ')}: ${what}`);
        }
      }
      if (process.env.PUCHA_TRACE) console.log(`${key}: ${variants(body).length} variants in ${Date.now() - started} ms`);
    }
    console.log(`bad JSON on ${kind}: ${routes.length} routes, ${tried} requests, ${refused} refused with a coded 4xx, ${tried - refused - failures.length} accepted`);
    expect(failures).toEqual([]);
  }, 900_000);

  it('a census taker\'s form with hostile answers, repeat groups of thousands of rows included: the rule engine answers, never a 5xx', async () => {
    const failures: string[] = [];
    let tried = 0;
    const enumerator = sessions.enumerator;
    // G101-2: products and raw materials in repeat groups, numbers with units, codes; the engine's
    // other paths have their own property tests (src/domains/survey/engine/engine.property.test.ts).
    for (const form of ['G101-2']) {
      const sourceId = await newSource(ctx);
      const answers = exampleEnterprise().forms.find((f) => f.form === form)!.answers;
      for (const status of ['draft', 'submitted']) {
        for (const v of variants(answers)) {
          tried++;
          const id = randomUUID();
          const audit0 = await maxId('audit_log');
          const payload = `{"sourceId":${sourceId},"form":"${form}","version":1,"status":"${status}","baseRev":null,"explanations":{},"answers":${v.payload}}`;
          const res = await t.app.inject({ method: 'PUT', url: `/api/v1/submissions/${id}`, payload, headers: { cookie: enumerator.cookie, 'x-csrf-token': enumerator.csrf, 'content-type': 'application/json' } });
          const what = `${form} ${status} [${v.label}]: ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) failures.push(`5xx: ${what}`);
          else if (res.statusCode >= 400) {
            const err = (res.json() as { error?: { code?: unknown; message?: { zh?: unknown; en?: unknown } } }).error;
            if (typeof err?.code !== 'string' || !err.message?.zh || !err.message?.en) failures.push(`uncoded 4xx: ${what}`);
            if ((await maxId('audit_log')) !== audit0 || (await t.ctx.db.selectFrom('submissions').select('id').where('id', '=', id).executeTakeFirst())) failures.push(`4xx but stored: ${what}`);
          }
        }
      }
    }
    console.log(`hostile answers on ${kind}: ${tried} saves`);
    expect(tried).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  }, 600_000);

  it('every read endpoint answers hostile query values with a coded 4xx or an answer; never a 5xx', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.method === 'GET' && r.query.length);
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let tried = 0;
    for (const r of routes) {
      const role = (['national-office', ...ROLES] as Role[]).find((x) => r.public || can(x, nationLevel(x) ? 'nation' : 'county', r.action!))!;
      const { url } = await sampleRequest(t, fx, r as RouteInfo, 'own');
      for (const name of r.query) {
        for (const [label, value] of [...Object.entries(HOSTILE_QUERY), ['repeated', `a&${name}=b`]]) {
          tried++;
          const res = await t.app.inject({ method: 'GET', url: `${url}?${name}=${value}`, headers: { cookie: sessions[role].cookie } });
          const what = `GET ${r.url}?${name}= [${label}] as ${sessions[role].username}: ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) failures.push(`5xx: ${what}`);
          else if (res.statusCode >= 400) {
            const err = (res.json() as { error?: { code?: unknown; message?: { zh?: unknown; en?: unknown } } }).error;
            if (typeof err?.code !== 'string' || !err.message?.zh || !err.message?.en) failures.push(`uncoded 4xx: ${what}`);
          }
        }
      }
    }
    console.log(`bad queries on ${kind}: ${routes.length} routes, ${tried} requests`);
    expect(failures).toEqual([]);
  }, 600_000);
});
