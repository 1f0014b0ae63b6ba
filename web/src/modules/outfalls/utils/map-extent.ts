// The map's window: the extent of the points and reach lines (GCJ-02 lng/lat), padded, never
// smaller than about a kilometre, so one point still shows its surroundings.

export interface Extent { minLng: number; minLat: number; maxLng: number; maxLat: number }

const MIN_SPAN = 0.01; // degrees, ~1 km

export function extentOf(points: Array<[number, number]>, pad = 0.1): Extent | null {
  const ok = points.filter(([lng, lat]) => Number.isFinite(lng) && Number.isFinite(lat));
  if (ok.length === 0) return null;
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (const [lng, lat] of ok) {
    minLng = Math.min(minLng, lng); maxLng = Math.max(maxLng, lng);
    minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  }
  const w = Math.max(maxLng - minLng, MIN_SPAN);
  const h = Math.max(maxLat - minLat, MIN_SPAN);
  const cx = (minLng + maxLng) / 2, cy = (minLat + maxLat) / 2;
  const hw = (w * (1 + 2 * pad)) / 2, hh = (h * (1 + 2 * pad)) / 2;
  return { minLng: cx - hw, maxLng: cx + hw, minLat: cy - hh, maxLat: cy + hh };
}

/** ECharts geo `boundingCoords`: [[west, north], [east, south]]. */
export const boundingCoords = (e: Extent) => [[e.minLng, e.maxLat], [e.maxLng, e.minLat]];

/** A map of one rectangle (the extent), the base when no boundary map is at hand. */
export function extentMap(e: Extent) {
  return {
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: { name: 'extent' },
      geometry: { type: 'Polygon', coordinates: [[[e.minLng, e.minLat], [e.maxLng, e.minLat], [e.maxLng, e.maxLat], [e.minLng, e.maxLat], [e.minLng, e.minLat]]] },
    }],
  };
}

/** Degrees of longitude per degree of latitude on screen, so distances look equal both ways. */
export const aspectScale = (e: Extent) => Math.cos((((e.minLat + e.maxLat) / 2) * Math.PI) / 180);
