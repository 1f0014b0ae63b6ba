// A reach's line as an office types or pastes it: one "lng, lat" pair a line (WGS-84), or the
// JSON array the API speaks. Empty text is no line.

export type Path = Array<[number, number]>;

export function parsePath(text: string): { path: Path | undefined } | { error: number } {
  const s = text.trim();
  if (!s) return { path: undefined };
  if (s.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(s);
      if (Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)))) {
        const path = v as Path;
        const bad = path.findIndex(([lng, lat]) => !plausible(lng, lat));
        return bad >= 0 ? { error: bad + 1 } : path.length >= 2 ? { path } : { error: 1 };
      }
    } catch { /* said below */ }
    return { error: 1 };
  }
  const path: Path = [];
  const lines = s.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const m = /^(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)$/.exec(line);
    if (!m || !plausible(Number(m[1]), Number(m[2]))) return { error: i + 1 };
    path.push([Number(m[1]), Number(m[2])]);
  }
  return path.length >= 2 ? { path } : { error: 1 };
}

const plausible = (lng: number, lat: number) => lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;

export const formatPath = (path: Path | null | undefined) => (path ?? []).map(([lng, lat]) => `${lng}, ${lat}`).join('\n');
