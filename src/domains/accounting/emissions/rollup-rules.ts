// Rollup rules, pure: the regions a figure counts in (its township or county and every level
// above, up to the nation), the GB/T 4754 division of an industry code, whether a form has passed
// the county office, and the deltas that turn a source's old figures into its new ones.

export const NATION = '100000';

/** The figure's region and each level above it: 330382001 → 330382001, 330382, 330300, 330000, 100000. */
export function ancestors(region: string): string[] {
  const out = [region];
  if (region.length > 6) out.push(region.slice(0, 6));
  out.push(`${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`, NATION);
  return [...new Set(out)];
}

export const divisionOf = (industry: string | null) => (industry && /^\d{2}/.test(industry) ? industry.slice(0, 2) : '');

const BELOW_CITY = new Set(['respondent', 'enumerator', 'instructor', 'county']);
/** Approved data: the county office (or a level above) has approved the form. */
export const pastCounty = (status: string, level: string | null) => status === 'locked' || (status === 'approved' && !!level && !BELOW_CITY.has(level));

export interface RollupFigure { region: string; category: string; industryDiv: string; pollutant: string; approved: boolean; generated: number | null; emitted: number }
export interface Delta { region: string; category: string; industryDiv: string; pollutant: string; approved: boolean; generated: number; emitted: number; figures: number }

/** Every category (or division): the summary rows a page reads instead of summing the detail. */
export const ALL = '*';
/**
 * The rows a figure counts in at each region: the detail (category × division) and three summaries
 * (category × all divisions, all categories × division, all × all) — so a region's totals, its
 * breakdowns and its children's totals are each a few rows to read, whatever the detail.
 */
const cuts = (f: RollupFigure): Array<[string, string]> => [[f.category, f.industryDiv], [f.category, ALL], [ALL, f.industryDiv], [ALL, ALL]];

const key = (d: Omit<Delta, 'generated' | 'emitted' | 'figures'>) => `${d.region}|${d.category}|${d.industryDiv}|${d.pollutant}|${d.approved}`;

/** What to add to each rollup row (at every level) to go from `before` to `after`; rows that net to nothing are left out. Sorted, so concurrent writers lock rows in one order. */
export function deltas(before: RollupFigure[], after: RollupFigure[]): Delta[] {
  const acc = new Map<string, Delta>();
  const add = (f: RollupFigure, sign: 1 | -1) => {
    for (const region of ancestors(f.region)) for (const [category, industryDiv] of cuts(f)) {
      const d = { region, category, industryDiv, pollutant: f.pollutant, approved: f.approved };
      const k = key(d);
      const cur = acc.get(k) ?? { ...d, generated: 0, emitted: 0, figures: 0 };
      cur.generated += sign * (f.generated ?? 0);
      cur.emitted += sign * f.emitted;
      cur.figures += sign;
      acc.set(k, cur);
    }
  };
  for (const f of before) add(f, -1);
  for (const f of after) add(f, 1);
  const fix = (x: number) => Number(x.toPrecision(12));
  return [...acc.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => ({ ...d, generated: fix(d.generated), emitted: fix(d.emitted) }))
    .filter((d) => d.generated !== 0 || d.emitted !== 0 || d.figures !== 0);
}
