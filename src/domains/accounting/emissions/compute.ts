// Computing a source's emissions again: read its forms, account them (methods/), replace its
// figures and move the rollups by the difference — one transaction, so the totals always equal
// the sum of the stored figures. Sources marked by saves and review actions are settled by a
// chore of the worker (settleDirty), in the order they were marked.
import type { Db } from '../../../core/db/index.ts';
import { makeConverter } from '../../survey/engine/units.ts';
import { UNITS } from '../../survey/forms/code-tables/units.ts';
import { accountByCategory } from '../methods/index.ts';
import { CATEGORY_FORMS } from '../forms-read.ts';
import * as q from './emissions.sql.ts';
import { deltas, divisionOf, pastCounty, type RollupFigure } from './rollup-rules.ts';
import { libraryFor, lookupFor } from './library.ts';

const convert = makeConverter(UNITS);

const toRollup = (f: { region_code: string; category: string; industry_div: string; pollutant: string; approved: boolean; generated: string | null; emitted: string }): RollupFigure => ({
  region: f.region_code, category: f.category, industryDiv: f.industry_div, pollutant: f.pollutant, approved: f.approved,
  generated: f.generated === null ? null : Number(f.generated), emitted: Number(f.emitted),
});

/** The figures a source has now (none for a deleted or merged source, or one with no accounting forms). */
export async function figuresFor(db: Db, sourceId: number) {
  const { source, forms: all } = await q.inputsOf(db, sourceId);
  // Only the forms the source's category reads count, for the figures and for their approval.
  const category = source?.category ?? 'industrial';
  const read = CATEGORY_FORMS[category] ?? CATEGORY_FORMS.industrial;
  const forms = all.filter((f) => read.includes(f.form));
  if (!source || source.state !== 'active' || !forms.length) return [];
  // The library in force is preferred to the coefficient the form gives (lineage says which).
  const library = category === 'industrial' ? await libraryFor(db, source.industry_code, convert) : null;
  const lookup = category === 'industrial' ? null : await lookupFor(db, convert);
  const settings = await q.settings(db);
  const values = Object.fromEntries(forms.map((f) => [f.form, f.computed]));
  const approved = forms.every((f) => pastCounty(f.status, f.review_level));
  const { figures } = accountByCategory(category, values, convert, settings, library, lookup);
  const region = source.record_region ?? source.region_code;
  return figures.map((f) => ({
    outletCode: f.outletCode, pollutant: f.pollutant, regionCode: region, category: source.category ?? '', industryDiv: divisionOf(source.industry_code),
    approved, method: f.method, generated: f.generated, emitted: f.emitted, permitReported: f.permitReported, permitFlag: f.permitFlag,
    lineage: { ...f.lineage, revisions: Object.fromEntries(forms.map((x) => [x.form, x.rev])) },
  }));
}

export async function recomputeSource(db: Db, sourceId: number, marked: string | null) {
  const next = await figuresFor(db, sourceId);
  await db.transaction().execute(async (trx) => {
    // One writer per source at a time: the second reads the first's figures as its "before".
    await q.lockSource(trx, sourceId);
    const before = (await q.figuresOf(trx, sourceId)).map(toRollup);
    const after = next.map((f) => ({ region: f.regionCode, category: f.category, industryDiv: f.industryDiv, pollutant: f.pollutant, approved: f.approved, generated: f.generated, emitted: f.emitted }));
    await q.replaceFigures(trx, sourceId, next);
    await q.applyDeltas(trx, deltas(before, after));
    if (marked) await q.clearDirty(trx, sourceId, marked);
  });
  return next.length;
}

/** One pass of the chore: settles up to `limit` marked sources; answers how many it settled. */
export async function settleDirty(db: Db, limit = 100): Promise<number> {
  const marked = await q.dirtySources(db, limit);
  for (const m of marked) await recomputeSource(db, m.sourceId, m.marked);
  return marked.length;
}
