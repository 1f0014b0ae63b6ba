// Finding the coefficient-library row for an accounting row, pure. Candidates are the rows of
// the source's industry class for the pollutant — or, for fuel burnt (activity kind fuel), the
// boiler rows of 4430 热力生产和供应 whose raw material is that fuel. A row with a product or a
// material must name the row's own; an empty one is generic. The treatment must be the row's
// (an empty treatment is the coefficient without end treatment). The activity unit must convert
// to the coefficient's. The most specific candidate wins, then the first in the table.
import type { Converter } from '../../survey/engine/units.ts';
import type { Formula } from '../coefficients/formula.ts';
import type { CoefficientRow } from '../coefficients/rules.ts';
import type { LibraryHit, LookupQuery } from '../methods/index.ts';

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
  return best ? hitOf(best.row, q.parameter, formulaOf, versionId) : null;
}

function hitOf(r: CoefficientRow, parameter: number | null, formulaOf: (text: string) => Formula | null, versionId: number): LibraryHit | null {
  let coefficient = r.genCoefficient;
  if (coefficient === null) {
    const f = r.genFormula ? formulaOf(r.genFormula) : null;
    if (!f || parameter === null) return null; // a formula needs its parameter (sulphur, ash…)
    coefficient = f.evaluate(parameter);
    if (coefficient === null) return null;
  }
  return { versionId, rowNo: r.rowNo, coefficient, coefficientUnit: r.coefficientUnit, efficiency: r.efficiency, dischargeCoefficient: r.dischargeCoefficient };
}

/**
 * The row for the other categories' methods (methods/other-common.ts): the industry class, the
 * pollutant and the treatment exactly ('' = without end treatment); product, material, process
 * and scale each either empty on the row (generic) or the query's — a field the query leaves
 * undefined takes any row's. The activity unit must convert; the most specific row wins, then
 * the first in the table; a formula needs its parameter.
 */
export function matchLookup(rows: readonly CoefficientRow[], q: LookupQuery, convert: Converter, formulaOf: (text: string) => Formula | null, versionId: number): LibraryHit | null {
  const texts = ['product', 'material', 'process', 'scale'] as const;
  let best: { row: CoefficientRow; score: number } | null = null;
  for (const r of rows) {
    if (r.industryCode !== q.industry || r.pollutant !== q.pollutant || r.treatment !== (q.treatment ?? '')) continue;
    if (texts.some((f) => r[f] && q[f] !== undefined && r[f] !== q[f])) continue;
    const per = r.coefficientUnit.split('/')[1];
    if (!per || convert(1, q.activityUnit, per) === null) continue;
    const score = texts.filter((f) => r[f] && q[f] !== undefined).length;
    if (!best || score > best.score || (score === best.score && r.rowNo < best.row.rowNo)) best = { row: r, score };
  }
  return best ? hitOf(best.row, q.parameter ?? null, formulaOf, versionId) : null;
}
