import { describe, expect, it } from 'vitest';
import { canCheck, canVerify, isAbnormal, outfallCode, testValueProblem } from './outfall.ts';
import { corridorCheck, distanceToPath, wgs84ToGcj02 } from './geo.ts';

describe('outfall rules', () => {
  it('lets the field check a suspect and its own verdicts, and the experts only what the field found or could not decide', () => {
    expect(['suspect', 'confirmed', 'hard', 'rejected', 'verified'].filter((s) => canCheck(s as never))).toEqual(['suspect', 'confirmed', 'hard']);
    expect(['suspect', 'confirmed', 'hard', 'rejected', 'verified'].filter((s) => canVerify(s as never))).toEqual(['confirmed', 'hard']);
  });

  it('flags quick tests above GB 3838-2002 class V, and pH outside 6–9', () => {
    expect(isAbnormal({ parameter: 'cod', value: 40 })).toBe(false);
    expect(isAbnormal({ parameter: 'cod', value: 40.1 })).toBe(true);
    expect(isAbnormal({ parameter: 'nh3n', value: 2.5 })).toBe(true);
    expect(isAbnormal({ parameter: 'tp', value: 0.3 })).toBe(false);
    expect(isAbnormal({ parameter: 'ph', value: 5.9 })).toBe(true);
    expect(isAbnormal({ parameter: 'ph', value: 7 })).toBe(false);
    expect(testValueProblem({ parameter: 'ph', value: 15 })).toMatch(/0 and 14/);
    expect(testValueProblem({ parameter: 'cod', value: -1 })).toMatch(/concentration/);
    expect(testValueProblem({ parameter: 'cod', value: Number.NaN })).toBe('not a number');
    expect(testValueProblem({ parameter: 'cod', value: 1e309 })).toBe('not a number');
  });

  it('numbers outfalls per county', () => {
    expect(outfallCode('330382001', 7)).toBe('330382-0007');
    expect(outfallCode('330382', 12345)).toBe('330382-12345');
  });

  it('shifts to GCJ-02 inside China by a few hundred metres, and not outside', () => {
    const g = wgs84ToGcj02(28.1127, 120.9673);
    // The offset in 乐清 is about -0.0025° latitude and +0.0046° longitude (a few hundred metres).
    expect(g.lat - 28.1127).toBeGreaterThan(-0.005);
    expect(g.lat - 28.1127).toBeLessThan(0);
    expect(g.lng - 120.9673).toBeGreaterThan(0.002);
    expect(g.lng - 120.9673).toBeLessThan(0.007);
    expect(wgs84ToGcj02(48.85, 2.35)).toEqual({ lat: 48.85, lng: 2.35 });
  });

  it('measures the distance to a reach line and judges the corridor generously', () => {
    const path: Array<[number, number]> = [[120.0, 28.0], [120.1, 28.0]];
    // 0.01° north of a line along latitude 28° is about 1.1 km
    expect(Math.abs(distanceToPath({ lat: 28.01, lng: 120.05 }, path) - 1106)).toBeLessThan(15);
    expect(corridorCheck({ lat: 28.01, lng: 120.05 }, path, 2000, 200)).toEqual({ distanceM: expect.any(Number), inside: true });
    expect(corridorCheck({ lat: 28.03, lng: 120.05 }, path, 2000, 200)?.inside).toBe(false);
    expect(corridorCheck({ lat: 28.03, lng: 120.05 }, null, 2000, 200)).toBeNull();
    // beyond the end of the line, the distance is to its end point
    expect(Math.abs(distanceToPath({ lat: 28.0, lng: 120.11 }, path) - 982)).toBeLessThan(15);
  });
});
