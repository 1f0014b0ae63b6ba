// 生活源 (S forms as our catalogue defines them), pure. Of the domestic forms only S103, S104 and
// S105 are defined; none carries population (S102/S201/S202 are not defined yet), so the
// per-capita method has nothing to read. What they carry:
// - S103 non-industrial boilers: residential and service-sector fuel burnt — the coefficient
//   method per boiler (outlet = boiler number) and pollutant (SO2, NOX, PM):
//     G = c × fuel used, c from the library's boiler rows (industry 4430, material = the fuel's
//         name, the boiler stage's treatment — else the row without one);
//     E = G × (1 − η·k) as for industry (coefficient.ts): η from the library row with the
//         treatment, else the form's stage efficiency; k the national default (no production hours).
//   A fuel whose coefficient is a formula (coal: 19·S) needs a sulphur or ash content S103 does
//   not ask for: no figure, and the problem says so.
// - S104 outfall with S105 samples: the monitoring method (manual samples always qualify):
//     E(t) = Q × C(mg/L) × 10⁻⁶, Q = estimated daily flow (S104, else the flow when sampled,
//     S105) × 365 d (m³ ≈ t). Only outfalls whose load no other source accounts for: domestic
//     sewage, mixed, storm drains flowing in dry weather and other (kinds 3, 4, 6, 9); industrial
//     and municipal-plant outfalls (1, 2) carry the loads of G and J sources, agricultural ones
//     (5) those of farms, so they give no figure (a problem says why).
import type { Converter } from '../../survey/engine/units.ts';
import { FUELS } from '../../survey/forms/code-tables/fuels.ts';
import type { AccountResult } from './account.ts';
import { coefficientEmission } from './coefficient.ts';
import { monitoredLoad, qualifies, type MonitoringRecord } from './monitoring.ts';
import { FigureSet, isObj, libraryRef, num, rowsOf, str, type Lookup, type OtherSettings, type Problem } from './other-common.ts';

export const BOILER_INDUSTRY = '4430';
/** The boiler row's treatment stage of each pollutant (fragments.ts treatmentStages). */
export const BOILER_STAGES = [['SO2', 'ds'], ['NOX', 'dn'], ['PM', 'dust']] as const;
export const OUTFALL_KINDS_COUNTED = new Set(['3', '4', '6', '9']);
export const OUTFALL_DAYS = 365;

const fuelName = new Map(FUELS.map((f) => [f.code, f.zh]));

function boilers(forms: Record<string, unknown>, convert: Converter, settings: OtherSettings, lookup: Lookup | null, out: FigureSet, problems: Problem[]) {
  rowsOf(forms.S103, 'boilers').forEach((b, i) => {
    if (!isObj(b)) return;
    const path = `S103:boilers[${i}]`;
    const outlet = str(b.boilerNo) ?? `boiler${i + 1}`;
    const fuel = fuelName.get(String(b.fuelCode ?? ''));
    const unit = str(b.fuelUnit) ?? '';
    const used = num(b.fuelUse);
    if (!fuel || used === null) return void problems.push({ path: `${path}.fuelUse`, reason: 'activity', detail: 'missing' });
    for (const [pollutant, stage] of BOILER_STAGES) {
      const treatment = str(b[`${stage}Tech`]);
      const q = { industry: BOILER_INDUSTRY, material: fuel, pollutant, activityUnit: unit, parameter: null };
      const treated = treatment ? lookup?.({ ...q, treatment }) ?? null : null;
      const hit = treated ?? lookup?.({ ...q, treatment: null }) ?? null;
      if (!hit) {
        problems.push({ path, reason: 'no-coefficient', detail: `${fuel} ${pollutant} ${unit}` });
        continue;
      }
      const res = coefficientEmission({
        outletCode: outlet, step: '锅炉', pollutant, activity: used, activityUnit: unit, coefficient: hit.coefficient, coefficientUnit: hit.coefficientUnit,
        treatment, efficiency: treated ? treated.efficiency : num(b[`${stage}Efficiency`]), kFactor: null, opParams: [],
        dischargeCoefficient: treated?.dischargeCoefficient ?? null, path,
      }, convert, null, settings.kDefault);
      if (!res.ok) {
        problems.push({ path, reason: res.reason, detail: res.detail });
        continue;
      }
      const paths = [`${path}.fuelUse`, ...(treatment ? [`${path}.${stage}Tech`, ...(treated ? [] : [`${path}.${stage}Efficiency`])] : [])];
      out.add(outlet, pollutant, 'coefficient', res.generated, res.emitted, {
        paths, coefficients: [libraryRef(`${path}.fuelUse`, hit)], k: treatment ? [res.k] : [],
        notes: treatment && !treated ? [`${path}: no library row with ${treatment}; the form's efficiency used`] : [],
      });
    }
  });
}

function outfall(forms: Record<string, unknown>, captureMin: number, out: FigureSet, problems: Problem[]) {
  const s104 = isObj(forms.S104) ? forms.S104 : null;
  const s105 = isObj(forms.S105) ? forms.S105 : null;
  if (!s105) return;
  const kind = s104 ? String(s104.kind ?? '') : '';
  if (!OUTFALL_KINDS_COUNTED.has(kind)) return void problems.push({ path: 'S104:kind', reason: 'outfall-kind', detail: kind || 'no S104' });
  const daily = num(s104?.estimatedFlow) ?? num(s105.flow);
  const flowPath = num(s104?.estimatedFlow) !== null ? 'S104:estimatedFlow' : 'S105:flow';
  const outlet = str(s104?.outfallCode) ?? str(s105.outfallCode) ?? 'OUTFALL';
  rowsOf(s105, 'results').forEach((r, j) => {
    if (!isObj(r) || typeof r.pollutant !== 'string') return;
    const rec: MonitoringRecord = {
      form: 'S105', outletCode: outlet, medium: 'water', kind: 'manual', captureRate: null, pollutant: r.pollutant,
      concentration: num(r.concentration) ?? NaN, annualFlow: daily === null ? null : daily * OUTFALL_DAYS, path: `results[${j}]`,
    };
    const q = qualifies(rec, captureMin);
    if (!q.ok) return void problems.push({ path: `S105:${rec.path}`, reason: q.reason, detail: flowPath });
    out.add(outlet, r.pollutant, 'monitoring', null, monitoredLoad(rec), {
      paths: [`S105:${rec.path}`, flowPath], monitoring: { form: 'S105', path: rec.path, kind: 'manual', captureRate: null },
      notes: [`Q = ${flowPath} × ${OUTFALL_DAYS} d`],
    });
  });
}

export function accountDomestic(forms: Record<string, unknown>, convert: Converter, settings: OtherSettings, lookup: Lookup | null): AccountResult {
  const problems: Problem[] = [];
  const out = new FigureSet();
  boilers(forms, convert, settings, lookup, out, problems);
  outfall(forms, settings.captureMin, out, problems);
  return { figures: out.figures(), problems };
}
