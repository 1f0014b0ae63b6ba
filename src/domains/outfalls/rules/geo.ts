// Coordinates of the outfall survey: WGS-84 is stored (what GPS and drone EXIF give); Chinese
// base maps draw in GCJ-02, so answers carry both. The conversion is the published GCJ-02
// approximation (Krasovsky 1940 ellipsoid constants); outside China the two are the same.

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

export { inChina, distanceMetres } from '../../../core/geo.ts';

/**
 * Metres from a point to a reach's line (`[lng, lat]` pairs), on a local flat projection: a reach
 * is a few to a few dozen kilometres, where the error is far below a GPS fix's.
 */
export function distanceToPath(p: { lat: number; lng: number }, path: Array<[number, number]>): number {
  if (!path.length) return Infinity;
  const kx = 111_320 * Math.cos((p.lat * Math.PI) / 180);
  const ky = 110_574;
  const xy = ([lng, lat]: [number, number]) => [(lng - p.lng) * kx, (lat - p.lat) * ky] as const;
  if (path.length === 1) return Math.hypot(...xy(path[0]));
  let best = Infinity;
  for (let i = 1; i < path.length; i++) {
    const [ax, ay] = xy(path[i - 1]);
    const [bx, by] = xy(path[i]);
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/**
 * Inside the survey corridor when within the wider of its two widths of the reach's line: the
 * line alone does not say which side is land, so the check is generous and the field decides.
 */
export function corridorCheck(p: { lat: number; lng: number }, path: Array<[number, number]> | null, landwardM: number, waterwardM: number) {
  if (!path || !path.length) return null;
  const d = distanceToPath(p, path);
  return { distanceM: Math.round(d), inside: d <= Math.max(landwardM, waterwardM) };
}
