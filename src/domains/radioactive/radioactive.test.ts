// The associated radioactive mines through their API on both databases: the initial list, a
// measurement above the screening level flagging the detailed survey, the G107 values, original
// records, reconciliation with the inventory, progress and QA; bad measurements store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { upload } from '../../../test/helpers/multipart.ts';
import { provinceOf } from '../../core/db/distribution.ts';

const TOWNSHIP = '330382001';
const PDF = Buffer.from('%PDF-1.4\n%测试\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(databaseKinds())('associated radioactive mines on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let agency: Session;
  let flagged = 0;
  const measurements = async () => Number((await t.ctx.db.selectFrom('radio_measurements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    office = await login(t.app, 'yueqing');
    agency = await login(t.app, 'yq-agency');
    // Two units the inventory flagged radioactive-mineral: one will be listed, one forgotten.
    for (const name of ['乐清市锆英砂加工厂', '乐清市稀土抛光材料厂']) {
      const s = await t.ctx.db.insertInto('sources').values({ region_code: TOWNSHIP, province_code: provinceOf(TOWNSHIP), name, origin: 'supplement', radioactive: true, industry_code: '3239' }).returning('id').executeTakeFirstOrThrow();
      await t.ctx.db.insertInto('inventory_records').values({ source_id: s.id, region_code: TOWNSHIP, province_code: '330000', status: 'approved', state: 'normal' }).execute();
      if (!flagged) flagged = s.id;
    }
  });
  afterAll(() => t?.close());

  it('lists an inventory unit, measures it above the screening level and flags the detailed survey', async () => {
    const listed = await call(t.app, office, 'POST', '/api/v1/radioactive/enterprises', { sourceId: flagged, minerals: ['02'] });
    expect(listed.statusCode).toBe(201);
    const e = listed.json();
    expect(e).toMatchObject({ stage: 'listed', name: '乐清市锆英砂加工厂', sourceId: flagged });
    expect((await call(t.app, office, 'POST', '/api/v1/radioactive/enterprises', { sourceId: flagged })).json().error.code).toBe('RADIO_ALREADY_LISTED');

    const below = await call(t.app, agency, 'POST', `/api/v1/radioactive/enterprises/${e.id}/measurements`, {
      body: '浙江省辐射环境监测站', measuredOn: '2018-03-10', backgroundNGyH: 90,
      points: [{ label: '原料堆', kind: 'raw', lat: 28.12, lng: 120.97, doseRateNGyH: 135, nuclides: { 'U-238': 0.8 } }],
    });
    expect(below.statusCode).toBe(201);
    expect(below.json().enterprise.stage).toBe('measured');
    const above = await call(t.app, agency, 'POST', `/api/v1/radioactive/enterprises/${e.id}/measurements`, {
      body: '浙江省辐射环境监测站', measuredOn: '2018-04-02', backgroundNGyH: 90,
      points: [
        { label: '锆英砂堆', kind: 'raw', lat: 28.12, lng: 120.97, doseRateNGyH: 380, nuclides: { 'Th-232': 3.4, 'U-238': 2.1 } },
        { label: '废渣库', kind: 'waste', lat: 28.121, lng: 120.971, doseRateNGyH: 120 },
      ],
    });
    expect(above.statusCode).toBe(201);
    expect(above.json().measurement.screening.reasons.map((r: { rule: string; nuclide?: string }) => r.nuclide ?? r.rule)).toEqual(['U-238', 'Th-232', 'dose']);
    expect(above.json().enterprise.stage).toBe('detailed-required');
    // an older record entered late does not overturn the latest verdict
    await call(t.app, agency, 'POST', `/api/v1/radioactive/enterprises/${e.id}/measurements`, { body: '补录', measuredOn: '2018-02-01', backgroundNGyH: 90, points: [{ label: 'x', kind: 'ore', doseRateNGyH: 95 }] });

    const whole = (await call(t.app, office, 'GET', `/api/v1/radioactive/enterprises/${e.id}`)).json();
    expect(whole.stage).toBe('detailed-required');
    expect(whole.measurements.map((m: { measuredOn: string }) => m.measuredOn)).toEqual(['2018-04-02', '2018-03-10', '2018-02-01']);
    expect(whole.g107).toEqual({ mineral: '02', backgroundDose: 90, materials: [
      { kind: 'concentrate', name: '锆英砂堆', activity: 3.4, doseRate: 380 }, { kind: 'tailings', name: '废渣库', activity: 0, doseRate: 120 },
    ] });
    const flaggedList = (await call(t.app, office, 'GET', '/api/v1/radioactive/enterprises?stage=detailed-required')).json().items;
    expect(flaggedList.map((x: { id: number }) => x.id)).toEqual([e.id]);

    const file = await upload(t.app, agency, `/api/v1/radioactive/measurements/${whole.measurements[0].id}/files`, [{ name: 'file', filename: '原始记录.pdf', content: PDF }]);
    expect(file.statusCode).toBe(201);
    const back = await call(t.app, office, 'GET', file.json().url);
    expect(back.headers['content-type']).toBe('application/pdf');
    const exe = await upload(t.app, agency, `/api/v1/radioactive/measurements/${whole.measurements[0].id}/files`, [{ name: 'file', filename: 'r.pdf', content: Buffer.from('MZ\x90\x00 not a pdf') }]);
    expect(exe.statusCode).toBe(415);

    const done = await call(t.app, office, 'POST', `/api/v1/radioactive/enterprises/${e.id}/detailed`, { version: whole.version, note: '详查报告已提交' });
    expect(done.json().stage).toBe('detailed-done');
    expect((await call(t.app, office, 'POST', `/api/v1/radioactive/enterprises/${e.id}/detailed`, { version: done.json().version, note: '再次' })).json().error.code).toBe('RADIO_STAGE');
  });

  it('refuses a negative dose rate, a point abroad, a future date and an unknown mineral, storing nothing', async () => {
    const e = (await call(t.app, office, 'POST', '/api/v1/radioactive/enterprises', { regionCode: TOWNSHIP, name: '乐清市某钛白粉厂', minerals: ['15'] })).json();
    const before = await measurements();
    const cases: Array<[object, string]> = [
      [{ points: [{ label: 'a', kind: 'ore', doseRateNGyH: -5 }] }, 'points[0].doseRateNGyH'],
      [{ points: [{ label: 'a', kind: 'ore', doseRateNGyH: 100, lat: 28.1, lng: -120.9 }] }, 'points[0].lat'],
      [{ points: [{ label: 'a', kind: 'ore', doseRateNGyH: 100, nuclides: { 'U-238': -1 } }] }, 'points[0].nuclides.U-238'],
      [{ measuredOn: '2999-01-01', points: [{ label: 'a', kind: 'ore', doseRateNGyH: 100 }] }, 'measuredOn'],
      [{ measuredOn: '2018-02-30', points: [{ label: 'a', kind: 'ore', doseRateNGyH: 100 }] }, 'measuredOn'],
    ];
    for (const [patch, field] of cases) {
      const r = await call(t.app, agency, 'POST', `/api/v1/radioactive/enterprises/${e.id}/measurements`, { body: '站', measuredOn: '2018-03-01', backgroundNGyH: 80, ...patch });
      expect(r.statusCode, field).toBe(400);
      if (r.json().error.code === 'RADIO_MEASUREMENT_INVALID') expect(r.json().error.message.en).toContain(field);
    }
    // 1e309 is valid JSON that parses to Infinity
    const inf = await t.app.inject({
      method: 'POST', url: `/api/v1/radioactive/enterprises/${e.id}/measurements`, headers: { cookie: agency.cookie, 'x-csrf-token': agency.csrf, 'content-type': 'application/json' },
      payload: '{"body":"站","measuredOn":"2018-03-01","backgroundNGyH":1e309,"points":[{"label":"a","kind":"ore","doseRateNGyH":100}]}',
    });
    expect(inf.statusCode).toBe(400);
    expect(await measurements()).toBe(before);
    expect((await call(t.app, office, 'POST', '/api/v1/radioactive/enterprises', { regionCode: TOWNSHIP, name: '某厂', minerals: ['99'] })).json().error.code).toBe('RADIO_MINERAL_UNKNOWN');
  });

  it('reconciles the list with the inventory and reports progress and QA', async () => {
    const rec = (await call(t.app, office, 'GET', '/api/v1/radioactive/reconcile')).json();
    expect(rec.missingFromList.map((s: { name: string }) => s.name)).toEqual(['乐清市稀土抛光材料厂']);
    expect(rec.notInInventory.map((e: { name: string }) => e.name)).toEqual(['乐清市某钛白粉厂']);
    const p = (await call(t.app, office, 'GET', '/api/v1/radioactive/progress')).json();
    expect(p.totals).toEqual({ listed: 2, measured: 1, above: 1, detailedDone: 1, measuredPct: 50 });
    const qa = (await call(t.app, office, 'GET', '/api/v1/radioactive/qa')).json().issues;
    expect(qa.map((i: { check: string; name: string }) => `${i.check}:${i.name}`).sort()).toEqual([
      'missing-from-list:乐清市稀土抛光材料厂', 'not-in-inventory:乐清市某钛白粉厂', 'not-measured:乐清市某钛白粉厂',
    ]);
    // another province's office sees none of it
    const cq = await login(t.app, 'chongqing');
    expect((await call(t.app, cq, 'GET', '/api/v1/radioactive/enterprises')).json().items).toEqual([]);
  });
});
