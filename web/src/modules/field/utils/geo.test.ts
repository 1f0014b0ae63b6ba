import { describe, expect, it } from 'vitest';
import { formatDistance, haversine, isLatLng } from './geo.ts';

describe('haversine', () => {
  it('is zero for the same point and symmetric', () => {
    const p = { lat: 28.1127, lng: 120.9673 };
    expect(haversine(p, p)).toBe(0);
    const q = { lat: 28.1289, lng: 120.9835 };
    expect(haversine(p, q)).toBeCloseTo(haversine(q, p), 9);
  });

  it('measures one degree of latitude as about 111.2 km', () => {
    expect(haversine({ lat: 28, lng: 121 }, { lat: 29, lng: 121 })).toBeCloseTo(111_195, -1);
  });

  it('gives 乐清 to 温州 (city centres) about 29 km', () => {
    const yueqing = { lat: 28.1127, lng: 120.9673 };
    const wenzhou = { lat: 27.9939, lng: 120.6994 };
    const d = haversine(yueqing, wenzhou);
    expect(d).toBeGreaterThan(28_000);
    expect(d).toBeLessThan(30_000);
  });

  it('stays finite across the antimeridian and between antipodes', () => {
    expect(haversine({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(111_195, -1);
    expect(haversine({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});

describe('isLatLng and formatDistance', () => {
  it('accepts WGS-84 ranges only', () => {
    expect(isLatLng(28.1, 120.9)).toBe(true);
    expect(isLatLng(91, 120)).toBe(false);
    expect(isLatLng(28, Number.NaN)).toBe(false);
    expect(isLatLng(null, 1)).toBe(false);
  });

  it('rounds for people', () => {
    expect(formatDistance(849.6)).toBe('850 m');
    expect(formatDistance(1234)).toBe('1.2 km');
    expect(formatDistance(36_600)).toBe('37 km');
  });
});
