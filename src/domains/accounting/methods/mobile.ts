// 移动源 as our catalogue defines it: Y102 filling stations (the vehicle and machinery forms Y201/
// Y202 are not defined yet), pure. A station emits VOCs — the evaporation losses of the fuel it
// sells; NOX, PM and SO2 come from engines and do not apply. For each product sold (sales[i]) and
// each loss process of the library (卸油 unloading, 加油 refuelling, 储存 tank breathing):
//   G = sold (t) × c, c the library row of industry 5265, product = the fuel's name, process;
//   E = G × (1 − η·k) where the station declares the vapour recovery stage that controls that
//       process (stage I → unloading, V07; stage II → refuelling, V08; processing unit → storage,
//       V09) and the library has the row with that treatment (η its efficiency, or its discharge
//       coefficient; k the national default); else E = G, and the lineage says the stage had no row.
// One figure, outlet 'STATION', pollutant VOCS. A product without any row: left out, noted.
import type { Converter } from '../../survey/engine/units.ts';
import { OIL_PRODUCTS } from '../../survey/forms/code-tables/other.ts';
import type { AccountResult } from './account.ts';
import { coefficientEmission } from './coefficient.ts';
import { FigureSet, isObj, libraryRef, num, rowsOf, str, type Lookup, type OtherSettings, type Problem } from './other-common.ts';

export const STATION_INDUSTRY = '5265';
export const STATION_OUTLET = 'STATION';
/** The library's loss processes, the vapour-recovery stage (vapour-recovery) controlling each, and its treatment code. */
export const STATION_PROCESSES = [{ process: '卸油', stage: '1', treatment: 'V07' }, { process: '加油', stage: '2', treatment: 'V08' }, { process: '储存', stage: '3', treatment: 'V09' }] as const;

const product = new Map(OIL_PRODUCTS.entries.map((e) => [e.code, e.zh]));

export function accountMobile(forms: Record<string, unknown>, convert: Converter, settings: OtherSettings, lookup: Lookup | null): AccountResult {
  const problems: Problem[] = [];
  const out = new FigureSet();
  const y = forms.Y102;
  const stages = new Set(isObj(y) && Array.isArray(y.recovery) ? y.recovery.map(String) : []);
  const left: string[] = [];
  rowsOf(y, 'sales').forEach((s, i) => {
    if (!isObj(s)) return;
    const path = `Y102:sales[${i}]`;
    const name = product.get(String(s.product ?? '')) ?? str(s.product) ?? '';
    const sold = num(s.amount);
    if (sold === null) return void problems.push({ path: `${path}.amount`, reason: 'activity', detail: 'missing' });
    let any = false;
    for (const p of STATION_PROCESSES) {
      const q = { industry: STATION_INDUSTRY, product: name, process: p.process, pollutant: 'VOCS', activityUnit: 't' };
      const declared = stages.has(p.stage);
      const treated = declared ? lookup?.({ ...q, treatment: p.treatment }) ?? null : null;
      const hit = treated ?? lookup?.({ ...q, treatment: null }) ?? null;
      if (!hit) continue;
      any = true;
      const res = coefficientEmission({
        outletCode: STATION_OUTLET, step: p.process, pollutant: 'VOCS', activity: sold, activityUnit: 't', coefficient: hit.coefficient, coefficientUnit: hit.coefficientUnit,
        treatment: treated ? p.treatment : null, efficiency: treated?.efficiency ?? null, kFactor: null, opParams: [], dischargeCoefficient: treated?.dischargeCoefficient ?? null, path,
      }, convert, null, settings.kDefault);
      if (!res.ok) {
        problems.push({ path, reason: res.reason, detail: res.detail });
        continue;
      }
      out.add(STATION_OUTLET, 'VOCS', 'coefficient', res.generated, res.emitted, {
        paths: [`${path}.amount`, ...(treated ? ['Y102:recovery'] : [])], coefficients: [libraryRef(`${path}.amount`, hit)], k: treated ? [res.k] : [],
        notes: declared && !treated ? [`${path} ${p.process}: stage ${p.stage} declared, no library row with ${p.treatment}; no removal applied`] : [],
      });
    }
    if (!any) left.push(`${path} (${name})`);
  });
  if (left.length && !out.note(STATION_OUTLET, 'VOCS', `no library coefficient for ${left.join(', ')}: not counted`)) {
    problems.push({ path: `${STATION_OUTLET}|VOCS`, reason: 'no-coefficient', detail: left.join(', ') });
  }
  return { figures: out.figures(), problems };
}
