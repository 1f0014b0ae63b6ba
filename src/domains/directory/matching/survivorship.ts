// 主记录 survivorship: which register row gives each field of a new source. Pure.
// Rule: per field, the first non-empty value in department priority order, then
// the most recently imported register, then the lowest row number; every field
// records where it came from.

export const SOURCE_FIELDS = ['credit_code', 'name', 'address', 'legal_rep', 'phone', 'industry_code'] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/**
 * Which department is most authoritative for a field. Business registration
 * (market regulation) owns names, codes and legal representatives; tax and
 * statistics follow; environment permits know addresses and contacts of
 * polluters best; the economic census (stats) carries the industry code.
 */
const PRIORITY: Record<SourceField, string[]> = {
  credit_code: ['samr', 'tax', 'stats', 'mee', 'miit', 'moa', 'mwr', 'mohurd', 'other'],
  name: ['samr', 'tax', 'stats', 'mee', 'miit', 'moa', 'mwr', 'mohurd', 'other'],
  legal_rep: ['samr', 'tax', 'stats', 'mee', 'miit', 'moa', 'mwr', 'mohurd', 'other'],
  address: ['mee', 'samr', 'stats', 'tax', 'miit', 'moa', 'mwr', 'mohurd', 'other'],
  phone: ['mee', 'stats', 'tax', 'samr', 'miit', 'moa', 'mwr', 'mohurd', 'other'],
  industry_code: ['stats', 'mee', 'samr', 'tax', 'miit', 'moa', 'mwr', 'mohurd', 'other'],
};

export interface CandidateRow {
  registerId: number;
  rowNumber: number;
  department: string;
  importedAt: number; // ms since epoch
  regionCode: string;
  creditValid: boolean;
  values: Partial<Record<SourceField, string | null>>;
}

export interface Survivor {
  values: Partial<Record<SourceField, string>>;
  origins: Partial<Record<SourceField, { registerId: number; rowNumber: number; department: string }>>;
  regionCode: string;
  category: 'industrial' | 'livestock';
}

function rank(field: SourceField, r: CandidateRow): number {
  const i = PRIORITY[field].indexOf(r.department);
  return i < 0 ? 99 : i;
}

export function survive(rows: CandidateRow[]): Survivor {
  const values: Survivor['values'] = {};
  const origins: Survivor['origins'] = {};
  for (const field of SOURCE_FIELDS) {
    let best: CandidateRow | undefined;
    for (const r of rows) {
      const v = r.values[field];
      if (!v) continue;
      if (field === 'credit_code' && !r.creditValid) continue; // never promote a broken code
      if (
        !best ||
        rank(field, r) < rank(field, best) ||
        (rank(field, r) === rank(field, best) && (r.importedAt > best.importedAt || (r.importedAt === best.importedAt && r.rowNumber < best.rowNumber)))
      ) {
        best = r;
      }
    }
    if (best) {
      values[field] = best.values[field]!;
      origins[field] = { registerId: best.registerId, rowNumber: best.rowNumber, department: best.department };
    }
  }
  // The most precise place any register gives (a township beats a county).
  const regionCode = rows.map((r) => r.regionCode).sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
  // Agriculture's list is the livestock-farm direct-reporting system.
  const category = rows.every((r) => r.department === 'moa') ? 'livestock' : 'industrial';
  return { values, origins, regionCode, category };
}
