// Phase acceptance and quality control through the API on both databases: a county draws its
// re-check sample (3 added and 3 deleted inventory records), the findings put its error rate
// over the national threshold and it cannot pass; corrected, it passes. The city cannot accept
// while a county below it has not, and the page names that county; the survey waits on the
// inventory's acceptance; a parent's revoke reopens a child.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';

describe.each(databaseKinds())('phase acceptance and re-checks on %s', (kind) => {
  let t: TestApp;
  let county: Session;
  let city: Session;
  let province: Session;
  const errorOf = (r: { statusCode: number; json(): { error: { code: string } } }) => [r.statusCode, r.json().error?.code];
  let sampleId = 0;
  let items: { sourceId: number; stratum: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    county = await login(t.app, 'yueqing');
    city = await login(t.app, 'wenzhou');
    province = await login(t.app, 'zhejiang');
    // 乐清市's inventory: 4 added, 4 deleted and 4 normal records, all through review.
    const db = t.ctx.db;
    for (const [i, state] of ['added', 'added', 'added', 'added', 'deleted', 'deleted', 'deleted', 'deleted', 'normal', 'normal', 'normal', 'normal'].entries()) {
      const s = await db.insertInto('sources').values({ region_code: '330382001', province_code: '330000', name: `验收测试单位${i}`, origin: 'supplement', category: 'industrial' }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('inventory_records').values({ source_id: s.id, region_code: '330382001', province_code: '330000', state, status: 'approved' }).execute();
    }
    // 瑞安市 (another county of 温州市) has a source but no acceptance.
    await db.insertInto('sources').values({ region_code: '330381', province_code: '330000', name: '瑞安市某厂', origin: 'supplement', category: 'industrial' }).execute();
  });
  afterAll(() => t?.close());

  it('a county without a re-check cannot pass; the page says why', async () => {
    const st = (await call(t.app, county, 'GET', '/api/v1/review/phases/inventory')).json();
    expect(st).toMatchObject({ phase: 'inventory', region: { code: '330382', level: 'county' }, acceptance: null, canAccept: false, figures: { total: 12, waiting: 0, added: 4, deleted: 4 } });
    expect(st.blockers.map((b: { code: string }) => b.code)).toEqual(['no-recheck']);
    const r = await call(t.app, county, 'POST', '/api/v1/review/phases/inventory/accept', { regionCode: '330382', signedBy: '乐清市普查办 张伟' });
    expect(errorOf(r)).toEqual([409, 'PHASE_BLOCKED']);
    expect(r.json().error.details.blockers[0]).toMatchObject({ code: 'no-recheck', zh: expect.any(String), en: expect.any(String) });
  });

  it('the city draws 3 added and 3 deleted of the county at random', async () => {
    expect(errorOf(await call(t.app, city, 'POST', '/api/v1/review/samples', { phase: 'inventory', regionCode: '330300' }))).toEqual([400, 'QC_NOT_COUNTY']);
    const r = await call(t.app, city, 'POST', '/api/v1/review/samples', { phase: 'inventory', regionCode: '330382' });
    expect(r.statusCode, r.body).toBe(201);
    sampleId = r.json().id;
    items = r.json().items;
    expect(items.filter((i) => i.stratum === 'added')).toHaveLength(3);
    expect(items.filter((i) => i.stratum === 'deleted')).toHaveLength(3);
    expect(new Set(items.map((i) => i.sourceId)).size).toBe(6);
    expect(errorOf(await call(t.app, await login(t.app, 'bb-officer'), 'GET', `/api/v1/review/samples/${sampleId}`))).toEqual([404, 'QC_SAMPLE_NOT_FOUND']);
  });

  it('an error rate over the threshold holds the county back; corrected findings let it pass', async () => {
    const put = (sourceId: number, body: object) => call(t.app, city, 'PUT', `/api/v1/review/samples/${sampleId}/items`, { sourceId, ...body });
    expect(errorOf(await put(items[0].sourceId, { verdict: 'wrong', fieldsChecked: 1, fieldsWrong: 2 }))).toEqual([400, 'REQUEST_INVALID']);
    expect(errorOf(await put(999999999, { verdict: 'right' }))).toEqual([404, 'QC_ITEM_NOT_FOUND']);
    for (const [i, it] of items.entries()) expect((await put(it.sourceId, { verdict: i === 0 ? 'wrong' : 'right', note: i === 0 ? '实际为正常生产' : '' })).statusCode).toBe(200);
    const rates = (await call(t.app, city, 'GET', '/api/v1/review/qc/rates?phase=inventory')).json();
    const whole = rates.items.find((x: { regionCode: string; category: string }) => x.regionCode === '330382' && x.category === '*');
    expect(whole).toMatchObject({ checked: 6, wrong: 1, overThreshold: true });
    expect(whole.errorRate).toBeCloseTo(1 / 6, 5);

    const st = (await call(t.app, county, 'GET', '/api/v1/review/phases/inventory')).json();
    expect(st.blockers.map((b: { code: string }) => b.code)).toContain('error-rate');
    expect(errorOf(await call(t.app, county, 'POST', '/api/v1/review/phases/inventory/accept', { regionCode: '330382', signedBy: '张伟' }))).toEqual([409, 'PHASE_BLOCKED']);

    // The re-check is corrected: the unit was right after all.
    expect((await put(items[0].sourceId, { verdict: 'right', note: '复核更正' })).statusCode).toBe(200);
    const ok = await call(t.app, county, 'POST', '/api/v1/review/phases/inventory/accept', { regionCode: '330382', signedBy: '乐清市普查办 张伟', statement: '清查工作通过验收' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().acceptance).toMatchObject({ signedBy: '乐清市普查办 张伟', by: 'yueqing', figures: { total: 12 } });
    expect(errorOf(await call(t.app, county, 'POST', '/api/v1/review/phases/inventory/accept', { regionCode: '330382', signedBy: '张伟' }))).toEqual([409, 'PHASE_ACCEPTED']);
  });

  it('the city cannot accept while 瑞安市 has not, and the page names it; a province cannot sign for the city', async () => {
    const st = (await call(t.app, city, 'GET', '/api/v1/review/phases/inventory')).json();
    expect(st.children.find((c: { code: string }) => c.code === '330382')).toMatchObject({ accepted: true, hasWork: true });
    expect(st.children.find((c: { code: string }) => c.code === '330381')).toMatchObject({ accepted: false, hasWork: true });
    const held = st.blockers.find((b: { code: string }) => b.code === 'children');
    expect(held.zh).toContain('瑞安市');
    const r = await call(t.app, city, 'POST', '/api/v1/review/phases/inventory/accept', { regionCode: '330300', signedBy: '温州市普查办 王芳' });
    expect(errorOf(r)).toEqual([409, 'PHASE_BLOCKED']);
    expect(errorOf(await call(t.app, province, 'POST', '/api/v1/review/phases/inventory/accept', { regionCode: '330300', signedBy: '李明' }))).toEqual([403, 'PHASE_NOT_YOURS']);
  });

  it('the survey waits for the inventory\'s acceptance; a revoke by the city reopens the county', async () => {
    expect(errorOf(await call(t.app, county, 'POST', '/api/v1/review/phases/inventory/revoke', { regionCode: '330382', reason: '自己撤销' }))).toEqual([403, 'PHASE_NOT_YOURS']);
    const rv = await call(t.app, city, 'POST', '/api/v1/review/phases/inventory/revoke', { regionCode: '330382', reason: '抽查发现问题，重新核查' });
    expect(rv.statusCode, rv.body).toBe(200);
    expect(rv.json().acceptance).toBeNull();
    // 乐清市 is a pilot county (its survey may run ahead); an ordinary county waits for its inventory's acceptance.
    const pilot = (await t.ctx.db.selectFrom('regions').select('pilot').where('code', '=', '330382').executeTakeFirstOrThrow()).pilot;
    expect((await call(t.app, county, 'GET', '/api/v1/review/phases/survey')).json().blockers.map((b: { code: string }) => b.code).includes('inventory-first')).toBe(!pilot);
    await t.ctx.db.updateTable('regions').set({ pilot: false }).where('code', '=', '330382').execute();
    const after = (await call(t.app, county, 'GET', '/api/v1/review/phases/survey')).json();
    expect(after.blockers.map((b: { code: string }) => b.code)).toContain('inventory-first');
    const audit = (await call(t.app, province, 'GET', '/api/v1/audit?action=phase.&limit=10')).json().items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['phase.accept', 'phase.revoke']));
  });

  it('a county that is not a pilot submits survey forms only after its inventory acceptance; drafts before', async () => {
    const src = (await call(t.app, province, 'POST', '/api/v1/sources', { regionCode: '330381', name: '瑞安市调查测试厂', category: 'industrial', industryCode: '3360' })).json().id as number;
    const put = (status: string, baseRev: number | null) => call(t.app, province, 'PUT', '/api/v1/submissions/5d1e8a6e-0000-4000-8000-000000000001', { sourceId: src, form: 'G101-1', version: 1, answers: {}, status, baseRev });
    expect((await put('draft', null)).statusCode).toBe(201);
    const r = await put('submitted', 1);
    expect(errorOf(r)).toEqual([409, 'SURVEY_PHASE_NOT_OPEN']);
    expect(r.json().error.message.zh).toContain('330381');
  });
});

