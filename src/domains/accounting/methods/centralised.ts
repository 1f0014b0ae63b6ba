// 集中式污染治理设施: wastewater plants (J101-1 basic, J101-2 operation, J101-3 monitoring), pure.
// Per pollutant, in this order:
// 1. J101-3 monitoring where every record of the pollutant qualifies (automatic capture ≥ 75%,
//    monitoring.ts): E = Q × C × 10⁻⁶ per outlet; the plant's influent load (below) is the
//    generated figure when the plant has one outlet.
// 2. Otherwise J101-2's annual mean influent and effluent concentrations with the volume treated:
//    G = V × C_in × 10⁻⁶, E = V × C_out × 10⁻⁶ (V in m³ from 万m³; method 'monitoring', the
//    record of kind 'annual-mean' — the plant's own measurements, not a coefficient).
// 3. Otherwise a coefficient from the library: industry 4620, the plant's main process (J101-1)
//    as treatment: G = c × V, E = G × (1 − η·k) (coefficient.ts), for COD, NH3N, TN, TP.
// The outlet is J101-3's when it names one outlet, else 'PLANT'. Monitoring set aside is named in
// the lineage; a pollutant with monitoring that does not qualify and nothing else: a problem.
import type { Converter } from '../../survey/engine/units.ts';
import type { AccountResult } from './account.ts';
import { coefficientEmission } from './coefficient.ts';
import { monitoredLoad, qualifies, recordsOf } from './monitoring.ts';
import { FigureSet, isObj, libraryRef, num, round, rowsOf, str, type Lookup, type OtherSettings, type Problem } from './other-common.ts';

export const PLANT_INDUSTRY = '4620';
export const PLANT_POLLUTANTS = ['COD', 'NH3N', 'TN', 'TP'];

export function accountCentralised(forms: Record<string, unknown>, convert: Converter, settings: OtherSettings, lookup: Lookup | null): AccountResult {
  const problems: Problem[] = [];
  const out = new FigureSet();
  const records = recordsOf('J101-3', forms['J101-3'], 'water');
  const outlets = [...new Set(records.map((r) => r.outletCode))];
  const plantOutlet = outlets.length === 1 ? outlets[0] : 'PLANT';
  const op = isObj(forms['J101-2']) ? forms['J101-2'] : null;
  const treated = num(op?.treated);
  const volume = treated === null ? null : convert(treated, '10km3', 'm3');
  const quality = new Map<string, { path: string; influent: number | null; effluent: number | null }>();
  rowsOf(op, 'quality').forEach((q, i) => {
    if (isObj(q) && typeof q.pollutant === 'string') quality.set(q.pollutant, { path: `J101-2:quality[${i}]`, influent: num(q.influent), effluent: num(q.effluent) });
  });
  const process = isObj(forms['J101-1']) ? str(forms['J101-1'].process) : null;
  const pollutants = [...new Set([...records.map((r) => r.pollutant), ...quality.keys(), ...PLANT_POLLUTANTS])];

  for (const pollutant of pollutants) {
    const mine = records.filter((r) => r.pollutant === pollutant);
    const rejected = mine.flatMap((r) => {
      const q = qualifies(r, settings.captureMin);
      return q.ok ? [] : [{ form: r.form, path: r.path, reason: q.reason }];
    });
    const qrow = quality.get(pollutant);
    const influentLoad = qrow && qrow.influent !== null && volume !== null ? round(volume * qrow.influent * 1e-6) : null;
    if (mine.length && !rejected.length) {
      for (const r of mine) {
        const gen = outlets.length === 1 ? influentLoad : null;
        out.add(r.outletCode, pollutant, 'monitoring', gen, monitoredLoad(r), {
          paths: [`J101-3:${r.path}`, ...(gen !== null && qrow ? [`${qrow.path}.influent`, 'J101-2:treated'] : [])],
          monitoring: { form: 'J101-3', path: r.path, kind: r.kind, captureRate: r.captureRate },
        });
      }
      continue;
    }
    if (qrow && qrow.effluent !== null && volume !== null) {
      out.add(plantOutlet, pollutant, 'monitoring', influentLoad, round(volume * qrow.effluent * 1e-6), {
        paths: [`${qrow.path}.effluent`, ...(influentLoad !== null ? [`${qrow.path}.influent`] : []), 'J101-2:treated'],
        monitoring: { form: 'J101-2', path: qrow.path.slice('J101-2:'.length), kind: 'annual-mean', captureRate: null }, rejectedMonitoring: rejected,
      });
      continue;
    }
    const hit = treated !== null && PLANT_POLLUTANTS.includes(pollutant)
      ? lookup?.({ industry: PLANT_INDUSTRY, pollutant, activityUnit: '10km3', treatment: process }) ?? null : null;
    if (hit && treated !== null) {
      const res = coefficientEmission({
        outletCode: plantOutlet, step: '污水处理', pollutant, activity: treated, activityUnit: '10km3', coefficient: hit.coefficient, coefficientUnit: hit.coefficientUnit,
        treatment: process, efficiency: hit.efficiency, kFactor: null, opParams: [], dischargeCoefficient: hit.dischargeCoefficient, path: 'J101-2:treated',
      }, convert, null, settings.kDefault);
      if (res.ok) {
        out.add(plantOutlet, pollutant, 'coefficient', res.generated, res.emitted, {
          paths: ['J101-2:treated', ...(process ? ['J101-1:process'] : [])], coefficients: [libraryRef('J101-2:treated', hit)], k: process ? [res.k] : [], rejectedMonitoring: rejected,
        });
        continue;
      }
      problems.push({ path: 'J101-2:treated', reason: res.reason, detail: res.detail });
    }
    if (mine.length) problems.push({ path: `${plantOutlet}|${pollutant}`, reason: 'unaccounted', detail: rejected.map((r) => r.reason).join(',') || 'no usable row' });
  }
  return { figures: out.figures(), problems };
}
