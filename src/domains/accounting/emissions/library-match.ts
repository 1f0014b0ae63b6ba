// Finding the coefficient-library row for an accounting row, pure. Candidates are the rows of
// the source's industry class for the pollutant — or, for fuel burnt (activity kind fuel), the
// boiler rows of 4430 热力生产和供应 whose raw material is that fuel. A row with a product or a
// material must name the row's own; an empty one is generic. The treatment must be the row's
// (an empty treatment is the coefficient without end treatment). The activity unit must convert
// to the coefficient's. The most specific candidate wins, then the first in the table.
import type { Converter } from '../../survey/engine/units.ts';
import type { Formula } from '../coefficients/formula.ts';
import type { CoefficientRow } from '../coefficients/rules.ts';
import type { LibraryHit } from '../methods/index.ts';

export const BOILER_INDUSTRY = '4430';

export interface MatchQuery {
  industry: string | null;
  pollutant: string;
  treatment: string | null;
  product: string | null;
  material: string | null;
  /** The fuel's name (zh) when the activity is fuel burnt. */
  fuel: string | null;
  activityUnit: string;
  parameter: number | null;
}

export function matchRow(rows: readonly CoefficientRow[], q: MatchQuery, convert: Converter, formulaOf: (text: string) => Formula | null, versionId: number): LibraryHit | null {
  const industry = q.fuel ? BOILER_INDUSTRY : q.industry;
  const material = q.fuel ?? q.material;
  let best: { row: CoefficientRow; score: number } | null = null;
  for (const r of rows) {
    if (r.industryCode !== industry || r.pollutant !== q.pollutant || r.treatment !== (q.treatment ?? '')) continue;
    if (r.product && r.product !== q.product) continue;
    if (r.material && r.material !== material) continue;
    const per = r.coefficientUnit.split('/')[1];
    if (!per || convert(1, q.activityUnit, per) === null) continue;
    const score = (r.product ? 1 : 0) + (r.material ? 1 : 0);
    if (!best || score > best.score || (score === best.score && r.rowNo < best.row.rowNo)) best = { row: r, score };
  }
  if (!best) return null;
  const r = best.row;
  let coefficient = r.genCoefficient;
  if (coefficient === null) {
    const f = r.genFormula ? formulaOf(r.genFormula) : null;
    if (!f || q.parameter === null) return null; // a formula needs its parameter (sulphur, ash…)
    coefficient = f.evaluate(q.parameter);
    if (coefficient === null) return null;
  }
  return { versionId, rowNo: r.rowNo, coefficient, coefficientUnit: r.coefficientUnit, efficiency: r.efficiency, dischargeCoefficient: r.dischargeCoefficient };
}
