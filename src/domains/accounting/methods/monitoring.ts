// 监测数据法, pure (census-facts §4). Automatic monitoring counts only with the lowest quarter's
// valid capture at or above the threshold (75% by default, HJ 75-2017 / HJ 355-2019); manual and
// supervisory data count as reported (HJ 91.1-2019). The forms are annual — an outlet's flow or
// hours are the year's — so a record on them is the full-year record the rule asks for.
//   water: E(t) = Q(t ≈ m³) × C(mg/L) × 10⁻⁶
//   gas:   E(t) = C(mg/m³) × standard flow (m³/h) × hours × 10⁻⁹

export type Medium = 'water' | 'air';

export interface MonitoringRecord {
  form: string;
  outletCode: string;
  medium: Medium;
  kind: string; // auto | manual | supervisory
  captureRate: number | null; // % of the lowest quarter, automatic only
  pollutant: string;
  concentration: number;
  annualFlow?: number | null; // water, t per year
  flow?: number | null; // gas, m³/h (standard)
  hours?: number | null; // gas, h per year
  /** Where the record sits in its form, for the lineage: `outlets[0].results[1]`. */
  path: string;
}

export type Qualification = { ok: true } | { ok: false; reason: 'capture' | 'incomplete' };

export function qualifies(r: MonitoringRecord, captureMin: number): Qualification {
  if (r.kind === 'auto' && (r.captureRate === null || r.captureRate < captureMin)) return { ok: false, reason: 'capture' };
  if (!Number.isFinite(r.concentration) || r.concentration < 0) return { ok: false, reason: 'incomplete' };
  if (r.medium === 'water' && !(Number(r.annualFlow) >= 0 && r.annualFlow !== null && r.annualFlow !== undefined)) return { ok: false, reason: 'incomplete' };
  if (r.medium === 'air' && !(Number(r.flow) >= 0 && Number(r.hours) >= 0 && r.flow != null && r.hours != null)) return { ok: false, reason: 'incomplete' };
  return { ok: true };
}

/** Tonnes a year from one record (assumed qualifying). */
export function monitoredLoad(r: MonitoringRecord): number {
  const t = r.medium === 'water' ? Number(r.annualFlow) * r.concentration * 1e-6 : r.concentration * Number(r.flow) * Number(r.hours) * 1e-9;
  return Number(t.toPrecision(12));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The records of a monitoring form's computed values (G106-2 water, G106-3 gas, J101-3 water). */
export function recordsOf(form: string, values: unknown, medium: Medium): MonitoringRecord[] {
  const out: MonitoringRecord[] = [];
  const outlets = isObj(values) && Array.isArray(values.outlets) ? values.outlets : [];
  outlets.forEach((o, i) => {
    if (!isObj(o) || !Array.isArray(o.results)) return;
    o.results.forEach((r, j) => {
      if (!isObj(r) || typeof r.pollutant !== 'string') return;
      out.push({
        form, outletCode: String(o.outletCode ?? ''), medium, kind: String(o.monitoringKind ?? ''), captureRate: num(o.captureRate),
        pollutant: r.pollutant, concentration: num(r.concentration) ?? NaN,
        annualFlow: num(o.annualFlow), flow: num(o.flow), hours: num(o.hours), path: `outlets[${i}].results[${j}]`,
      });
    });
  });
  return out;
}
