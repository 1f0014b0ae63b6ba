// The emission accounting reads (docs/accounting-api.md, "Emissions and totals"): a region's totals
// and one source's figures with their lineage. Figures are kept in tonnes.
import { withQuery } from '../../../api/client.ts';

export interface Side { generated: number; emitted: number }
export interface TotalItem { key: string; pollutant: string; approved: Side; review: Side; figures: number }
export interface Totals {
  region: { code: string; name: string; level: string };
  unit: 't';
  pollutants: TotalItem[];
  byCategory: TotalItem[];
  byIndustry: TotalItem[];
  children: Array<TotalItem & { name: string | null }>;
}

export interface Lineage {
  method: 'monitoring' | 'coefficient';
  paths: string[];
  coefficients: Array<{ path: string; source: 'library'; versionId: number; rowNo: number } | { path: string; source: 'form' }>;
  monitoring: null | { form: string; path: string; kind: string; captureRate: number | null };
  k: Array<{ k: number; source: 'form' | 'hours' | 'default' | 'none' }>;
  rejectedMonitoring: Array<{ form: string; path: string; reason: string }>;
  /** The other categories' methods: rows left out, defaults used. */
  notes?: string[];
  revisions?: Record<string, number>;
}

export interface Figure {
  outletCode: string;
  pollutant: string;
  method: 'monitoring' | 'coefficient';
  approved: boolean;
  generated: number | null;
  emitted: number;
  permitReported: number | null;
  permitFlag: boolean;
  lineage: Lineage;
  computedAt: string;
}

export interface SourceEmissions {
  source: { id: number; name: string; regionCode: string };
  pending: boolean;
  figures: Figure[];
}

export const emissionKeys = {
  totals: (region: string | undefined) => ['emissions', 'totals', region ?? ''] as const,
  source: (id: number) => ['emissions', 'source', id] as const,
};

export const totalsPath = (region?: string) => withQuery('/api/v1/accounting/totals', { region });
/** A plain link: the browser downloads it with the session cookie. */
export const totalsXlsxUrl = (region?: string) => withQuery('/api/v1/accounting/totals.xlsx', { region });
export const sourceEmissionsPath = (id: number) => `/api/v1/sources/${id}/emissions`;

/** `G106-2:outlets[0].results[0]` → the form and the path inside it. */
export function splitFormPath(p: string): { form: string; path: string } {
  const i = p.indexOf(':');
  return i < 0 ? { form: p, path: '' } : { form: p.slice(0, i), path: p.slice(i + 1) };
}
