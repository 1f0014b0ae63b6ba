import { describe, expect, it } from 'vitest';
import { aspectScale, boundingCoords, extentMap, extentOf } from './map-extent.ts';

describe('extentOf', () => {
  it('is null without a usable point', () => {
    expect(extentOf([])).toBeNull();
    expect(extentOf([[NaN, 28]])).toBeNull();
  });

  it('pads the points by a share of the span on each side', () => {
    const e = extentOf([[120, 28], [121, 29]], 0.1)!;
    expect(e.minLng).toBeCloseTo(119.9);
    expect(e.maxLng).toBeCloseTo(121.1);
    expect(e.minLat).toBeCloseTo(27.9);
    expect(e.maxLat).toBeCloseTo(29.1);
  });

  it('gives one point a window of about a kilometre around it', () => {
    const e = extentOf([[120.95, 28.12]], 0)!;
    expect(e.maxLng - e.minLng).toBeCloseTo(0.01);
    expect((e.minLat + e.maxLat) / 2).toBeCloseTo(28.12);
  });

  it('skips non-finite points', () => {
    const e = extentOf([[120, 28], [Infinity, 50]], 0)!;
    expect(e.maxLat).toBeLessThan(29);
  });
});

describe('the base map of the extent', () => {
  it('bounds west-north to east-south and closes its ring', () => {
    const e = { minLng: 120, minLat: 28, maxLng: 121, maxLat: 29 };
    expect(boundingCoords(e)).toEqual([[120, 29], [121, 28]]);
    const ring = extentMap(e).features[0]!.geometry.coordinates[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(aspectScale(e)).toBeCloseTo(Math.cos((28.5 * Math.PI) / 180));
  });
});
