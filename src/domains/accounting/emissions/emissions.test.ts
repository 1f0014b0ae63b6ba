// Emissions through the API on both databases: a source's G106 forms submitted → its figures
// computed in the background (monitoring for the water outlet, coefficients for the boiler) and
// the totals of its township, county, city, province and nation moved by them, in review; the
// county's approval moves them to approved; the lineage names the form paths; a planted
// difference in the rollups is found by the verify job, and none when nothing is planted.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.ts';
import { databaseKinds } from '../../../../test/helpers/databases.ts';

import { exampleEnterprise } from '../../survey/forms/example-set.ts';

const TOWNSHIP = '330382001';
// The identity and footer fields of the example enterprise's G106-1 (its rows replaced below).
const { rows: _rows, ...ident } = exampleEnterprise().forms.find((f) => f.form === 'G106-1')!.answers as Record<string, unknown>;

describe.each(databaseKinds())('emissions and totals on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let reviewer: Session;
  let nation: Session;
  let sourceId = 0;
  const ids = { g1061: randomUUID(), g1062: randomUUID() };

  const put = (id: string, form: string, answers: object, status = 'submitted', baseRev: number | null = null) =>
    call(t.app, office, 'PUT', `/api/v1/submissions/${id}`, { sourceId, form, version: 1, answers: { ...ident, ...answers }, explanations: {}, status, baseRev });
  const total = async (region: string, pollutant: string) => {
    const r = (await call(t.app, nation, 'GET', `/api/v1/accounting/totals?region=${region}`)).json();
    return r.pollutants.find((p: { key: string }) => p.key === pollutant) ?? null;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    office = await login(t.app, 'yq-instructor'); // fills at the instructor level: the forms wait at the county
    reviewer = await login(t.app, 'yq-reviewer');
    nation = await login(t.app, 'nation');
    const src = await call(t.app, await login(t.app, 'yueqing'), 'POST', '/api/v1/sources', { regionCode: TOWNSHIP, name: '乐清市核算测试厂', category: 'industrial', industryCode: '3360' });
    expect(src.statusCode, src.body).toBe(201);
    sourceId = src.json().id;
  });
  afterAll(() => t?.close());

  it('computes a source\'s figures when its forms are submitted and moves the totals at every level, in review', async () => {
    const g2 = await put(ids.g1062, 'G106-2', { outlets: [{ outletCode: 'DW001', monitoringKind: 'manual', annualFlow: 120000, results: [{ pollutant: 'COD', concentration: 50 }] }] });
    expect(g2.statusCode, g2.body).toBe(201);
    const g1 = await put(ids.g1061, 'G106-1', { rows: [{ outletCode: 'DA001', step: '锅炉', activityKind: 'product', productName: '电镀件', activityUnit: 't', activity: 1000, pollutant: 'NOX', genCoefficient: 2, treatment: 'N01', efficiency: 90, kFactor: 0.8 }] });
    expect(g1.statusCode, g1.body).toBe(201);
    await t.ctx.jobs.drain();
    const e = (await call(t.app, reviewer, 'GET', `/api/v1/sources/${sourceId}/emissions`)).json();
    expect(e.pending).toBe(false);
    const by = Object.fromEntries(e.figures.map((f: { pollutant: string }) => [f.pollutant, f]));
    expect(by.COD).toMatchObject({ outletCode: 'DW001', method: 'monitoring', emitted: 6, approved: false });
    expect(by.NOX).toMatchObject({ outletCode: 'DA001', method: 'coefficient', generated: 2, emitted: 0.56, approved: false });
    expect(by.NOX.lineage).toMatchObject({ method: 'coefficient', paths: ['G106-1:rows[0]'], k: [{ k: 0.8, source: 'form' }] });
    for (const region of [TOWNSHIP, '330382', '330300', '330000', '100000']) {
      expect(await total(region, 'COD'), region).toMatchObject({ review: { emitted: 6 }, approved: { emitted: 0 } });
    }
    const county = (await call(t.app, nation, 'GET', '/api/v1/accounting/totals?region=330382')).json();
    expect(county.children.find((c: { key: string; pollutant: string }) => c.key === TOWNSHIP && c.pollutant === 'NOX')).toMatchObject({ review: { emitted: 0.56 }, name: expect.any(String) });
    expect(county.byCategory.find((c: { key: string; pollutant: string }) => c.key === 'industrial' && c.pollutant === 'COD')).toMatchObject({ review: { emitted: 6 } });
    expect(county.byIndustry.find((c: { key: string; pollutant: string }) => c.key === '33' && c.pollutant === 'COD')).toMatchObject({ review: { emitted: 6 } });
  });

  it('an edit replaces the figures; approval by the county moves them to approved', async () => {
    expect((await put(ids.g1062, 'G106-2', { outlets: [{ outletCode: 'DW001', monitoringKind: 'manual', annualFlow: 100000, results: [{ pollutant: 'COD', concentration: 50 }] }] }, 'submitted', 1)).statusCode).toBe(200);
    await t.ctx.jobs.drain();
    expect(await total('330382', 'COD')).toMatchObject({ review: { emitted: 5 } });
    for (const id of [ids.g1061, ids.g1062]) {
      const s = (await call(t.app, reviewer, 'GET', `/api/v1/submissions/${id}`)).json();
      expect(s.reviewLevel).toBe('county');
      expect((await call(t.app, reviewer, 'POST', `/api/v1/submissions/${id}/review`, { action: 'approve', reviewVersion: s.reviewVersion })).statusCode).toBe(200);
    }
    await t.ctx.jobs.drain();
    expect(await total('100000', 'COD')).toMatchObject({ approved: { emitted: 5 }, review: { emitted: 0 } });
    expect(await total('330382', 'NOX')).toMatchObject({ approved: { emitted: 0.56, generated: 2 }, review: { emitted: 0 } });
  });

  it('the verify job finds no difference, then finds a planted one', async () => {
    const run = async () => {
      const job = await call(t.app, nation, 'POST', '/api/v1/accounting/rollups/verify');
      expect(job.statusCode, job.body).toBe(202);
      await t.ctx.jobs.drain();
      return (await call(t.app, nation, 'GET', `/api/v1/jobs/${job.json().job.id}`)).json();
    };
    expect((await run()).result).toMatchObject({ figureDifferences: 0, rollupDifferences: 0 });
    await t.ctx.db.updateTable('emission_rollups').set((eb) => ({ emitted: eb('emitted', '+', '1') })).where('region_code', '=', '330300').where('pollutant', '=', 'COD').where('approved', '=', true).where('category', '=', 'industrial').where('industry_div', '=', '33').execute();
    const found = (await run()).result;
    expect(found.rollupDifferences).toBe(1);
    expect(found.rollups[0]).toMatchObject({ key: '330300|industrial|33|COD|true', stored: 6, expected: 5 });
  });

  it('keeps a source\'s figures and its mark in the source\'s province (the keys pair province_code)', async () => {
    const { province_code: own } = await t.ctx.db.selectFrom('sources').select('province_code').where('id', '=', sourceId).executeTakeFirstOrThrow();
    expect(own).toBe('330000');
    const figure = (province: string) => t.ctx.db.insertInto('emissions').values({
      source_id: sourceId, outlet_code: 'X9', pollutant: 'COD', province_code: province, region_code: TOWNSHIP, category: 'industrial', industry_div: '33',
      approved: false, method: 'coefficient', generated: null, emitted: '1', permit_reported: null, permit_flag: false, lineage: '{}',
    }).execute();
    await expect(figure('320000')).rejects.toThrow(/emissions_source_fkey/);
    await expect(t.ctx.db.insertInto('accounting_dirty').values({ source_id: sourceId, province_code: '320000' }).execute()).rejects.toThrow(/accounting_dirty_source_fkey/);
    // the same rows in the source's own province are taken
    await t.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('accounting_dirty').values({ source_id: sourceId, province_code: own }).onConflict((oc) => oc.columns(['province_code', 'source_id']).doNothing()).execute();
      expect((await trx.selectFrom('accounting_dirty').select('province_code').where('source_id', '=', sourceId).execute()).map((r) => r.province_code)).toEqual([own]);
      await trx.deleteFrom('accounting_dirty').where('source_id', '=', sourceId).execute();
    });
  });
});
