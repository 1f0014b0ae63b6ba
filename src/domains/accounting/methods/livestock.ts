// 畜禽规模养殖场 (N101-2), pure: the coefficient method of the agricultural handbook in the
// shape our forms give it. For each herd row h and pollutant p (COD, NH3N, TN, TP):
//   n_h   = heads on the basis the species is counted by (livestock-species 'basis': sold for
//           pigs, beef cattle and broilers, year-end stock for dairy cattle and layers)
//   G_h,p = n_h × c_h,p              c: excretion coefficient per head (or bird) and year from the
//                                   library: industry class of the species (0313 pigs, 0311
//                                   cattle, 0321 chickens), product = the species' name, process
//                                   = the manure removal (清粪方式), scale 规模化
//   E_h,p = G_h,p × (1 − u) × (1 − r_h,p)
//           u: the manure use rate the form declares (useRate %), else the national default
//              (accounting_settings.manure_use_default, 0 unless changed);
//           r: the removal of the first declared route that is a treatment (biogas → W10,
//              treated discharge → W99) for which the library has a row with that treatment:
//              1 − discharge ÷ generation coefficient, else its efficiency; 0 without one.
// One figure per pollutant, outlet 'FARM'. A herd without a coefficient is left out, and its
// figure's lineage says so; no coefficient at all: no figure, a problem.
import type { Converter } from '../../survey/engine/units.ts';
import { CLEANING_METHODS, LIVESTOCK_SPECIES } from '../../survey/forms/code-tables/other.ts';
import type { AccountResult } from './account.ts';
import { FigureSet, isObj, libraryRef, num, round, rowsOf, str, type Lookup, type OtherSettings, type Problem } from './other-common.ts';

export const FARM_OUTLET = 'FARM';
export const LIVESTOCK_POLLUTANTS = ['COD', 'NH3N', 'TN', 'TP'] as const;
export const LIVESTOCK_SCALE = '规模化';

/** The library's industry class, product name and count unit of each species. */
export const SPECIES: Record<string, { industry: string; unit: 'head' | 'bird' }> = {
  pig: { industry: '0313', unit: 'head' }, dairy: { industry: '0311', unit: 'head' }, beef: { industry: '0311', unit: 'head' },
  layer: { industry: '0321', unit: 'bird' }, broiler: { industry: '0321', unit: 'bird' },
};
/** The manure routes (manure-routes) that are a treatment, and its code in the treatments table. */
export const ROUTE_TREATMENT: Record<string, string> = { '2': 'W10', '7': 'W99' };

const species = new Map(LIVESTOCK_SPECIES.entries.map((e) => [e.code, e]));
const cleaning = new Map(CLEANING_METHODS.entries.map((e) => [e.code, e.zh]));

export function accountLivestock(forms: Record<string, unknown>, convert: Converter, settings: OtherSettings, lookup: Lookup | null): AccountResult {
  const problems: Problem[] = [];
  const out = new FigureSet();
  const values = forms['N101-2'];
  const useGiven = isObj(values) ? num(values.useRate) : null;
  const u = Math.min(1, Math.max(0, (useGiven ?? settings.manureUseDefault) / 100));
  const useNote = useGiven === null ? `N101-2:useRate: none given, national default ${settings.manureUseDefault}%` : null;
  const routes = isObj(values) && Array.isArray(values.manureRoutes) ? values.manureRoutes.map(String) : [];
  const treatments = routes.map((r) => ROUTE_TREATMENT[r]).filter((t): t is string => !!t);
  const missing = new Map<string, string[]>();

  rowsOf(values, 'herds').forEach((h, i) => {
    if (!isObj(h)) return;
    const path = `N101-2:herds[${i}]`;
    const code = String(h.species ?? '');
    const kind = SPECIES[code];
    const entry = species.get(code);
    if (!kind || !entry) return void problems.push({ path, reason: 'species', detail: code });
    const basis = entry.attrs?.basis === 'sold' ? 'sold' : 'stock';
    const heads = num(h[basis]);
    if (heads === null) return void problems.push({ path: `${path}.${basis}`, reason: 'activity', detail: 'missing' });
    const q = { industry: kind.industry, product: entry.zh, process: cleaning.get(String(h.cleaning ?? '')) ?? '', scale: LIVESTOCK_SCALE, activityUnit: kind.unit };
    for (const pollutant of LIVESTOCK_POLLUTANTS) {
      const hit = lookup?.({ ...q, pollutant, treatment: null }) ?? null;
      if (!hit) {
        missing.set(pollutant, [...(missing.get(pollutant) ?? []), `${path} (${code})`]);
        continue;
      }
      const [mass, per] = hit.coefficientUnit.split('/');
      const n = per ? convert(heads, kind.unit, per) : null;
      const toT = mass ? convert(1, mass, 't') : null;
      if (n === null || toT === null) {
        problems.push({ path, reason: 'unit', detail: `${kind.unit} → ${per}, ${mass} → t` });
        continue;
      }
      const generated = round(hit.coefficient * n * toT);
      // The removal of the first declared treatment route the library has a row for.
      let removal = 0;
      let treated: { ref: ReturnType<typeof libraryRef>; t: string } | null = null;
      for (const t of treatments) {
        const th = lookup?.({ ...q, pollutant, treatment: t }) ?? null;
        if (!th) continue;
        removal = th.dischargeCoefficient != null && th.coefficient > 0 ? 1 - th.dischargeCoefficient / th.coefficient : (th.efficiency ?? 0) / 100;
        treated = { ref: libraryRef(`N101-2:manureRoutes`, th), t };
        break;
      }
      const emitted = round(generated * (1 - u) * (1 - removal));
      out.add(FARM_OUTLET, pollutant, 'coefficient', generated, emitted, {
        paths: [`${path}.${basis}`, `${path}.cleaning`, 'N101-2:useRate', ...(treated ? ['N101-2:manureRoutes'] : [])],
        coefficients: [libraryRef(`${path}.${basis}`, hit), ...(treated ? [treated.ref] : [])],
        notes: [...(useNote ? [useNote] : []), ...(treated ? [`${path}: removal ${round(removal * 100)}% (${treated.t})`] : [])],
      });
    }
  });
  for (const [pollutant, rows] of missing) {
    const note = `no library coefficient for ${rows.join(', ')}: not counted`;
    if (!out.note(FARM_OUTLET, pollutant, note)) problems.push({ path: `${FARM_OUTLET}|${pollutant}`, reason: 'no-coefficient', detail: rows.join(', ') });
  }
  return { figures: out.figures(), problems };
}
