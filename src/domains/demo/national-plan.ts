// The national synthetic census, planned (pure): how many sources of each category in each
// province, and how much each pollutant weighs per source, so that the whole matches the real
// census. Category counts: the 2020 bulletin (census-facts §1). Provincial spread: Guangdong,
// Zhejiang, Jiangsu, Shandong and Hebei hold about 53 % of the sources (the figure); the
// other shares are an illustrative spread by economic weight, normalised to the remaining 47 %.
// Emissions: the bulletin's national 2017 totals; agriculture's share of COD, TN and TP is the
// bulletin's (here carried by the livestock farms); the other category splits are not public
// (census-facts §1) and are an illustrative choice. Mobile sources are not generated.

export const NATIONAL_COUNTS = { industrial: 2_477_400, livestock: 378_800, domestic: 639_500, centralised: 84_000 } as const;
export type SyntheticCategory = keyof typeof NATIONAL_COUNTS;
export const CATEGORIES = Object.keys(NATIONAL_COUNTS) as SyntheticCategory[];

const TOP_FIVE: Record<string, number> = { '440000': 0.15, '330000': 0.13, '320000': 0.11, '370000': 0.08, '130000': 0.06 };
const OTHERS: Record<string, number> = {
  '410000': 45, '510000': 30, '350000': 35, '340000': 30, '420000': 30, '430000': 28, '210000': 25, '310000': 20, '360000': 20, '450000': 18,
  '500000': 16, '140000': 16, '610000': 15, '120000': 15, '530000': 14, '520000': 12, '230000': 12, '110000': 10, '220000': 10, '150000': 10,
  '650000': 9, '620000': 8, '460000': 4, '640000': 4, '630000': 2, '540000': 1, '660000': 1,
};

/** Each province-level unit's share of the sources (sums to 1). */
export function provinceShares(): Record<string, number> {
  const rest = 1 - Object.values(TOP_FIVE).reduce((a, b) => a + b, 0);
  const weight = Object.values(OTHERS).reduce((a, b) => a + b, 0);
  return { ...TOP_FIVE, ...Object.fromEntries(Object.entries(OTHERS).map(([k, w]) => [k, (w / weight) * rest])) };
}

/** Splits `total` by shares into whole numbers that add up exactly (largest remainder). */
export function apportion(total: number, shares: Record<string, number>): Record<string, number> {
  const keys = Object.keys(shares).sort();
  const exact = keys.map((k) => total * shares[k]);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = keys.map((_, i) => i).sort((a, b) => exact[b] - out[b] - (exact[a] - out[a]) || a - b);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) out[order[i]]++;
  return Object.fromEntries(keys.map((k, i) => [k, out[i]]));
}

export interface PlanRow { province: string; category: SyntheticCategory; count: number }

/** Sources per (province, category) at `scale` (1 = the real census: 3,579,700 sources). */
export function nationalPlan(scale: number): PlanRow[] {
  const shares = provinceShares();
  return CATEGORIES.flatMap((category) => {
    const n = Math.round(NATIONAL_COUNTS[category] * scale);
    return Object.entries(apportion(n, shares)).filter(([, c]) => c > 0).map(([province, count]) => ({ province, category, count }));
  });
}

/** National emitted totals, million tonnes: the bulletin's, split over the categories generated. */
const TOTALS: Record<string, Partial<Record<SyntheticCategory, number>>> = {
  COD: { livestock: 10.6713, industrial: 0.91, centralised: 0.02, domestic: 21.4398 - 10.6713 - 0.91 - 0.02 },
  NH3N: { livestock: 0.2, industrial: 0.045, centralised: 0.018, domestic: 0.9634 - 0.2 - 0.045 - 0.018 },
  TN: { livestock: 1.4149, industrial: 0.15, centralised: 0.03, domestic: 3.0414 - 1.4149 - 0.15 - 0.03 },
  TP: { livestock: 0.212, industrial: 0.008, centralised: 0.002, domestic: 0.3154 - 0.212 - 0.008 - 0.002 },
  SO2: { industrial: 5.3, domestic: 6.9632 - 5.3 },
  NOX: { industrial: 16.0, domestic: 17.8522 - 16.0 },
  PM: { industrial: 13.3, domestic: 16.8405 - 13.3 },
  VOCS: { industrial: 9.0, domestic: 10.1745 - 9.0 },
};
export const NATIONAL_TOTALS_MT: Record<string, number> = { COD: 21.4398, NH3N: 0.9634, TN: 3.0414, TP: 0.3154, SO2: 6.9632, NOX: 17.8522, PM: 16.8405, VOCS: 10.1745 };
const WATER = new Set(['COD', 'NH3N', 'TN', 'TP']);

/**
 * Not every factory or boiler emits everything: an industrial or domestic source carries 3 of its
 * category's 8 pollutants (which 3 rotates with its id: `(id × 7 + k × 13) mod 8 < 3`, exactly
 * 3/8 of any run of ids), a farm or a plant all 4 of its own. Some 11 M figures at full scale.
 */
export const CARRIED: Record<SyntheticCategory, number> = { industrial: 3, domestic: 3, livestock: 8, centralised: 8 };

export interface PollutantMean { category: SyntheticCategory; pollutant: string; k: number; outlet: string; tonnes: number }

/** Tonnes of each (category, pollutant) per figure: the category's total over the sources that carry it. */
export function pollutantMeans(): PollutantMean[] {
  const ks = Object.keys(TOTALS);
  return Object.entries(TOTALS).flatMap(([pollutant, by]) => (Object.entries(by) as [SyntheticCategory, number][]).map(([category, mt]) => ({
    category, pollutant, k: ks.indexOf(pollutant), outlet: category === 'livestock' ? 'FARM' : WATER.has(pollutant) ? 'DW001' : 'DA001',
    tonnes: (mt * 1e6) / (NATIONAL_COUNTS[category] * (CARRIED[category] / 8)),
  })));
}

/** Industry classes (GB/T 4754-2017) the synthetic sources of a category are spread over. */
export const INDUSTRIES: Record<SyntheticCategory, string[]> = {
  industrial: ['1713', '2614', '3311', '4411', '2511', '3130', '3011', '2211', '2669', '3360', '1311', '3391', '2929', '3811', '1512', '3670'],
  livestock: ['0313', '0311', '0321', '0312'],
  domestic: ['8411', '8321', '6110', '8810'],
  centralised: ['4620', '7820', '7723'],
};
