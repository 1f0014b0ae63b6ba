// Nothing changes without a trace: every mutating route under /api/, read from the router, is
// called by a role allowed to, and its 2xx must have written an audit row whose action names the
// route's domain. A route must answer 2xx here (with its matrix sample or a case in
// audit-cases.ts) or be exempted below with the reason, so a new route cannot slip through.
// Then "in the same transaction": with the audit insert made to fail, the change is rolled back.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCountsKept } from '../helpers/inventory-counts.ts';
import { call, login, startTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { upload } from '../helpers/multipart.ts';
import { can } from '../../src/domains/access/policy.ts';
import { ROLES, type Role } from '../../src/domains/access/roles.ts';
import type { RouteInfo } from '../../src/server/context.ts';
import { ACCOUNT, buildFixtures, requestRoute, routeKey, type Fixtures } from './route-fixtures.ts';
import { AUDIT_CASES, newSource, submittedForm, type CaseContext, type Prepared } from './audit-cases.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes not held to an audit row, each with why. */
const EXEMPT: Record<string, string> = {
  // Sessions are not census data: a login or logout changes only the sessions table (and the
  // failed-login counter), which is its own record. Not audited by design.
  'POST /api/v1/session': 'login: a session, not a change of data (not audited)',
  'DELETE /api/v1/session': 'logout: ends a session, not a change of data (not audited)',
  // Reads that take a body: nothing is stored.
  'POST /api/v1/registers/preview': 'multipart preview: parses the file, stores nothing',
  'POST /api/v1/portal/preview': 'renders Markdown for the editor, stores nothing',
  // Multipart uploads whose files are expensive to build here; each is audited by its domain test.
  'POST /api/v1/users/import': 'multipart XLSX: enqueues the bulk-creation job, whose users are audited as user.import',
  'POST /api/v1/submissions/import': 'multipart XLSX of a filled form: goes through the same save path as PUT /submissions/:id (survey.save)',
  'POST /api/v1/portal/images': 'multipart image decoded by sharp: audited as portal.image (src/domains/portal tests)',
};

/** Routes that only enqueue a job (202): the job row records who asked; the job's own changes are audited when it runs. */
const ENQUEUE_ONLY = new Set([
  'POST /api/v1/regions/villages',
  'POST /api/v1/demo',
  'POST /api/v1/demo/national',
  'POST /api/v1/directory/match',
  'POST /api/v1/inventory/zones/assign',
  'POST /api/v1/review/bulk-approve',
  'POST /api/v1/accounting/recompute',
  'POST /api/v1/accounting/rollups/verify',
]);

/** Which audit actions name the domain of a route, by the first segment after /api/v1/. */
const DOMAIN_ACTIONS: Record<string, string[]> = {
  regions: ['region.'], users: ['user.'], agencies: ['agency.'], teams: ['team.'], jobs: ['job.'],
  registers: ['register.'], sources: ['source.', 'invitation.', 'survey.'], directory: ['source.', 'candidate.', 'directory.'],
  inventory: ['inventory.', 'zone.', 'package.'], submissions: ['survey.', 'review.'], attachments: ['survey.'],
  invitations: ['invitation.'], review: ['review.', 'phase.', 'qc.'], accounting: ['coefficients.', 'accounting.'],
  supervision: ['supervision.'], channels: ['channels.'], notifications: ['notifications.'], portal: ['portal.'],
  outfalls: ['outfalls.'], radioactive: ['radioactive.'],
};

const domainOf = (url: string) => url.split('/')[3];
const nationLevel = (r: Role) => r === 'national-office' || r === 'editor';

describe.each(databaseKinds())('audit completeness on %s', (kind) => {
  let t: TestApp;
  let fx: Fixtures;
  const sessions = {} as Record<Role, Session>;
  let ctx: CaseContext;
  const maxId = async (table: 'audit_log' | 'jobs') => Number((await sql<{ m: string }>`SELECT coalesce(max(id), 0) AS m FROM ${sql.table(table)}`.execute(t.ctx.db)).rows[0].m);

  const ownUrl = (r: RouteInfo) => (r.resource ? r.url.replace(/:(id|code)\b/, fx[r.resource].own) : r.url);

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    for (const r of ROLES) sessions[r] = await login(t.app, ACCOUNT[r]);
    fx = await buildFixtures(t);
    ctx = { t, fx, as: (r) => sessions[r], memo: {} };
  });
  afterAll(() => t?.close());

  it('every mutating route that answers 2xx wrote an audit row naming its domain', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && MUTATING.has(r.method));
    expect(routes.length).toBeGreaterThan(80);
    const failures: string[] = [];
    for (const r of routes) {
      const key = routeKey(r);
      if (EXEMPT[key]) continue;
      let prepared: Prepared = {};
      try {
        if (AUDIT_CASES[key]) prepared = await AUDIT_CASES[key](ctx);
      } catch (e) {
        failures.push(`the case of ${key} failed to prepare: ${(e as Error).message.slice(0, 300)}`);
        continue;
      }
      const role = prepared.role ?? (['national-office', ...ROLES] as Role[]).find((x) => r.public || can(x, nationLevel(x) ? 'nation' : 'county', r.action!))!;
      const [audit0, jobs0] = [await maxId('audit_log'), await maxId('jobs')];
      const session = prepared.session ?? sessions[role];
      let res;
      if (prepared.parts) res = await upload(t.app, session, prepared.url ?? ownUrl(r), prepared.parts);
      else if (prepared.url || prepared.body !== undefined) res = await call(t.app, session, r.method, prepared.url ?? ownUrl(r), prepared.body);
      else res = await requestRoute(t, fx, r as RouteInfo, session, 'own');
      const label = `${key} as ${session.username}: ${res.statusCode} ${res.body.slice(0, 160)}`;
      if (res.statusCode >= 300) {
        failures.push(`not reached (add a case in audit-cases.ts or exempt it): ${label}`);
        continue;
      }
      if (ENQUEUE_ONLY.has(key)) {
        if (res.statusCode !== 202 || (await maxId('jobs')) <= jobs0) failures.push(`listed as enqueue-only but enqueued no job: ${label}`);
        continue;
      }
      const rows = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_username']).where('id', '>', String(audit0) as never).orderBy('id').execute();
      const prefixes = DOMAIN_ACTIONS[domainOf(r.url)];
      if (!prefixes) failures.push(`name the audit actions of /api/v1/${domainOf(r.url)} in DOMAIN_ACTIONS: ${key}`);
      else if (!rows.some((x) => prefixes.some((p) => x.action.startsWith(p)))) {
        failures.push(`2xx without an audit row of its domain (${rows.map((x) => x.action).join(', ') || 'none'}): ${label}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('every audit row sits on its province: the region\'s, or the nation\'s (100000) without a region', async () => {
    const r = await sql<{ province_code: string; region_code: string | null }>`SELECT province_code, region_code FROM audit_log`.execute(t.ctx.db);
    expect(r.rows.length).toBeGreaterThan(80);
    const wrong = r.rows.filter((x) => x.province_code !== `${(x.region_code ?? '100000').slice(0, 2)}0000`);
    expect(wrong).toEqual([]);
    const provinces = new Set(r.rows.map((x) => x.province_code));
    expect(provinces.has('330000')).toBe(true);
    expect(provinces.has('100000')).toBe(true);
  });

  it('every mutating route called above kept the inventory counts (migration 0032) equal to the rows', async () => {
    expect(await expectCountsKept(t.ctx.db)).toBeGreaterThan(0);
  });

  it('exemptions name real routes', () => {
    const keys = new Set(t.app.routeTable.map(routeKey));
    for (const k of [...Object.keys(EXEMPT), ...ENQUEUE_ONLY, ...Object.keys(AUDIT_CASES)]) expect(keys.has(k), k).toBe(true);
  });

  describe('the audit row is part of the change: when it cannot be written, nothing is', () => {
    // A trigger that refuses every audit row, there only while `attempt` runs.
    async function withAuditRefused<T>(attempt: () => Promise<T>): Promise<T> {
      await sql`CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused by test'; END $$`.execute(t.ctx.db);
      await sql`CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_refuse()`.execute(t.ctx.db);
      try {
        return await attempt();
      } finally {
        await sql`DROP TRIGGER audit_refuse ON audit_log`.execute(t.ctx.db);
        await sql`DROP FUNCTION audit_refuse()`.execute(t.ctx.db);
      }
    }
    const refused = async (role: Role, method: string, url: string, body?: unknown) => {
      const audit0 = await maxId('audit_log');
      const res = await withAuditRefused(() => call(t.app, sessions[role], method, url, body));
      expect(res.statusCode, res.body).toBe(500);
      expect(await maxId('audit_log')).toBe(audit0);
    };

    it('a user edit', async () => {
      const id = Number(fx.user.own);
      const before = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await refused('national-office', 'PATCH', `/api/v1/users/${id}`, { version: before.version, phone: '0577-12345678', displayName: '审计改名' });
      expect(await t.ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before);
    });

    it('a source supplement', async () => {
      const count = async () => (await t.ctx.db.selectFrom('sources').select((eb) => eb.fn.countAll<string>().as('n')).where('name', '=', '审计回滚对象').executeTakeFirstOrThrow()).n;
      await refused('regional-office', 'POST', '/api/v1/sources', { regionCode: '330382001', name: '审计回滚对象' });
      expect(Number(await count())).toBe(0);
    });

    it('a survey save', async () => {
      const sourceId = await newSource(ctx);
      const id = '00000000-0000-4000-8000-00000000a0d1';
      await refused('regional-office', 'PUT', `/api/v1/submissions/${id}`, { sourceId, form: 'G101-1', version: 1, answers: {}, status: 'draft', baseRev: null });
      expect(await t.ctx.db.selectFrom('submissions').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
      expect(await t.ctx.db.selectFrom('submission_revisions').select('rev').where('submission_id', '=', id).executeTakeFirst()).toBeUndefined();
    });

    it('a review approval', async () => {
      const s = await submittedForm(ctx);
      const row = () => t.ctx.db.selectFrom('submissions').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
      const steps = () => t.ctx.db.selectFrom('review_steps').select('action').where('submission_id', '=', s.id).execute();
      const [before, stepsBefore] = [await row(), await steps()];
      await refused('instructor', 'POST', `/api/v1/submissions/${s.id}/review`, { action: 'approve', reviewVersion: s.reviewVersion });
      expect(await row()).toEqual(before);
      expect(await steps()).toEqual(stepsBefore);
    });

    it('a portal article edit', async () => {
      const id = Number(fx['portal-article'].own);
      const row = () => t.ctx.db.selectFrom('portal_articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const revisions = () => t.ctx.db.selectFrom('portal_article_revisions').select('rev').where('article_id', '=', id).execute();
      const [before, revsBefore] = [await row(), await revisions()];
      await refused('editor', 'PATCH', `/api/v1/portal/articles/${id}`, { title: '审计回滚标题', version: before.version });
      expect(await row()).toEqual(before);
      expect(await revisions()).toEqual(revsBefore);
    });

    it('a supervision case opened and one closed', async () => {
      const count = async () => Number((await t.ctx.db.selectFrom('supervision_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      const n = await count();
      await refused('regional-office', 'POST', '/api/v1/supervision/cases', { type: 'reminder', targetRegion: '330382001', reasons: '审计回滚', dueOn: '2099-01-01' });
      expect(await count()).toBe(n);
      const open = await t.ctx.db.insertInto('supervision_cases').values({
        type: 'reminder', issuer_region: '330382', target_region: '330382001', number: '提醒〔2018〕审计回滚号', title: '审计回滚', due_on: '2099-05-04',
      }).returning('id').executeTakeFirstOrThrow();
      const row = () => t.ctx.db.selectFrom('supervision_cases').selectAll().where('id', '=', open.id).executeTakeFirstOrThrow();
      const before = await row();
      await refused('national-office', 'POST', `/api/v1/supervision/cases/${open.id}/close`, { version: before.version });
      expect(await row()).toEqual(before);
    });
  });
});
