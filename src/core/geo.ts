// WGS-84 coordinates as GPS and cameras give them: China's extent and distances, shared by the
// inventory's field visits and the outfall survey. Pure and browser-safe.

/**
 * China's extent, as a box slightly larger than the land and sea territory
 * (Zengmu Ansha 3.8°N … Mohe 53.6°N, Pamir 73.5°E … Fuyuan 135.1°E). A box also
 * admits parts of neighbouring countries; it catches what matters in the field:
 * swapped latitude and longitude, a missing sign, degrees-minutes typed as
 * decimals, and the (0, 0) of a GPS that has no fix.
 */
export const CHINA_BOX = { minLat: 3.5, maxLat: 53.7, minLng: 73.4, maxLng: 135.2 } as const;

export function inChina(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng)
    && lat >= CHINA_BOX.minLat && lat <= CHINA_BOX.maxLat && lng >= CHINA_BOX.minLng && lng <= CHINA_BOX.maxLng;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine; good to a few metres at these distances). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
