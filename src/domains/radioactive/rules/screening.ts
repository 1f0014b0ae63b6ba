// 伴生放射性矿 screening (census-facts §9): an enterprise needs the detailed survey (详查) when any
// uranium- or thorium-series nuclide in its ore, raw material or waste exceeds 1 Bq/g, or the γ
// dose rate 1 m above them exceeds the local background by more than 50 nGy/h. Pure and
// browser-safe: the console previews what the server decides.

export const NUCLIDE_LIMIT_BQ_G = 1;
export const DOSE_MARGIN_NGY_H = 50;

/** U-238 and Th-232 series members that the initial measurements report. */
export const NUCLIDES = ['U-238', 'Th-232', 'Ra-226', 'Ra-228', 'Th-230', 'Pb-210', 'Po-210'] as const;
export type Nuclide = (typeof NUCLIDES)[number];

export const POINT_KINDS = ['ore', 'raw', 'waste'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export interface MeasurementPoint {
  label: string;
  kind: PointKind;
  lat?: number | null;
  lng?: number | null;
  doseRateNGyH: number;
  nuclides?: Partial<Record<Nuclide, number>>;
}

export interface ScreeningReason { point: string; rule: 'nuclide' | 'dose'; nuclide?: Nuclide; value: number; limit: number }
export interface Screening { above: boolean; reasons: ScreeningReason[] }

export function screen(backgroundNGyH: number, points: MeasurementPoint[]): Screening {
  const reasons: ScreeningReason[] = [];
  const doseLimit = backgroundNGyH + DOSE_MARGIN_NGY_H;
  for (const p of points) {
    for (const n of NUCLIDES) {
      const v = p.nuclides?.[n];
      if (v !== undefined && v > NUCLIDE_LIMIT_BQ_G) reasons.push({ point: p.label, rule: 'nuclide', nuclide: n, value: v, limit: NUCLIDE_LIMIT_BQ_G });
    }
    if (p.doseRateNGyH > doseLimit) reasons.push({ point: p.label, rule: 'dose', value: p.doseRateNGyH, limit: doseLimit });
  }
  return { above: reasons.length > 0, reasons };
}

export const MAX_POINTS = 200;
export const MAX_BACKGROUND = 10_000;
export const MAX_DOSE = 1e7;
export const MAX_ACTIVITY = 1e6;

/** The first thing wrong with a measurement, as `{ field, detail }`, or null. */
export function measurementProblem(backgroundNGyH: number, points: MeasurementPoint[], inChina: (lat: number, lng: number) => boolean): { field: string; detail: string } | null {
  if (!Number.isFinite(backgroundNGyH) || backgroundNGyH < 0 || backgroundNGyH > MAX_BACKGROUND) return { field: 'backgroundNGyH', detail: `0–${MAX_BACKGROUND} nGy/h` };
  if (!points.length) return { field: 'points', detail: 'at least one point' };
  if (points.length > MAX_POINTS) return { field: 'points', detail: `at most ${MAX_POINTS} points` };
  const labels = new Set<string>();
  for (const [i, p] of points.entries()) {
    const at = `points[${i}]`;
    if (!p.label.trim()) return { field: `${at}.label`, detail: 'a label' };
    if (labels.has(p.label.trim())) return { field: `${at}.label`, detail: 'labels differ within a measurement' };
    labels.add(p.label.trim());
    if (!Number.isFinite(p.doseRateNGyH) || p.doseRateNGyH < 0 || p.doseRateNGyH > MAX_DOSE) return { field: `${at}.doseRateNGyH`, detail: `0–${MAX_DOSE} nGy/h` };
    for (const [n, v] of Object.entries(p.nuclides ?? {})) {
      if (!(NUCLIDES as readonly string[]).includes(n)) return { field: `${at}.nuclides`, detail: `one of ${NUCLIDES.join(', ')}` };
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_ACTIVITY) return { field: `${at}.nuclides.${n}`, detail: `0–${MAX_ACTIVITY} Bq/g` };
    }
    const hasLat = p.lat !== undefined && p.lat !== null;
    const hasLng = p.lng !== undefined && p.lng !== null;
    if (hasLat !== hasLng) return { field: `${at}.lat`, detail: 'both latitude and longitude, or neither' };
    if (hasLat && !inChina(p.lat!, p.lng!)) return { field: `${at}.lat`, detail: 'a point in China (WGS-84)' };
  }
  return null;
}

/** What the enterprise's initial-list entry shows: its stage from the latest measurement. */
export type EnterpriseStage = 'listed' | 'measured' | 'detailed-required' | 'detailed-done';
export const STAGES: readonly EnterpriseStage[] = ['listed', 'measured', 'detailed-required', 'detailed-done'];

export function stageOf(latestAbove: boolean | null, detailedDone: boolean): EnterpriseStage {
  if (latestAbove === null) return 'listed';
  if (!latestAbove) return 'measured';
  return detailedDone ? 'detailed-done' : 'detailed-required';
}
