import { describe, expect, it } from 'vitest';
import { CARRIED, NATIONAL_COUNTS, NATIONAL_TOTALS_MT, apportion, nationalPlan, pollutantMeans, provinceShares } from './national-plan.ts';

describe('the national synthetic census plan', () => {
  it('spreads the sources over the 32 province-level units, the top five holding 53 %', () => {
    const s = provinceShares();
    expect(Object.keys(s)).toHaveLength(32);
    expect(Object.values(s).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(s['440000'] + s['330000'] + s['320000'] + s['370000'] + s['130000']).toBeCloseTo(0.53, 12);
  });

  it('apportions whole numbers that add up exactly', () => {
    expect(apportion(10, { a: 1 / 3, b: 1 / 3, c: 1 / 3 })).toEqual({ a: 4, b: 3, c: 3 });
    expect(Object.values(apportion(2_477_400, provinceShares())).reduce((a, b) => a + b, 0)).toBe(2_477_400);
  });

  it('at full scale, the bulletin\'s category counts exactly (3,579,700 sources)', () => {
    const plan = nationalPlan(1);
    const by = (c: string) => plan.filter((p) => p.category === c).reduce((a, p) => a + p.count, 0);
    expect({ industrial: by('industrial'), livestock: by('livestock'), domestic: by('domestic'), centralised: by('centralised') }).toEqual(NATIONAL_COUNTS);
    const top = plan.filter((p) => ['440000', '330000', '320000', '370000', '130000'].includes(p.province)).reduce((a, p) => a + p.count, 0);
    expect(top / 3_579_700).toBeCloseTo(0.53, 3);
  });

  it('means per source that sum back to the bulletin\'s national totals', () => {
    const totals: Record<string, number> = {};
    for (const m of pollutantMeans()) totals[m.pollutant] = (totals[m.pollutant] ?? 0) + (m.tonnes * NATIONAL_COUNTS[m.category] * (CARRIED[m.category] / 8)) / 1e6;
    for (const [p, mt] of Object.entries(NATIONAL_TOTALS_MT)) expect(totals[p], p).toBeCloseTo(mt, 6);
    expect(pollutantMeans().every((m) => m.tonnes > 0)).toBe(true);
  });
});
