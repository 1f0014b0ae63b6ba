import { describe, expect, it } from 'vitest';
import { checkVisit, distanceMetres, inChina } from './geo.ts';

describe('coordinates', () => {
  it('accepts points in China and refuses swapped, zero and foreign ones', () => {
    expect(inChina(28.12, 120.98)).toBe(true); // 乐清
    expect(inChina(39.9, 116.4)).toBe(true); // 北京
    expect(inChina(120.98, 28.12)).toBe(false); // swapped
    expect(inChina(0, 0)).toBe(false); // no GPS fix
    expect(inChina(48.85, 2.35)).toBe(false); // Paris
    expect(inChina(-28.12, 120.98)).toBe(false); // lost sign
    expect(inChina(Number.NaN, 120)).toBe(false);
  });

  it('measures distances like a map does', () => {
    // 1° of latitude ≈ 111.2 km
    expect(distanceMetres({ lat: 28, lng: 121 }, { lat: 29, lng: 121 })).toBeGreaterThan(111_000);
    expect(distanceMetres({ lat: 28, lng: 121 }, { lat: 29, lng: 121 })).toBeLessThan(111_400);
    expect(distanceMetres({ lat: 28.1, lng: 120.9 }, { lat: 28.1, lng: 120.9 })).toBe(0);
  });

  it('flags a visit far from the known position, and not a near one', () => {
    const known = { lat: 28.1200, lng: 120.9800 };
    expect(checkVisit({ lat: 28.1201, lng: 120.9801 }, known)).toEqual({ distance: 15, far: false });
    const far = checkVisit({ lat: 28.1300, lng: 120.9800 }, known);
    expect(far.far).toBe(true);
    expect(far.distance).toBeGreaterThan(1000);
    expect(checkVisit(null, known)).toEqual({ distance: null, far: false });
    expect(checkVisit({ lat: 28, lng: 121 }, null)).toEqual({ distance: null, far: false });
  });
});
