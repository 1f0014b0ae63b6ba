// Matching an accounting row to the coefficient library: the specific row before the generic
// one, the treatment exact, boilers found under 4430 by their fuel, a formula evaluated with the
// row's parameter, and no match rather than a guess (wrong unit, a formula without its parameter).
import { describe, expect, it } from 'vitest';
import { makeConverter } from '../../survey/engine/units.ts';
import { UNITS } from '../../survey/forms/code-tables/units.ts';
import { parseFormula } from '../coefficients/formula.ts';
import type { CoefficientRow } from '../coefficients/rules.ts';
import { matchRow, type MatchQuery } from './library-match.ts';

const convert = makeConverter(UNITS);
const row = (rowNo: number, o: Partial<CoefficientRow>): CoefficientRow => ({
  rowNo, industryCode: '3823', product: '', material: '', process: '', scale: '', pollutant: 'VOCS', activityUnit: 't', genCoefficient: 100, genFormula: null,
  coefficientUnit: 'kg/t', treatment: '', efficiency: null, dischargeCoefficient: null, opParams: [], ...o,
});
const ROWS = [
  row(1, {}),
  row(2, { material: '溶剂型涂料', genCoefficient: 450 }),
  row(3, { material: '溶剂型涂料', genCoefficient: 450, treatment: 'V02', efficiency: 85 }),
  row(4, { industryCode: '4430', material: '烟煤', pollutant: 'SO2', genCoefficient: null, genFormula: '19*S' }),
  row(5, { industryCode: '4430', material: '天然气', pollutant: 'NOX', genCoefficient: 18.71, coefficientUnit: 'kg/10km3' }),
];
const q = (o: Partial<MatchQuery>): MatchQuery => ({ industry: '3823', pollutant: 'VOCS', treatment: null, product: null, material: null, fuel: null, activityUnit: 't', parameter: null, ...o });
const match = (o: Partial<MatchQuery>) => matchRow(ROWS, q(o), convert, parseFormula, 9);

describe('coefficient library matching', () => {
  it('prefers the row naming the material, with the same treatment', () => {
    expect(match({ material: '溶剂型涂料' })).toMatchObject({ rowNo: 2, coefficient: 450, versionId: 9 });
    expect(match({ material: '溶剂型涂料', treatment: 'V02' })).toMatchObject({ rowNo: 3, efficiency: 85 });
    expect(match({ material: '水性涂料' })).toMatchObject({ rowNo: 1, coefficient: 100 });
    expect(match({ material: '溶剂型涂料', treatment: 'V09' })).toBeNull();
  });

  it('finds boilers under 4430 by their fuel, evaluating a formula with the parameter', () => {
    expect(match({ fuel: '烟煤', pollutant: 'SO2', parameter: 0.8 })).toMatchObject({ rowNo: 4, coefficient: 15.2 });
    expect(match({ fuel: '烟煤', pollutant: 'SO2', parameter: null })).toBeNull();
    expect(match({ fuel: '天然气', pollutant: 'NOX', activityUnit: 'm3' })).toMatchObject({ rowNo: 5, coefficientUnit: 'kg/10km3' });
  });

  it('refuses a row whose unit does not convert', () => {
    expect(match({ activityUnit: 'm2' })).toBeNull();
  });
});
