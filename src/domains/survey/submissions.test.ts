// The survey's submissions end to end through the API on both databases: drafts, submission
// refused until ready, warnings explained, idempotent resends, stale edits, revisions and diffs,
// bad input answered with clear codes (never 500, nothing stored), scope, audit, bulk.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { uploadReferenced } from '../../../test/helpers/survey-attachments.ts';
import { exampleEnterprise } from './forms/example-set.ts';
import { exampleFarm } from './forms/example-others.ts';

const SET = exampleEnterprise();
const answersOf = (form: string) => structuredClone(SET.forms.find((f) => f.form === form)!.answers) as Record<string, unknown>;

describe.each(databaseKinds())('survey submissions on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let resp: Session;
  let ent = 0;
  let farm = 0;
  let closed = 0;
  let far = 0;
  const g1 = randomUUID();

  const put = (s: Session, id: string, body: object) => call(t.app, s, 'PUT', `/api/v1/submissions/${id}`, body);
  const body = (sourceId: number, form: string, answers: unknown, extra: object = {}) => ({ sourceId, form, version: 1, answers, status: 'draft', baseRev: null, ...extra });
  const count = async (table: 'submissions' | 'submission_revisions' | 'audit_log') => Number((await t.ctx.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => [await count('submissions'), await count('submission_revisions'), await count('audit_log')];

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    office = await login(t.app, 'yueqing');
    const source = async (name: string, category: string, industryCode?: string) => {
      const r = await call(t.app, office, 'POST', '/api/v1/sources', { regionCode: '330382', name, category, ...(industryCode && { industryCode }) });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as number;
    };
    ent = await source('乐清市瓯江印染有限公司', 'industrial', SET.source.industryCode);
    farm = await source('乐清市大荆生猪养殖场', 'livestock', '0313');
    await uploadReferenced(t.app, office, ent, SET.forms);
    closed = await source('乐清市已关闭电镀厂', 'industrial', '3360');
    await t.ctx.db.insertInto('inventory_records').values({ source_id: closed, region_code: '330382', province_code: '330000', state: 'closed', status: 'approved' }).execute();
    far = Number((await t.ctx.db.insertInto('sources').values({ region_code: '500109', province_code: '500000', name: '重庆市北碚区某厂', origin: 'supplement' }).returning('id').executeTakeFirstOrThrow()).id);
    const u = await call(t.app, office, 'POST', '/api/v1/users', { username: 'oujiang-resp', displayName: '瓯江印染填报人', password: 'Oujiang2018', role: 'respondent', regionCode: '330382', sourceId: ent });
    expect(u.statusCode, u.body).toBe(201);
    expect(u.json().sourceId).toBe(ent);
    resp = await login(t.app, 'oujiang-resp', 'Oujiang2018');
  });
  afterAll(() => t?.close());

  it('serves the catalogue and the definitions; an unknown form or version is 404', async () => {
    const list = (await call(t.app, office, 'GET', '/api/v1/forms')).json();
    expect(list.items.find((f: { code: string }) => f.code === 'G101-1')).toMatchObject({ nameZh: expect.any(String), category: 'G', fills: ['enterprise'], defined: true, versions: [1] });
    expect((await call(t.app, resp, 'GET', '/api/v1/forms/G101-1')).json()).toMatchObject({ code: 'G101-1', version: 1, fields: expect.any(Array) });
    for (const url of ['/api/v1/forms/G101-1?version=9', '/api/v1/forms/Z999']) {
      const r = await call(t.app, office, 'GET', url);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('SURVEY_FORM_NOT_FOUND');
    }
  });

  it('stores a draft whatever its issues, with a revision and an audit row', async () => {
    const before = await counts();
    const r = await put(office, g1, body(ent, 'G101-1', { unitName: '乐清市瓯江印染有限公司', operatingHours: 9000 }));
    expect(r.statusCode, r.body).toBe(201);
    const j = r.json();
    expect(j).toMatchObject({ id: g1, sourceId: ent, form: 'G101-1', version: 1, rev: 1, status: 'draft' });
    expect(j.verdict.summary.ready).toBe(false);
    expect(j.verdict.issues).toContainEqual(expect.objectContaining({ path: 'operatingHours', rule: 'field.range', severity: 'blocking' }));
    expect(await counts()).toEqual([before[0] + 1, before[1] + 1, before[2] + 1]);
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'submission').where('entity_id', '=', g1).execute();
    expect(audit.map((a) => a.action)).toEqual(['survey.save']);
  });

  it('refuses to submit what is not ready (422, nothing stored), accepts it when ready', async () => {
    const before = await counts();
    const no = await put(office, g1, body(ent, 'G101-1', { unitName: '乐清市瓯江印染有限公司' }, { status: 'submitted', baseRev: 1 }));
    expect(no.statusCode, no.body).toBe(422);
    expect(no.json().error.code).toBe('SURVEY_NOT_READY');
    expect(no.json().error.details.verdict.summary.blocking).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);

    const ok = await put(office, g1, body(ent, 'G101-1', answersOf('G101-1'), { status: 'submitted', baseRev: 1 }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ rev: 2, status: 'submitted', verdict: { summary: { ready: true, blocking: 0 } } });
    const row = await t.ctx.db.selectFrom('submissions').select(['computed', 'submitted_at', 'region_code']).where('id', '=', g1).executeTakeFirstOrThrow();
    expect(row.submitted_at).not.toBeNull();
    expect(row.region_code).toBe('330382');
    expect((row.computed as Record<string, unknown>).unitName).toBe('乐清市瓯江印染有限公司');
  });

  it('a resend of the same content answers what is stored, without a new revision', async () => {
    const before = await counts();
    const again = await put(office, g1, body(ent, 'G101-1', answersOf('G101-1'), { status: 'submitted', baseRev: 1 }));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: g1, rev: 2, status: 'submitted' });
    expect(await counts()).toEqual(before);
  });

  it('an edit from a stale revision is a 409 with the server copy; a second id for the same form is a 409', async () => {
    const stale = await put(office, g1, body(ent, 'G101-1', { ...answersOf('G101-1'), outputValue: 30000 }, { baseRev: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'SURVEY_CONFLICT', details: { server: { rev: 2, status: 'submitted' } } });
    const twin = await put(office, randomUUID(), body(ent, 'G101-1', {}));
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error).toMatchObject({ code: 'SURVEY_FORM_TAKEN', details: { id: g1 } });
    const wrongForm = await put(office, g1, body(ent, 'G101-2', {}, { baseRev: 2 }));
    expect(wrongForm.json().error.code).toBe('SURVEY_ID_MISMATCH');
  });

  it('keeps every revision and shows what changed', async () => {
    const edit = await put(office, g1, body(ent, 'G101-1', { ...answersOf('G101-1'), outputValue: 30000 }, { baseRev: 2 }));
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ rev: 3, status: 'draft' });
    const s = (await call(t.app, office, 'GET', `/api/v1/submissions/${g1}`)).json();
    expect(s.revisions.map((r: { rev: number; status: string; by: string }) => [r.rev, r.status, r.by])).toEqual([[1, 'draft', 'yueqing'], [2, 'submitted', 'yueqing'], [3, 'draft', 'yueqing']]);
    expect(s.answers.outputValue).toBe(30000);
    const d = (await call(t.app, office, 'GET', `/api/v1/submissions/${g1}/revisions/3`)).json();
    expect(d.diff).toEqual([{ path: 'outputValue', before: 28650.5, after: 30000 }]);
    expect((await call(t.app, office, 'GET', `/api/v1/submissions/${g1}/revisions/2`)).json().diff.length).toBeGreaterThan(20);
    for (const rev of ['9', 'x']) expect((await call(t.app, office, 'GET', `/api/v1/submissions/${g1}/revisions/${rev}`)).json().error.code).toBe('SURVEY_REVISION_NOT_FOUND');
    // back to submitted for the forms that read it
    expect((await put(office, g1, body(ent, 'G101-1', answersOf('G101-1'), { status: 'submitted', baseRev: 3 }))).statusCode).toBe(200);
  });

  it('a warning blocks submission until it is explained, and the explanation is kept', async () => {
    const id = randomUUID();
    const answers = answersOf('G103-1');
    (answers.boilers as Array<Record<string, unknown>>)[0].runHours = 8000; // longer than G101-1's 7200 hours
    const no = await put(office, id, body(ent, 'G103-1', answers, { status: 'submitted' }));
    expect(no.statusCode, no.body).toBe(422);
    expect(no.json().error.details.verdict.summary).toMatchObject({ blocking: 0, warnings: 1, unexplained: 1 });
    const key = 'cross.G103-1.boiler-hours@boilers[0].runHours';
    const ok = await put(office, id, body(ent, 'G103-1', answers, { status: 'submitted', explanations: { [key]: '冬季供暖，锅炉运行时间长于生产时间' } }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().verdict.summary).toEqual({ ready: true, blocking: 0, warnings: 1, unexplained: 0 });
    expect(ok.json().verdict.issues[0].explanation).toContain('冬季供暖');
  });

  it('answers bad input with a clear code, never 500, and stores nothing', async () => {
    const before = await counts();
    const expectCode = async (r: Awaited<ReturnType<typeof put>>, status: number, code: string, path?: string) => {
      expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
      expect(r.json().error.code).toBe(code);
      expect(r.json().error.message.zh).toBeTruthy();
      if (path !== undefined) expect(r.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    };
    const g2 = (answers: unknown, extra: object = {}) => put(office, randomUUID(), body(ent, 'G101-2', answers, extra));
    await expectCode(await g2({ products: 'many' }), 400, 'SURVEY_INVALID', 'products');
    await expectCode(await g2({ products: [{ designCapacity: 'lots' }] }), 400, 'SURVEY_INVALID', 'products[0].designCapacity');
    await expectCode(await g2({ nonsense: 1 }), 400, 'SURVEY_INVALID', 'nonsense');
    await expectCode(await g2([1, 2]), 400, 'SURVEY_INVALID', '');
    await expectCode(await g2({}, { version: 99 }), 400, 'SURVEY_INVALID');
    await expectCode(await put(office, randomUUID(), body(ent, 'G999', {})), 400, 'SURVEY_INVALID');
    await expectCode(await put(office, randomUUID(), body(ent, 'N101-1', {})), 400, 'SURVEY_INVALID'); // not a form an enterprise fills
    await expectCode(await g2({ products: Array.from({ length: 100_000 }, () => ({})) }), 400, 'SURVEY_INVALID', 'products');
    await expectCode(await g2({ products: Array.from({ length: 400_000 }, () => ({})) }), 413, 'REQUEST_TOO_LARGE');
    await expectCode(await g2({}, { status: 'done' }), 400, 'REQUEST_INVALID');
    await expectCode(await put(office, 'not-a-uuid', body(ent, 'G101-2', {})), 400, 'REQUEST_INVALID');
    // JSON.parse reads 1e309 as Infinity: only a raw body can carry it.
    const raw = await t.app.inject({
      method: 'PUT', url: `/api/v1/submissions/${randomUUID()}`, headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'content-type': 'application/json' },
      payload: `{"sourceId":${ent},"form":"G101-2","version":1,"status":"draft","baseRev":null,"answers":{"products":[{"productName":"布","designCapacity":1e309}]}}`,
    });
    await expectCode(raw, 400, 'SURVEY_INVALID', 'products[0].designCapacity');
    expect(await counts()).toEqual(before);
  });

  it('keeps to scope: another province, another respondent, a source not surveyed', async () => {
    const nation = await login(t.app, 'nation');
    const farAt = randomUUID();
    expect((await put(nation, farAt, body(far, 'G101-1', { unitName: '某厂' }))).statusCode).toBe(201);
    for (const url of [`/api/v1/submissions/${farAt}`, `/api/v1/sources/${far}/survey`, `/api/v1/submissions/${farAt}/revisions/1`]) {
      expect((await call(t.app, office, 'GET', url)).statusCode, url).toBe(404);
    }
    expect((await put(office, farAt, body(far, 'G101-1', {}, { baseRev: 1 }))).json().error.code).toBe('SURVEY_SUBMISSION_NOT_FOUND');
    expect((await put(office, randomUUID(), body(far, 'G101-2', {}))).json().error.code).toBe('SURVEY_SOURCE_NOT_FOUND');

    // the respondent fills its own source only
    expect((await call(t.app, resp, 'GET', `/api/v1/submissions/${g1}`)).statusCode).toBe(200);
    const own = await put(resp, randomUUID(), body(ent, 'G101-2', answersOf('G101-2')));
    expect(own.statusCode, own.body).toBe(201);
    const other = await put(resp, randomUUID(), body(farm, 'N101-1', exampleFarm().forms[0].answers));
    expect(other.statusCode).toBe(404);
    expect((await call(t.app, resp, 'GET', `/api/v1/sources/${farm}/survey`)).statusCode).toBe(404);
    const listed = (await call(t.app, resp, 'GET', '/api/v1/submissions?limit=100')).json();
    expect(listed.items.every((i: { sourceId: number }) => i.sourceId === ent)).toBe(true);
    expect((await call(t.app, office, 'GET', '/api/v1/submissions?limit=100')).json().items.some((i: { id: string }) => i.id === farAt)).toBe(false);

    const shut = await put(office, randomUUID(), body(closed, 'G101-1', {}));
    expect(shut.statusCode).toBe(409);
    expect(shut.json().error).toMatchObject({ code: 'SURVEY_SOURCE_NOT_SURVEYED', message: { en: expect.stringContaining('closed') } });
    const notRespondent = await call(t.app, office, 'POST', '/api/v1/users', { username: 'wrong-link', displayName: 'x', password: 'Wrong2018', role: 'enumerator', regionCode: '330382', sourceId: ent });
    expect(notRespondent.json().error.code).toBe('USER_SOURCE_INVALID');
  });

  it('bulk: each item its own transaction, a result per item', async () => {
    const forms = ['G101-3', 'G102', 'G104-1', 'G104-2', 'G106-1', 'G106-2', 'G106-3'];
    const items = forms.map((form) => ({ id: randomUUID(), ...body(ent, form, answersOf(form), { status: 'submitted' }) }));
    items.push({ id: randomUUID(), ...body(ent, 'G101-1', {}) }); // G101-1 is taken
    items.push({ id: randomUUID(), ...body(ent, 'G107', {}, { version: 7 }) }); // no such version
    const before = await count('submissions');
    const r = await call(t.app, office, 'POST', '/api/v1/submissions/bulk', { items });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const results = r.json().results as Array<{ id: string; ok: boolean; code?: string; created?: boolean }>;
    expect(results.map((x) => x.ok ? 'ok' : x.code)).toEqual([...forms.map(() => 'ok'), 'SURVEY_FORM_TAKEN', 'SURVEY_INVALID']);
    expect(await count('submissions')).toBe(before + forms.length);
    const again = (await call(t.app, office, 'POST', '/api/v1/submissions/bulk', { items: items.slice(0, 2) })).json();
    expect(again.results.map((x: { created: boolean }) => x.created)).toEqual([false, false]);
  });

  it("tells which forms the source fills and what it has sent", async () => {
    const s = (await call(t.app, office, 'GET', `/api/v1/sources/${ent}/survey`)).json();
    expect(s.source).toMatchObject({ id: ent, category: 'industrial', kind: 'enterprise', industryCode: '1713', inventoryState: null, surveyed: true });
    const byCode = Object.fromEntries(s.forms.map((f: { code: string }) => [f.code, f]));
    expect(byCode['G101-1']).toMatchObject({ status: 'required', version: 1, submission: { id: g1, status: 'submitted', ready: true } });
    expect(byCode['G103-1']).toMatchObject({ status: 'required', submission: { status: 'submitted' } }); // two boilers declared
    expect(byCode['G107']).toBeUndefined(); // not a radioactive-mineral industry, none declared: not listed
    expect(s.forms.some((f: { code: string }) => f.code.startsWith('N'))).toBe(false);
    const page = (await call(t.app, office, 'GET', `/api/v1/submissions?sourceId=${ent}&limit=3`)).json();
    expect(page.items).toHaveLength(3);
    const next = (await call(t.app, office, 'GET', `/api/v1/submissions?sourceId=${ent}&limit=100&cursor=${page.nextCursor}`)).json();
    expect(new Set([...page.items, ...next.items].map((i: { id: string }) => i.id)).size).toBe(page.items.length + next.items.length);
    expect((await call(t.app, office, 'GET', `/api/v1/submissions?status=submitted&form=G101-1`)).json().items.map((i: { id: string }) => i.id)).toEqual([g1]);
  });
  it('keeps an id unique across provinces, even when two saves of it race (its key holds the province)', async () => {
    const nation = await login(t.app, 'nation');
    const near = (await call(t.app, office, 'POST', '/api/v1/sources', { regionCode: '330382', name: '乐清市同号竞争厂', category: 'industrial', industryCode: '3360' })).json().id as number;
    const away = Number((await t.ctx.db.insertInto('sources').values({ region_code: '500109', province_code: '500000', name: '重庆市北碚区同号竞争厂', category: 'industrial', industry_code: '3360', origin: 'supplement' }).returning('id').executeTakeFirstOrThrow()).id);
    const id = randomUUID();
    const [a, b] = await Promise.all([put(office, id, body(near, 'G101-1', { unitName: '乐清' })), put(nation, id, body(away, 'G101-1', { unitName: '北碚' }))]);
    expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('SURVEY_ID_MISMATCH'); // and none of the other's answers
    expect(loser.body).not.toMatch(/乐清"|北碚"/);
    const rows = await t.ctx.db.selectFrom('submissions').select(['province_code']).where('id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(await t.ctx.db.selectFrom('submission_revisions').select('rev').where('submission_id', '=', id).execute()).toHaveLength(1);
    // once stored, the id is refused for a source in the other province, and nothing is added
    const again = await put(nation, id, body(rows[0].province_code === '330000' ? away : near, 'G101-1', {}));
    expect(again.json().error.code).toBe('SURVEY_ID_MISMATCH');
    expect(await t.ctx.db.selectFrom('submissions').select('id').where('id', '=', id).execute()).toHaveLength(1);
  });
});
