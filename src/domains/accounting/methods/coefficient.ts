// 系数法, pure (census-facts §4): generated = coefficient × activity level; emitted =
// generated × (1 − η·k), or generated × (discharge ÷ generation coefficient) where the library
// gives a discharge coefficient. η is the treatment's mean removal efficiency; k ∈ [0, 1] the
// actual-operation factor. The official definition of k is not public: the form's own k when the
// respondent gave one, else facility hours ÷ production hours when an operating parameter is
// hours, else the national office's default (accounting_settings.k_default, 1 unless changed).
import type { Converter } from '../../survey/engine/units.ts';

export interface OpParam { name: string; value: number; unitText?: string | null }

export interface CoefficientInput {
  outletCode: string;
  step: string;
  pollutant: string;
  activity: number;
  activityUnit: string;
  /** Evaluated already (a formula's parameter applied), in `coefficientUnit`. */
  coefficient: number;
  coefficientUnit: string; // mass per unit: 'kg/t', 'g/t', 'kg/10km3'
  treatment: string | null;
  efficiency: number | null; // %
  kFactor: number | null;
  opParams: OpParam[];
  dischargeCoefficient?: number | null; // same unit as the coefficient
  path: string;
}

export interface KResult { k: number; source: 'form' | 'hours' | 'default' | 'none' }

const HOURS = /运行时间|运行小时|运行时数|hours?/i;

export function operationFactor(row: Pick<CoefficientInput, 'treatment' | 'kFactor' | 'opParams'>, productionHours: number | null, kDefault: number): KResult {
  if (!row.treatment) return { k: 0, source: 'none' };
  if (row.kFactor !== null && row.kFactor >= 0 && row.kFactor <= 1) return { k: row.kFactor, source: 'form' };
  const hours = row.opParams.find((p) => HOURS.test(p.name) && Number.isFinite(p.value) && p.value >= 0);
  if (hours && productionHours && productionHours > 0) return { k: Math.min(1, hours.value / productionHours), source: 'hours' };
  return { k: kDefault, source: 'default' };
}

export type CoefficientResult =
  | { ok: true; generated: number; emitted: number; eta: number; k: KResult }
  | { ok: false; reason: 'unit' | 'efficiency'; detail: string };

const round = (x: number) => Number(x.toPrecision(12));

/** Tonnes generated and emitted by one accounting row. */
export function coefficientEmission(row: CoefficientInput, convert: Converter, productionHours: number | null, kDefault: number): CoefficientResult {
  const [massUnit, perUnit] = row.coefficientUnit.split('/');
  if (!massUnit || !perUnit) return { ok: false, reason: 'unit', detail: row.coefficientUnit };
  const activity = convert(row.activity, row.activityUnit, perUnit);
  const toT = convert(1, massUnit, 't');
  if (activity === null || toT === null) return { ok: false, reason: 'unit', detail: `${row.activityUnit} → ${perUnit}, ${massUnit} → t` };
  const generated = round(row.coefficient * activity * toT);
  if (row.dischargeCoefficient != null && row.coefficient > 0) {
    return { ok: true, generated, emitted: round(generated * (row.dischargeCoefficient / row.coefficient)), eta: 1 - row.dischargeCoefficient / row.coefficient, k: { k: 1, source: 'none' } };
  }
  const eta = row.treatment ? (row.efficiency ?? 0) / 100 : 0;
  if (eta < 0 || eta > 1) return { ok: false, reason: 'efficiency', detail: String(row.efficiency) };
  const k = operationFactor(row, productionHours, kDefault);
  return { ok: true, generated, emitted: round(generated * (1 - eta * k.k)), eta, k };
}
