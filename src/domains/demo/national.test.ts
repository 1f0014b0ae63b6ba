// The national synthetic census at 1/1000 scale on both databases: the bulletin's category
// counts, the provincial spread, every source inventoried, figures that sum to the bulletin's
// national totals (scaled), totals at every level equal to the figures, a second load refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { NATIONAL_TOTALS_MT } from './national-plan.ts';
import { contentHash } from '../survey/submissions/rules.ts';

const SCALE = 0.001;

describe.each(databaseKinds())('the national synthetic census on %s', (kind) => {
  let t: TestApp;
  let nation: Session;
  let job: { id: number };

  beforeAll(async () => {
    t = await startTestApp(kind);
    nation = await login(t.app, 'nation');
    const r = await call(t.app, nation, 'POST', '/api/v1/demo/national', { scale: SCALE });
    expect(r.statusCode, r.body).toBe(202);
    job = r.json().job;
    await t.ctx.jobs.drain();
  }, 120_000);
  afterAll(() => t.close());

  it('loads as a job with its steps as progress', async () => {
    const j = (await call(t.app, nation, 'GET', `/api/v1/jobs/${job.id}`)).json();
    expect(j.status, JSON.stringify(j)).toBe('succeeded');
    expect(j.result).toMatchObject({ sources: 3580, scale: SCALE });
    expect([j.progressDone, j.progressTotal]).toEqual([36, 36]); // 32 provinces + inventory, figures, totals, survey forms
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'demo.national').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ sources: 3580, scale: SCALE });
  });

  it('has the bulletin\'s category counts and the top five provinces\' 53 %', async () => {
    const rows = (await sql<{ category: string; n: number }>`SELECT category, count(*)::int AS n FROM sources WHERE name LIKE '合成普查对象%' GROUP BY 1`.execute(t.ctx.db)).rows;
    expect(Object.fromEntries(rows.map((r) => [r.category, r.n]))).toEqual({ industrial: 2477, livestock: 379, domestic: 640, centralised: 84 });
    const top = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM sources WHERE name LIKE '合成普查对象%' AND left(region_code, 2) IN ('44','33','32','37','13')`.execute(t.ctx.db)).rows[0].n;
    expect(top / 3580).toBeGreaterThan(0.52);
    expect(top / 3580).toBeLessThan(0.54);
    // placed in real counties of their province, inventoried and confirmed
    const bad = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM sources s JOIN regions r ON r.code = s.region_code LEFT JOIN inventory_records ir ON ir.source_id = s.id
      WHERE s.name LIKE '合成普查对象%' AND (r.level NOT IN ('county', 'prefecture') OR ir.state IS DISTINCT FROM 'normal' OR ir.confirmation <> 'confirmed')`.execute(t.ctx.db)).rows[0].n;
    expect(bad).toBe(0);
  });

  it('carries figures that sum to the bulletin\'s totals, and totals at every level equal to them', async () => {
    const sums = (await sql<{ pollutant: string; t: string }>`SELECT pollutant, sum(emitted) AS t FROM emissions WHERE lineage @> '{"synthetic":true}' GROUP BY 1`.execute(t.ctx.db)).rows;
    for (const s of sums) {
      const expected = NATIONAL_TOTALS_MT[s.pollutant] * 1e6 * SCALE;
      expect(Math.abs(Number(s.t) - expected) / expected, s.pollutant).toBeLessThan(0.1);
    }
    expect(sums.map((s) => s.pollutant).sort()).toEqual(Object.keys(NATIONAL_TOTALS_MT).sort());
    // the nation's and 广东省's totals (summary rows) equal the figures under them
    for (const region of ['100000', '440000']) {
      const rolled = (await sql<{ pollutant: string; e: string }>`SELECT pollutant, emitted AS e FROM emission_rollups WHERE region_code = ${region} AND category = '*' AND industry_div = '*' AND approved`.execute(t.ctx.db)).rows;
      const figures = (await sql<{ pollutant: string; e: string }>`SELECT pollutant, sum(emitted) AS e FROM emissions WHERE approved AND (${region} = '100000' OR province_code = ${region}) GROUP BY 1`.execute(t.ctx.db)).rows;
      const want = Object.fromEntries(figures.map((f) => [f.pollutant, Number(f.e)]));
      for (const r of rolled) expect(Number(r.e), `${region} ${r.pollutant}`).toBeCloseTo(want[r.pollutant], 3);
    }
    // and the API reads them
    const totals = (await call(t.app, nation, 'GET', '/api/v1/accounting/totals?region=100000')).json();
    expect(JSON.stringify(totals)).toContain('COD');
  });

  it('has one approved survey form per source, the form of its category, with its revision and review steps', async () => {
    const forms = (await sql<{ category: string; form: string; n: number }>`SELECT s.category, f.form, count(*)::int AS n FROM sources s
      LEFT JOIN submissions f ON f.source_id = s.id WHERE s.name LIKE '合成普查对象%' GROUP BY 1, 2 ORDER BY 1`.execute(t.ctx.db)).rows;
    expect(forms).toEqual([
      { category: 'centralised', form: 'J101-1', n: 84 }, { category: 'domestic', form: 'S103', n: 640 },
      { category: 'industrial', form: 'G101-1', n: 2477 }, { category: 'livestock', form: 'N101-1', n: 379 },
    ]);
    const odd = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions f JOIN sources s ON s.id = f.source_id
      WHERE f.status <> 'approved' OR NOT f.ready OR f.review_level <> 'city' OR f.region_code <> s.region_code
        OR (SELECT count(*) FROM review_steps st WHERE st.submission_id = f.id) <> 3
        OR NOT EXISTS (SELECT 1 FROM submission_revisions r WHERE r.submission_id = f.id AND r.rev = 1 AND r.content_hash = f.content_hash)`.execute(t.ctx.db)).rows[0].n;
    expect(odd).toBe(0);
    // answers as the forms name them, and the hash the save path computes from them
    const some = await t.ctx.db.selectFrom('submissions').select(['source_id', 'form', 'version', 'answers', 'content_hash']).orderBy('seq').limit(400).execute();
    for (const f of some) expect(f.content_hash, f.form).toBe(contentHash({ sourceId: Number(f.source_id), form: f.form, version: f.version, status: 'submitted', answers: f.answers, explanations: {} }));
    const s103 = some.find((f) => f.form === 'S103');
    expect(s103?.answers).toMatchObject({ unitName: expect.stringMatching(/^合成普查对象/), regionCode: expect.any(String), boilers: [{ boilerNo: expect.any(String), runHours: expect.any(Number) }] });
    expect(some.find((f) => f.form === 'G101-1')?.answers).toMatchObject({ industryCode: expect.any(String), outputValue: expect.any(Number), keySource: expect.any(Boolean) });
    // none marked for the accounting, so the worker left the synthetic figures as they were made
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM emissions e JOIN sources s ON s.id = e.source_id
      WHERE s.name LIKE '合成普查对象%' AND NOT e.lineage @> '{"synthetic":true}'`.execute(t.ctx.db)).rows[0].n).toBe(0);
  });

  it('refuses a second load and a scale out of range, queueing nothing', async () => {
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM jobs WHERE kind = 'demo.national'`.execute(t.ctx.db)).rows[0].n;
    const again = await call(t.app, nation, 'POST', '/api/v1/demo/national', { scale: SCALE });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'DEMO_NATIONAL_LOADED']);
    expect((await call(t.app, nation, 'POST', '/api/v1/demo/national', { scale: 2 })).statusCode).toBe(400);
    expect((await call(t.app, nation, 'POST', '/api/v1/demo/national', { scale: 0 })).statusCode).toBe(400);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM jobs WHERE kind = 'demo.national'`.execute(t.ctx.db)).rows[0].n).toBe(before);
  });
});
