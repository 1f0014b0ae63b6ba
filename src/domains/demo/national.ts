// 全国合成普查 `pucha demo --national`: a synthetic census of the whole country for trials and
// benchmarks at national scale — 3,579,700 sources at scale 1 with the bulletin's category counts
// and a realistic provincial spread (national-plan.ts), each inventoried and with emission figures
// that sum to the bulletin's national totals, and the totals at every level. A job: one step per
// province for the sources, then the inventory, the figures, the totals and the survey forms
// (approved, with their review steps: national-survey.sql.ts), each one statement;
// the checkpoint names the next step, so a stopped load resumes where it was.
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../core/db/index.ts';
import type { JobHandler } from '../jobs/index.ts';
import { SYSTEM } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { nationalPlan } from './national-plan.ts';
import * as q from './national.sql.ts';
import { insertSubmissions } from './national-survey.sql.ts';

export const DEMO_NATIONAL_JOB = 'demo.national';

interface Checkpoint { fromId: number; step: number }

export const nationalJob: JobHandler<{ scale: number }> = {
  kind: DEMO_NATIONAL_JOB,
  async run(ctx) {
    const { db } = ctx;
    const plan = nationalPlan(ctx.params.scale);
    const provinces = [...new Set(plan.map((p) => p.province))].sort();
    const steps = [
      ...provinces.map((p) => ({ label: `sources of ${p}`, run: (from: number) => q.insertSources(db, plan.filter((r) => r.province === p)).then(() => from) })),
      { label: 'inventory records', run: (from: number) => q.insertInventory(db, from).then(() => from) },
      { label: 'emission figures', run: (from: number) => q.insertFigures(db, from).then(() => from) },
      { label: 'totals at every level', run: (from: number) => q.addRollups(db, from).then(() => from) },
      { label: 'survey forms, approved', run: (from: number) => insertSubmissions(db, from).then(() => from) },
    ];
    const cp = (ctx.checkpoint as Checkpoint | null) ?? { fromId: await q.maxSourceId(db), step: 0 };
    const started = Date.now();
    for (let i = cp.step; i < steps.length; i++) {
      await ctx.progress(i, { total: steps.length, message: steps[i].label, checkpoint: { fromId: cp.fromId, step: i } });
      await steps[i].run(cp.fromId);
    }
    await ctx.progress(steps.length, { total: steps.length, message: 'done', checkpoint: { fromId: cp.fromId, step: steps.length } });
    const result = { sources: plan.reduce((a, p) => a + p.count, 0), scale: ctx.params.scale, seconds: Math.round((Date.now() - started) / 100) / 10 };
    await db.transaction().execute((trx) => recordAudit(trx, { ...SYSTEM, id: ctx.createdBy }, { action: 'demo.national', entity: 'census', entityId: 'national', regionCode: null, after: result }));
    return result;
  },
};

/** Refuses a load while synthetic sources are there already (a second would double them). */
export async function checkNational(db: Db, scale: number) {
  if (!(scale > 0 && scale <= 1)) throw new AppError('REQUEST_INVALID', { detail: 'scale must be in (0, 1]' });
  const there = await q.syntheticCount(db);
  if (there > 0) throw new AppError('DEMO_NATIONAL_LOADED', { count: there });
}
