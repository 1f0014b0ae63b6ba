// The review chain through the API on both databases: a census taker's form goes up instructor →
// county; a rejection with a comment pinned to a field comes back to the census taker, the
// correction goes straight back to the county, then city and province approve; the record is
// locked; the province unlocks one field and only that field may change. Two reviewers at once:
// one wins, the other is told the record changed. Queues with filters, bulk approval as a job.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { exampleEnterprise } from '../survey/forms/example-set.ts';

const SET = exampleEnterprise();
const EXAMPLE = SET.forms.find((f) => f.form === 'G101-1')! as { answers: Record<string, unknown>; explanations?: Record<string, string> };
// Without the site photos: their attachment ids are global, and this test fills G101-1 for several sources.
const { sitePhotos: _photos, ...plain } = EXAMPLE.answers;
const G101 = { ...EXAMPLE, answers: plain };
const TOWNSHIP = '330382001';

describe.each(databaseKinds())('review chain on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let enumerator: Session;
  let instructor: Session;
  let reviewer: Session;
  let city: Session;
  let province: Session;
  let nation: Session;
  const errorOf = (r: { statusCode: number; json(): { error: { code: string } } }) => [r.statusCode, r.json().error?.code];

  const newSource = async (name: string) => {
    const r = await call(t.app, office, 'POST', '/api/v1/sources', { regionCode: TOWNSHIP, name, category: 'industrial', industryCode: SET.source.industryCode });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  const submit = async (s: Session, sourceId: number, answers: Record<string, unknown> = G101.answers, id: string = randomUUID(), baseRev: number | null = null) => {
    const r = await call(t.app, s, 'PUT', `/api/v1/submissions/${id}`, { sourceId, form: 'G101-1', version: 1, answers, explanations: G101.explanations ?? {}, status: 'submitted', baseRev });
    expect(r.statusCode, r.body).toBeLessThan(300);
    return id;
  };
  const get = async (s: Session, id: string) => (await call(t.app, s, 'GET', `/api/v1/submissions/${id}`)).json();
  const review = (s: Session, id: string, body: object) => call(t.app, s, 'POST', `/api/v1/submissions/${id}/review`, body);

  beforeAll(async () => {
    t = await startTestApp(kind);
    office = await login(t.app, 'yueqing');
    enumerator = await login(t.app, 'yq-enumerator');
    instructor = await login(t.app, 'yq-instructor');
    reviewer = await login(t.app, 'yq-reviewer');
    city = await login(t.app, 'wenzhou');
    province = await login(t.app, 'zhejiang');
    nation = await login(t.app, 'nation');
  });
  afterAll(() => t?.close());

  let id = '';
  let sourceId = 0;

  it('a census taker\'s submit enters at the instructor; each level sees its own queue', async () => {
    expect((await call(t.app, reviewer, 'GET', '/api/v1/review/chain')).json().levels.map((l: { code: string; enabled: boolean }) => `${l.code}:${l.enabled}`))
      .toEqual(['respondent:true', 'enumerator:true', 'instructor:true', 'county:true', 'city:true', 'province:true', 'nation:true']);
    sourceId = await newSource('乐清市审核链电气有限公司');
    id = await submit(enumerator, sourceId);
    const s = await get(office, id);
    expect(s).toMatchObject({ status: 'submitted', reviewLevel: 'instructor', review: null });
    expect(s.steps).toMatchObject([{ level: 'enumerator', action: 'submit', by: 'yq-enumerator' }]);

    const q = (await call(t.app, instructor, 'GET', '/api/v1/review/queue')).json();
    expect(q.level).toBe('instructor');
    expect(q.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(q.items.find((i: { id: string }) => i.id === id)).toMatchObject({ form: 'G101-1', ageDays: 0, filledBy: 'yq-enumerator' });
    expect((await call(t.app, reviewer, 'GET', '/api/v1/review/queue')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    // An office may look at a level below its own; not above it.
    expect((await call(t.app, office, 'GET', '/api/v1/review/queue?level=instructor')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect(errorOf(await call(t.app, office, 'GET', '/api/v1/review/queue?level=city'))).toEqual([409, 'REVIEW_NOT_YOUR_LEVEL']);
  });

  it('the instructor approves; the form is locked and waits at the county; the wrong level is refused', async () => {
    const v = (await get(office, id)).reviewVersion;
    expect(errorOf(await review(reviewer, id, { action: 'approve', reviewVersion: v }))).toEqual([409, 'REVIEW_NOT_YOUR_LEVEL']);
    const ok = await review(instructor, id, { action: 'approve', reviewVersion: v });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', reviewLevel: 'county' });
    const edit = await call(t.app, enumerator, 'PUT', `/api/v1/submissions/${id}`, { sourceId, form: 'G101-1', version: 1, answers: { ...G101.answers, contactName: '改' }, explanations: G101.explanations ?? {}, status: 'submitted', baseRev: 1 });
    expect(errorOf(edit)).toEqual([409, 'SURVEY_LOCKED']);
  });

  it('the county rejects with a comment pinned to a field; the census taker is told; the correction goes back to the county', async () => {
    const v = (await get(office, id)).reviewVersion;
    expect(errorOf(await review(reviewer, id, { action: 'reject', reviewVersion: v }))).toEqual([400, 'REVIEW_REASON_REQUIRED']);
    expect(errorOf(await review(reviewer, id, { action: 'reject', reviewVersion: v, comments: [{ path: 'noSuchField', text: 'x' }] }))).toEqual([400, 'REVIEW_PATH_UNKNOWN']);
    const r = await review(reviewer, id, { action: 'reject', reviewVersion: v, reason: '联系人电话有误', comments: [{ path: 'contactPhone', text: '请核对联系人电话' }] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'returned', reviewLevel: null, review: { returnedFrom: 'county', reason: '联系人电话有误', comments: [{ path: 'contactPhone', text: '请核对联系人电话' }], by: 'yq-reviewer', openPaths: null } });

    const back = (await call(t.app, enumerator, 'GET', '/api/v1/review/returned')).json().items.find((i: { id: string }) => i.id === id);
    expect(back).toMatchObject({ form: 'G101-1', rev: 1, review: { reason: '联系人电话有误', comments: [{ path: 'contactPhone' }] } });
    expect(back.answers).toMatchObject({ contactPhone: G101.answers.contactPhone });

    // A draft keeps it returned (the reason stays); the submit goes straight to the county.
    const fixed = { ...G101.answers, contactPhone: '13905771234' };
    const d = await call(t.app, enumerator, 'PUT', `/api/v1/submissions/${id}`, { sourceId, form: 'G101-1', version: 1, answers: fixed, explanations: G101.explanations ?? {}, status: 'draft', baseRev: 1 });
    expect(d.json()).toMatchObject({ status: 'returned', rev: 2 });
    await submit(enumerator, sourceId, fixed, id, 2);
    expect(await get(office, id)).toMatchObject({ status: 'submitted', reviewLevel: 'county', rev: 3 });
  });

  it('two county reviewers at once: one approves, the other is told the record changed; nothing is lost', async () => {
    const v = (await get(office, id)).reviewVersion;
    const [a, b] = await Promise.all([review(reviewer, id, { action: 'approve', reviewVersion: v }), review(office, id, { action: 'reject', reviewVersion: v, reason: '同时操作' })]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(lost.json().error.code).toBe('REVIEW_CHANGED');
    expect(lost.json().error.details.current.id).toBe(id);
    const s = await get(office, id);
    expect(s.steps.filter((x: { level: string; action: string }) => x.level === 'county' && x.action === 'approve').length).toBeLessThanOrEqual(1);
    // Whoever won, bring it to the city with a county approval.
    if (s.status === 'returned') {
      // (a corrected answer: the very answers sent again would read as a resend of the earlier save)
      await submit(enumerator, sourceId, { ...G101.answers, contactPhone: '13905771235' }, id, s.rev);
      const again = await get(office, id);
      expect((await review(reviewer, id, { action: 'approve', reviewVersion: again.reviewVersion })).statusCode).toBe(200);
    }
    expect(await get(office, id)).toMatchObject({ status: 'approved', reviewLevel: 'city' });
  });

  it('city and province approve; the province unlocks one field with a reason, and only it may change', async () => {
    for (const s of [city, province]) {
      const cur = await get(s, id);
      const r = await review(s, id, { action: 'approve', reviewVersion: cur.reviewVersion });
      expect(r.statusCode, r.body).toBe(200);
    }
    const locked = await get(office, id);
    expect(locked).toMatchObject({ status: 'approved', reviewLevel: 'nation' });
    // The city approved before the province: it may no longer unlock.
    expect(errorOf(await call(t.app, city, 'POST', `/api/v1/submissions/${id}/unlock`, { reviewVersion: locked.reviewVersion, reason: '复核', paths: ['contactName'] }))).toEqual([409, 'REVIEW_NOT_YOUR_LEVEL']);
    expect(errorOf(await call(t.app, province, 'POST', `/api/v1/submissions/${id}/unlock`, { reviewVersion: locked.reviewVersion, reason: '  ' }))).toEqual([400, 'REVIEW_REASON_REQUIRED']);
    const u = await call(t.app, province, 'POST', `/api/v1/submissions/${id}/unlock`, { reviewVersion: locked.reviewVersion, reason: '联系人变更', paths: ['contactName'] });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json()).toMatchObject({ status: 'returned', review: { returnedFrom: 'province', openPaths: ['contactName'], reason: '联系人变更' } });

    const cur = await get(enumerator, id);
    const outside = await call(t.app, enumerator, 'PUT', `/api/v1/submissions/${id}`, { sourceId, form: 'G101-1', version: 1, answers: { ...cur.answers, contactName: '林晓', contactPhone: '13900000000' }, explanations: cur.explanations, status: 'submitted', baseRev: cur.rev });
    expect(errorOf(outside)).toEqual([409, 'SURVEY_FIELD_LOCKED']);
    expect((outside.json() as { error: { details: { paths: string[] } } }).error.details.paths).toEqual(['contactPhone']);
    await submit(enumerator, sourceId, { ...cur.answers, contactName: '林晓' }, id, cur.rev);
    expect(await get(office, id)).toMatchObject({ status: 'submitted', reviewLevel: 'province', answers: { contactName: '林晓' } });
    const audit = (await call(t.app, nation, 'GET', `/api/v1/audit?entity=submission&entityId=${id}&limit=100`)).json().items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['review.approve', 'review.reject', 'review.unlock', 'survey.submit']));
  });

  it('queue filters and a bulk approval of the filter as a job; the nation\'s approval locks for good', async () => {
    // Without the instructor level a census taker's submit waits at the county.
    const chain = await call(t.app, nation, 'PUT', '/api/v1/review/chain', { levels: [{ code: 'instructor', enabled: false }] });
    expect(chain.statusCode, chain.body).toBe(200);
    expect(errorOf(await call(t.app, nation, 'PUT', '/api/v1/review/chain', { levels: [{ code: 'county', enabled: false }] }))).toEqual([400, 'REVIEW_CHAIN_INVALID']);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await submit(enumerator, await newSource(`乐清市批量审核厂${i}`)));
    const summary = (await call(t.app, reviewer, 'GET', '/api/v1/review/queue/summary?form=G101-1')).json();
    expect(summary).toMatchObject({ level: 'county', total: 3, byForm: [{ form: 'G101-1', count: 3 }] });
    const explained = (await call(t.app, reviewer, 'GET', '/api/v1/review/queue?issues=clean')).json();
    const withWarnings = (await call(t.app, reviewer, 'GET', '/api/v1/review/queue?issues=warnings')).json();
    expect(explained.items.length + withWarnings.items.length).toBe(3);
    // 排污许可: the accounting flagged one source far from its permit report; the queue says so and filters by it.
    // The worker's chore recomputes each submitted source and replaces its figures: let it settle first, or it
    // may replace the flagged row below between two reads of the queue.
    await expect.poll(async () => (await t.ctx.db.selectFrom('accounting_dirty').select('source_id').execute()).length, { timeout: 20_000 }).toBe(0);
    const flagged = (await t.ctx.db.selectFrom('submissions').select(['source_id', 'region_code']).where('id', '=', ids[1]).executeTakeFirstOrThrow());
    await t.ctx.db.insertInto('emissions').values({
      source_id: flagged.source_id, outlet_code: 'W1', pollutant: 'COD', province_code: '330000', region_code: flagged.region_code, category: 'industrial', industry_div: '17',
      approved: false, method: 'coefficient', generated: null, emitted: '12', permit_reported: '5', permit_flag: true, lineage: '{}',
    }).execute();
    const permit = (await call(t.app, reviewer, 'GET', '/api/v1/review/queue?issues=permit')).json();
    expect(permit.items.map((i: { id: string; permitFlags: number }) => [i.id, i.permitFlags])).toEqual([[ids[1], 1]]);
    expect((await call(t.app, reviewer, 'GET', '/api/v1/review/queue')).json().items.filter((i: { permitFlags: number }) => i.permitFlags === 0)).toHaveLength(2);
    const page = (await call(t.app, reviewer, 'GET', '/api/v1/review/queue?limit=2')).json();
    expect(page.items).toHaveLength(2);
    const rest = (await call(t.app, reviewer, 'GET', `/api/v1/review/queue?limit=2&cursor=${page.nextCursor}`)).json();
    expect([...page.items, ...rest.items].map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort());

    const job = await call(t.app, reviewer, 'POST', '/api/v1/review/bulk-approve', { filter: { form: 'G101-1' }, expected: 3 });
    expect(job.statusCode, job.body).toBe(202);
    let done: { status: string; result: { approved: number } } | undefined;
    for (let i = 0; i < 200 && done?.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      done = (await call(t.app, reviewer, 'GET', `/api/v1/jobs/${job.json().jobId}`)).json();
    }
    expect(done).toMatchObject({ status: 'succeeded', result: { approved: 3 } });
    for (const x of ids) expect(await get(office, x)).toMatchObject({ status: 'approved', reviewLevel: 'city' });
    expect((await call(t.app, reviewer, 'GET', '/api/v1/review/queue/summary')).json().total).toBe(0);

    // Up to the nation: locked, nothing waits.
    for (const s of [city, province, nation]) {
      const cur = await get(s, ids[0]);
      expect((await review(s, ids[0], { action: 'approve', reviewVersion: cur.reviewVersion })).statusCode).toBe(200);
    }
    expect(await get(office, ids[0])).toMatchObject({ status: 'locked', reviewLevel: null });
    await call(t.app, nation, 'PUT', '/api/v1/review/chain', { levels: [{ code: 'instructor', enabled: true }] });
  });

  it('the rule catalogue counts the warnings that fire, per township', async () => {
    const r = (await call(t.app, office, 'GET', '/api/v1/review/rules')).json();
    expect(Array.isArray(r.items)).toBe(true);
    for (const item of r.items) expect(item.count).toBe(item.regions.reduce((n: number, x: { count: number }) => n + x.count, 0));
    expect(r.regionChecks.every((c: { regionCode: string }) => c.regionCode.startsWith('330382'))).toBe(true);
  });

  it('keeps each step\'s superseded time: at every moment the step still current is the one a sort of every step finds', async () => {
    // The supervision metrics read "a form's last step before the day ended" through superseded_at
    // (migration 0027). Every step the flows above took (submits, approvals at each level, a
    // rejection and its correction, an unlock, a bulk approval) is checked against the sort.
    type Standing = { submission_id: string; action: string; level: string };
    const key = (r: Standing) => `${r.submission_id} ${r.action} ${r.level}`;
    const times = (await sql<{ at: string }>`SELECT DISTINCT at::text AS at FROM review_steps ORDER BY 1`.execute(t.ctx.db)).rows.map((r) => r.at);
    expect(times.length).toBeGreaterThan(5);
    const superseded = await sql<{ n: number }>`SELECT count(*)::int AS n FROM review_steps WHERE superseded_at IS NOT NULL`.execute(t.ctx.db);
    expect(superseded.rows[0].n).toBeGreaterThan(0);
    for (const at of [...times, 'infinity']) {
      const end = sql`(${at}::timestamptz + interval '1 microsecond')`;
      const sorted = (await sql<Standing>`SELECT DISTINCT ON (submission_id) submission_id, action, level FROM review_steps
        WHERE at < ${end} AND action <> 'confirm' ORDER BY submission_id, id DESC`.execute(t.ctx.db)).rows.map(key).sort();
      const filtered = (await sql<Standing>`SELECT submission_id, action, level FROM review_steps
        WHERE at < ${end} AND action <> 'confirm' AND (superseded_at IS NULL OR superseded_at >= ${end})`.execute(t.ctx.db)).rows.map(key).sort();
      expect(filtered, `as of ${at}`).toEqual(sorted);
    }
  });
});
