import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inChina } from '../../../core/geo.ts';
import { measurementProblem, screen, stageOf, type MeasurementPoint } from './screening.ts';

const point = (p: Partial<MeasurementPoint>): MeasurementPoint => ({ label: 'P1', kind: 'ore', doseRateNGyH: 100, ...p });

describe('screening of an initial measurement', () => {
  it('is above when any U/Th-series nuclide exceeds 1 Bq/g', () => {
    expect(screen(80, [point({ nuclides: { 'U-238': 1 } })]).above).toBe(false);
    const s = screen(80, [point({ nuclides: { 'U-238': 0.4, 'Th-232': 1.2 } })]);
    expect(s).toEqual({ above: true, reasons: [{ point: 'P1', rule: 'nuclide', nuclide: 'Th-232', value: 1.2, limit: 1 }] });
  });

  it('is above when a dose rate exceeds the background by more than 50 nGy/h, over ore, raw material or waste', () => {
    expect(screen(80, [point({ doseRateNGyH: 130 })]).above).toBe(false);
    expect(screen(80, [point({ kind: 'waste', label: '尾矿', doseRateNGyH: 130.1 })])).toEqual({
      above: true, reasons: [{ point: '尾矿', rule: 'dose', value: 130.1, limit: 130 }],
    });
  });

  it('names every reason, and is below with none', () => {
    const s = screen(100, [point({ doseRateNGyH: 400, nuclides: { 'Ra-226': 2 } }), point({ label: 'P2', kind: 'waste', doseRateNGyH: 90 })]);
    expect(s.reasons.map((r) => `${r.point}:${r.rule}`)).toEqual(['P1:nuclide', 'P1:dose']);
    expect(screen(100, [point({})]).reasons).toEqual([]);
  });

  it('refuses a negative dose rate, a negative or unknown nuclide, a huge background, a point abroad, too many points', () => {
    const bad = (bg: number, pts: MeasurementPoint[]) => measurementProblem(bg, pts, inChina)?.field;
    expect(bad(80, [point({ doseRateNGyH: -1 })])).toBe('points[0].doseRateNGyH');
    expect(bad(80, [point({ nuclides: { 'U-238': -0.1 } })])).toBe('points[0].nuclides.U-238');
    expect(bad(80, [point({ nuclides: { 'Cs-137': 1 } as never })])).toBe('points[0].nuclides');
    expect(bad(20_000, [point({})])).toBe('backgroundNGyH');
    expect(bad(Number.NaN, [point({})])).toBe('backgroundNGyH');
    expect(bad(80, [point({ lat: -28.1, lng: 120.9 })])).toBe('points[0].lat');
    expect(bad(80, [point({ lat: 28.1 })])).toBe('points[0].lat');
    expect(bad(80, [])).toBe('points');
    expect(bad(80, Array.from({ length: 201 }, (_, i) => point({ label: `P${i}` })))).toBe('points');
    expect(bad(80, [point({}), point({})])).toBe('points[1].label');
    expect(bad(80, [point({ lat: 28.1, lng: 120.9, nuclides: { 'Th-232': 0 } })])).toBeUndefined();
  });

  it('decides exactly as its definition says, for any values (property)', () => {
    const pt = fc.record({ dose: fc.double({ min: 0, max: 1e5, noNaN: true }), u: fc.double({ min: 0, max: 10, noNaN: true }) });
    fc.assert(fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.array(pt, { minLength: 1, maxLength: 8 }), (bg, ps) => {
      const points = ps.map((p, i) => point({ label: `P${i}`, doseRateNGyH: p.dose, nuclides: { 'U-238': p.u } }));
      const expected = ps.some((p) => p.u > 1 || p.dose > bg + 50);
      return screen(bg, points).above === expected;
    }));
  });

  it('gives the enterprise its stage from the latest screening', () => {
    expect(stageOf(null, false)).toBe('listed');
    expect(stageOf(false, false)).toBe('measured');
    expect(stageOf(true, false)).toBe('detailed-required');
    expect(stageOf(true, true)).toBe('detailed-done');
  });
});
