// The other source categories through the API on both databases: a pig farm's N forms, a
// hospital's boiler (S103), a filling station (Y102) and a wastewater plant (J101-1/2/3) saved
// through the survey's save path mark their sources; settling computes them with the sample
// library (figures and lineage by hand in other-methods.test.ts, the same numbers), the township's
// totals by category show livestock, domestic, mobile and centralised; an edit moves them by the
// difference; the verify job finds no difference.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.ts';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import type { SubmissionSet } from '../../survey/engine/engine.ts';
import { exampleBoilerUnit, exampleFarm, examplePlant, exampleStation } from '../../survey/forms/example-others.ts';
import { settleDirty } from './compute.ts';

const TOWNSHIP = '330382001';
type Item = { key: string; pollutant: string; review: { generated: number; emitted: number } };

describe.each(databaseKinds())('other source categories on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let nation: Session;
  const sources: Record<string, number> = {};
  const ids = new Map<string, string>();

  const put = (sourceId: number, form: string, answers: unknown, baseRev: number | null = null) => {
    const key = `${sourceId}|${form}`;
    if (!ids.has(key)) ids.set(key, randomUUID());
    return call(t.app, office, 'PUT', `/api/v1/submissions/${ids.get(key)}`, { sourceId, form, version: 1, answers, explanations: {}, status: 'submitted', baseRev });
  };
  const saveSet = async (sourceId: number, set: SubmissionSet) => {
    for (const f of set.forms) {
      const r = await put(sourceId, f.form, f.answers);
      expect(r.statusCode, `${f.form} ${r.body}`).toBe(201);
    }
  };
  const emissions = async (key: string) => (await call(t.app, nation, 'GET', `/api/v1/sources/${sources[key]}/emissions`)).json();
  const figure = async (key: string, pollutant: string) => (await emissions(key)).figures.find((f: { pollutant: string }) => f.pollutant === pollutant);
  const byCategory = async (category: string, pollutant: string): Promise<Item | undefined> =>
    (await call(t.app, nation, 'GET', `/api/v1/accounting/totals?region=${TOWNSHIP}`)).json().byCategory.find((c: Item) => c.key === category && c.pollutant === pollutant);
  const settle = async () => {
    while ((await settleDirty(t.ctx.db)) > 0);
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    office = await login(t.app, 'yq-instructor');
    nation = await login(t.app, 'nation');
    const county = await login(t.app, 'yueqing');
    for (const [key, category, industryCode] of [['farm', 'livestock', '0313'], ['boiler', 'domestic', '8411'], ['station', 'mobile', '5265'], ['plant', 'centralised', '4620']]) {
      const src = await call(t.app, county, 'POST', '/api/v1/sources', { regionCode: TOWNSHIP, name: `乐清市核算测试${key}`, category, industryCode });
      expect(src.statusCode, src.body).toBe(201);
      sources[key] = src.json().id;
    }
  });
  afterAll(() => t?.close());

  it('marks each source when its forms are saved and computes its figures when settled', async () => {
    await saveSet(sources.farm, exampleFarm());
    await saveSet(sources.boiler, exampleBoilerUnit());
    await saveSet(sources.station, exampleStation());
    await saveSet(sources.plant, examplePlant());
    for (const key of Object.keys(sources)) expect((await emissions(key)).pending, key).toBe(true);
    await settle();
    for (const key of Object.keys(sources)) expect((await emissions(key)).pending, key).toBe(false);

    // 5,200 pigs sold × 36.5 kg = 189.8 t COD; × (1 − 92 %) × 8.5 ÷ 36.5 (biogas, W10) = 3.536 t
    const cod = await figure('farm', 'COD');
    expect(cod).toMatchObject({ outletCode: 'FARM', method: 'coefficient', generated: 189.8, emitted: 3.536, approved: false });
    expect(cod.lineage.paths).toContain('N101-2:herds[0].sold');
    expect(cod.lineage.coefficients).toEqual([expect.objectContaining({ path: 'N101-2:herds[0].sold', source: 'library' }), expect.objectContaining({ path: 'N101-2:manureRoutes', source: 'library' })]);
    expect(cod.lineage.revisions).toEqual({ 'N101-2': 1 });
    expect(await figure('farm', 'TP')).toMatchObject({ generated: 3.38, emitted: 0.2704 });
    // 85 万m³ of gas × 18.71 kg/万m³ = 1.59035 t NOX; low-NOx burners 30 %: 1.113245 t
    expect(await figure('boiler', 'NOX')).toMatchObject({ outletCode: 'GL01', generated: 1.59035, emitted: 1.113245 });
    expect(await figure('station', 'VOCS')).toMatchObject({ outletCode: 'STATION', generated: 12.25, emitted: 2.058 });
    expect(await figure('plant', 'COD')).toMatchObject({ outletCode: 'DW001', method: 'monitoring', generated: 6890, emitted: 848 });
    expect(await figure('plant', 'TN')).toMatchObject({ outletCode: 'DW001', generated: 1007, emitted: 304.75 });
  });

  it('shows livestock, domestic, mobile and centralised in the totals by category', async () => {
    expect(await byCategory('livestock', 'COD')).toMatchObject({ review: { generated: 189.8, emitted: 3.536 } });
    expect(await byCategory('livestock', 'NH3N')).toMatchObject({ review: { emitted: 0.7488 } });
    expect(await byCategory('domestic', 'NOX')).toMatchObject({ review: { emitted: 1.113245 } });
    expect(await byCategory('mobile', 'VOCS')).toMatchObject({ review: { emitted: 2.058 } });
    expect(await byCategory('centralised', 'COD')).toMatchObject({ review: { emitted: 848 } });
  });

  it('an edit of N101-2 moves the farm\'s figures and the totals by the difference', async () => {
    const n2 = exampleFarm().forms.find((f) => f.form === 'N101-2')!.answers as Record<string, unknown>;
    const r = await put(sources.farm, 'N101-2', { ...n2, useRate: 96 }, 1);
    expect(r.statusCode, r.body).toBe(200);
    expect((await emissions('farm')).pending).toBe(true);
    await settle();
    // 189.8 × 0.04 × 8.5 ÷ 36.5 = 1.768 t
    expect(await figure('farm', 'COD')).toMatchObject({ emitted: 1.768 });
    expect(await byCategory('livestock', 'COD')).toMatchObject({ review: { generated: 189.8, emitted: 1.768 } });
  });

  it('the verify job finds no difference', async () => {
    await t.ctx.jobs.start();
    const job = await call(t.app, nation, 'POST', '/api/v1/accounting/rollups/verify');
    expect(job.statusCode, job.body).toBe(202);
    await t.ctx.jobs.drain();
    const done = (await call(t.app, nation, 'GET', `/api/v1/jobs/${job.json().job.id}`)).json();
    expect(done.result).toMatchObject({ figureDifferences: 0, rollupDifferences: 0 });
    expect(done.result.sources).toBeGreaterThanOrEqual(4);
  });
});
