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

// Chinese base maps draw in GCJ-02, so answers carry it beside the stored WGS-84. The conversion
// is the published GCJ-02 approximation (Krasovsky 1940 ellipsoid constants); outside China the two are the same.
const A = 6378245.0;
const EE = 0.00669342162296594323;

/** A rough box around China and its seas (the GCJ-02 convention's own test). */
export function inChinaBox(lat: number, lng: number): boolean {
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function tLat(x: number, y: number) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function tLng(x: number, y: number) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

export function wgs84ToGcj02(lat: number, lng: number): { lat: number; lng: number } {
  if (!inChinaBox(lat, lng)) return { lat, lng };
  let dLat = tLat(lng - 105, lat - 35);
  let dLng = tLng(lng - 105, lat - 35);
  const rad = (lat / 180) * Math.PI;
  let magic = Math.sin(rad);
  magic = 1 - EE * magic * magic;
  const sq = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sq)) * Math.PI);
  dLng = (dLng * 180) / ((A / sq) * Math.cos(rad) * Math.PI);
  return { lat: round7(lat + dLat), lng: round7(lng + dLng) };
}
