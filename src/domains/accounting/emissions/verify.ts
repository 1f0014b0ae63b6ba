// 汇总核对: recompute every source's figures from its stored forms and the totals from those
// figures, and report every difference with what is stored — a stored figure that no longer
// matches its forms, or a rollup row that no longer matches the sum of the figures. Run as a job
// (`npx pucha rollups verify`); it changes nothing.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.ts';
import type { JobHandler } from '../../jobs/index.ts';
import { ACCOUNTING_FORMS } from './emissions.sql.ts';
import { figuresFor, recomputeSource } from './compute.ts';
import { deltas } from './rollup-rules.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export const VERIFY_JOB = 'accounting.verify';
export const RECOMPUTE_JOB = 'accounting.recompute';
const BATCH = 500;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Sources to look at: those with figures or with forms the accounting reads, in id order after `after`. */
async function sourcesAfter(db: Db, after: number, prefix: string) {
  const r = await sql<{ id: number }>`SELECT id FROM (
      SELECT source_id AS id FROM emissions WHERE source_id > ${after} AND ${inScopeOf('emissions', prefix)}
      UNION SELECT source_id FROM submissions WHERE source_id > ${after} AND form IN (${sql.join(ACCOUNTING_FORMS)}) AND ${inScopeOf('submissions', prefix)}) x
    ORDER BY id LIMIT ${BATCH}`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

export const verifyJob: JobHandler<Record<string, never>> = {
  kind: VERIFY_JOB,
  async run(ctx) {
    const { db } = ctx;
    const expected = new Map<string, { generated: number; emitted: number; figures: number }>();
    const figureDiffs: Array<{ sourceId: number; stored: number; now: number }> = [];
    let after = 0;
    let sources = 0;
    for (;;) {
      const ids = await sourcesAfter(db, after, '');
      if (!ids.length) break;
      for (const id of ids) {
        const now = await figuresFor(db, id);
        const stored = await db.selectFrom('emissions').select(['outlet_code', 'pollutant', 'emitted', 'approved']).where('source_id', '=', id).execute();
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        const same = stored.length === now.length && now.every((f) => stored.some((s) => s.outlet_code === f.outletCode && s.pollutant === f.pollutant && s.approved === f.approved && close(Number(s.emitted), f.emitted)));
        if (!same && figureDiffs.length < 100) figureDiffs.push({ sourceId: id, stored: sum(stored.map((s) => Number(s.emitted))), now: sum(now.map((f) => f.emitted)) });
        for (const d of deltas([], now.map((f) => ({ region: f.regionCode, category: f.category, industryDiv: f.industryDiv, pollutant: f.pollutant, approved: f.approved, generated: f.generated, emitted: f.emitted })))) {
          const k = `${d.region}|${d.category}|${d.industryDiv}|${d.pollutant}|${d.approved}`;
          const e = expected.get(k) ?? { generated: 0, emitted: 0, figures: 0 };
          e.generated += d.generated;
          e.emitted += d.emitted;
          e.figures += d.figures;
          expected.set(k, e);
        }
      }
      sources += ids.length;
      after = ids[ids.length - 1];
      await ctx.progress(sources, { message: `${sources} sources checked` });
    }
    const rollupDiffs: Array<{ key: string; stored: number | null; expected: number | null }> = [];
    const rows = await db.selectFrom('emission_rollups').selectAll().execute();
    for (const r of rows) {
      const k = `${r.region_code}|${r.category}|${r.industry_div}|${r.pollutant}|${r.approved}`;
      const e = expected.get(k);
      expected.delete(k);
      const empty = Number(r.figures) === 0 && close(Number(r.emitted), 0);
      if (!e ? !empty : !close(Number(r.emitted), e.emitted) || Number(r.figures) !== e.figures) rollupDiffs.push({ key: k, stored: Number(r.emitted), expected: e ? e.emitted : null });
    }
    for (const [k, e] of expected) if (e.figures !== 0) rollupDiffs.push({ key: k, stored: null, expected: e.emitted });
    return { sources, figureDifferences: figureDiffs.length, rollupDifferences: rollupDiffs.length, figures: figureDiffs, rollups: rollupDiffs.slice(0, 100) };
  },
};

/** Computes every source of a region again (after a coefficient version or a setting changed). */
export const recomputeJob: JobHandler<{ regionCode: string }> = {
  kind: RECOMPUTE_JOB,
  async run(ctx) {
    const prefix = ctx.params.regionCode === '100000' ? '' : ctx.params.regionCode.replace(/(00)+$/, '');
    let after = (ctx.checkpoint as { after: number } | null)?.after ?? 0;
    let done = (ctx.checkpoint as { done: number } | null)?.done ?? 0;
    for (;;) {
      const ids = await sourcesAfter(ctx.db, after, prefix);
      if (!ids.length) break;
      for (const id of ids) await recomputeSource(ctx.db, id, null);
      done += ids.length;
      after = ids[ids.length - 1];
      await ctx.progress(done, { checkpoint: { after, done }, message: `${done} sources computed` });
    }
    return { sources: done };
  },
};
