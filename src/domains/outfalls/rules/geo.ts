// Coordinates of the outfall survey: WGS-84 is stored (what GPS and drone EXIF give); Chinese
// base maps draw in GCJ-02, so answers carry both (the conversion is in core/geo.ts).

export { inChina, distanceMetres, inChinaBox, wgs84ToGcj02 } from '../../../core/geo.ts';

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
