// One source's emissions, pure: per outlet and pollutant, the monitoring method where the data
// qualify, else the coefficient method over the G106-1 rows of that outlet and pollutant (summed
// over accounting steps), with the lineage of every figure — the form paths read, the library row
// and version or the form's own coefficient, the monitoring record — and the permit cross-check.
import type { Converter } from '../../survey/engine/units.ts';
import { coefficientEmission, type CoefficientInput, type KResult } from './coefficient.ts';
import { monitoredLoad, qualifies, recordsOf, type MonitoringRecord } from './monitoring.ts';

export interface LibraryHit { versionId: number; rowNo: number; coefficient: number; coefficientUnit: string; efficiency: number | null; dischargeCoefficient: number | null }
/** The library row for an accounting row, its formula evaluated with the row's parameter (null: none matches). */
export type Library = (q: { pollutant: string; treatment: string | null; product: string | null; material: string | null; fuel: string | null; activityUnit: string; parameter: number | null }) => LibraryHit | null;

export interface Settings { kDefault: number; captureMin: number; permitRatioMax: number }

export interface Lineage {
  method: 'monitoring' | 'coefficient';
  paths: string[];
  coefficients: Array<{ path: string; source: 'library'; versionId: number; rowNo: number } | { path: string; source: 'form' }>;
  monitoring: null | { form: string; path: string; kind: string; captureRate: number | null };
  k: KResult[];
  rejectedMonitoring: Array<{ form: string; path: string; reason: string }>;
  /** The other categories' methods: rows left out of the figure, defaults used (industry gives none). */
  notes?: string[];
}

export interface Figure {
  outletCode: string;
  pollutant: string;
  method: 'monitoring' | 'coefficient';
  generated: number | null;
  emitted: number;
  permitReported: number | null;
  permitFlag: boolean;
  lineage: Lineage;
}

export interface AccountResult { figures: Figure[]; problems: Array<{ path: string; reason: string; detail: string }> }

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const round = (x: number) => Number(x.toPrecision(12));

/** The G106-1 rows as inputs, the library preferred to the form's own coefficient. */
function coefficientRows(values: unknown, library: Library | null): Array<CoefficientInput & { lineage: Lineage['coefficients'][number]; permit: number | null }> {
  const rows = isObj(values) && Array.isArray(values.rows) ? values.rows : [];
  const out: Array<CoefficientInput & { lineage: Lineage['coefficients'][number]; permit: number | null }> = [];
  rows.forEach((r, i) => {
    if (!isObj(r)) return;
    const path = `G106-1:rows[${i}]`;
    const activityUnit = str(r.activityUnit) ?? '';
    const treatment = str(r.treatment);
    const parameter = num(r.parameter);
    const hit = library?.({ pollutant: String(r.pollutant ?? ''), treatment, product: str(r.productName), material: str(r.materialName), fuel: str(r.fuelCode), activityUnit, parameter }) ?? null;
    const opParams = Array.isArray(r.opParams) ? r.opParams.filter(isObj).map((p) => ({ name: String(p.name ?? ''), value: num(p.value) ?? NaN, unitText: str(p.unitText) })) : [];
    out.push({
      outletCode: String(r.outletCode ?? ''), step: String(r.step ?? ''), pollutant: String(r.pollutant ?? ''),
      activity: num(r.activity) ?? NaN, activityUnit,
      // The form's coefficient is kg per activity unit, per % of its parameter when it has one (G106-1's calculation).
      coefficient: hit ? hit.coefficient : (num(r.genCoefficient) ?? NaN) * (parameter ?? 1),
      coefficientUnit: hit ? hit.coefficientUnit : `kg/${activityUnit}`,
      treatment, efficiency: hit?.efficiency ?? num(r.efficiency), kFactor: num(r.kFactor), opParams, dischargeCoefficient: hit?.dischargeCoefficient ?? null,
      path, permit: num(r.permitReported),
      lineage: hit ? { path, source: 'library', versionId: hit.versionId, rowNo: hit.rowNo } : { path, source: 'form' },
    });
  });
  return out;
}

export interface SourceForms { [form: string]: unknown }

export function accountSource(forms: SourceForms, convert: Converter, settings: Settings, library: Library | null = null): AccountResult {
  const problems: AccountResult['problems'] = [];
  const productionHours = isObj(forms['G101-1']) ? num(forms['G101-1'].operatingHours) : null;
  const monitoring: MonitoringRecord[] = [
    ...recordsOf('G106-2', forms['G106-2'], 'water'), ...recordsOf('G106-3', forms['G106-3'], 'air'), ...recordsOf('J101-3', forms['J101-3'], 'water'),
  ];
  const rows = coefficientRows(forms['G106-1'], library);
  const keys = new Map<string, { outletCode: string; pollutant: string }>();
  for (const x of [...rows, ...monitoring]) keys.set(`${x.outletCode}|${x.pollutant}`, { outletCode: x.outletCode, pollutant: x.pollutant });

  const figures: Figure[] = [];
  for (const [key, { outletCode, pollutant }] of keys) {
    const mine = rows.filter((r) => `${r.outletCode}|${r.pollutant}` === key);
    const records = monitoring.filter((m) => `${m.outletCode}|${m.pollutant}` === key);
    const rejected: Lineage['rejectedMonitoring'] = [];
    const usable = records.find((m) => {
      const q = qualifies(m, settings.captureMin);
      if (!q.ok) rejected.push({ form: m.form, path: m.path, reason: q.reason });
      return q.ok;
    });
    let generated: number | null = null;
    let emittedByCoefficients = 0;
    const k: KResult[] = [];
    let computed = 0;
    for (const r of mine) {
      const res = coefficientEmission(r, convert, productionHours, settings.kDefault);
      if (!res.ok) {
        problems.push({ path: r.path, reason: res.reason, detail: res.detail });
        continue;
      }
      computed++;
      generated = round((generated ?? 0) + res.generated);
      emittedByCoefficients = round(emittedByCoefficients + res.emitted);
      k.push(res.k);
    }
    const permits = mine.map((r) => r.permit).filter((p): p is number => p !== null);
    const permitReported = permits.length ? round(permits.reduce((a, b) => a + b, 0)) : null;
    let figure: Figure | null = null;
    const lineageBase = { coefficients: mine.map((r) => r.lineage), k, rejectedMonitoring: rejected };
    if (usable) {
      const emitted = monitoredLoad(usable);
      figure = {
        outletCode, pollutant, method: 'monitoring', generated, emitted, permitReported, permitFlag: false,
        lineage: { method: 'monitoring', paths: [`${usable.form}:${usable.path}`, ...mine.map((r) => r.path)], monitoring: { form: usable.form, path: usable.path, kind: usable.kind, captureRate: usable.captureRate }, ...lineageBase },
      };
    } else if (computed > 0) {
      figure = {
        outletCode, pollutant, method: 'coefficient', generated, emitted: emittedByCoefficients, permitReported, permitFlag: false,
        lineage: { method: 'coefficient', paths: mine.map((r) => r.path), monitoring: null, ...lineageBase },
      };
    } else {
      problems.push({ path: `${outletCode}|${pollutant}`, reason: 'unaccounted', detail: rejected.map((r) => r.reason).join(',') || 'no usable row' });
    }
    if (figure) {
      figure.permitFlag = permitReported !== null && Math.abs(figure.emitted - permitReported) > Math.max(0.001, permitReported * settings.permitRatioMax);
      figures.push(figure);
    }
  }
  figures.sort((a, b) => a.outletCode.localeCompare(b.outletCode) || a.pollutant.localeCompare(b.pollutant));
  return { figures, problems };
}

/** Per pollutant over all outlets: what a source adds to the totals. */
export function sourceTotals(figures: Figure[]): Record<string, { generated: number | null; emitted: number }> {
  const out: Record<string, { generated: number | null; emitted: number }> = {};
  for (const f of figures) {
    const t = out[f.pollutant] ?? { generated: null, emitted: 0 };
    t.emitted = round(t.emitted + f.emitted);
    if (f.generated !== null) t.generated = round((t.generated ?? 0) + f.generated);
    out[f.pollutant] = t;
  }
  return out;
}
