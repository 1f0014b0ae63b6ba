// The supervision's dispatches, briefings and cases as the console reads them (docs/supervision-api.md).
import type { RegionLevel } from '../../../api/types.ts';
import type { ProgressRow } from '../../supervision/utils/supervision-api.ts';

export const SUP = '/api/v1/supervision';

export const METRICS = [
  'directory.signedOff', 'directory.sources', 'inventory.visited', 'inventory.confirmed', 'survey.submitted',
  'survey.approved', 'review.passRate', 'qc.errorRate', 'qc.omissionRate', 'readiness.gaps', 'progress', 'expected', 'lagScore',
] as const;
export type Metric = (typeof METRICS)[number];
/** Metrics that are counts or scores, not shares: shown as they come, not as %. */
export const PLAIN_METRICS: ReadonlySet<string> = new Set(['directory.sources', 'readiness.gaps', 'lagScore']);
/** The share metrics a dispatch table shows, in order. */
export const TABLE_METRICS = ['directory.signedOff', 'inventory.confirmed', 'survey.submitted', 'survey.approved', 'review.passRate'] as const;

/** A ranked region, as the dashboard reads it (one shape for both modules). */
export type { ProgressRow };

/** reasons in Chinese, reasonsEn in English, as the server words them. */
export interface Laggard { code: string; name: string; lagScore: number; rank?: number; reasons: string[]; reasonsEn?: string[] }

export type DispatchKind = 'biweekly' | 'monthly';
export interface Dispatch {
  id: number;
  kind: DispatchKind;
  regionCode: string;
  asOf: string;
  previousOn: string;
  status: 'draft' | 'published';
  number: number | null;
  title: string;
  remarks: string;
  version: number;
  publishedAt?: string | null;
  figures?: {
    rows: ProgressRow[];
    laggards: Laggard[];
    praised: Array<{ code: string; name: string }>;
    summary: { regions: number; laggards: number; meanProgress: number };
  };
}

export type BriefingBlock =
  | { kind: 'text'; text: string }
  | { kind: 'table'; metrics: string[]; region?: string }
  | { kind: 'chart'; metric: string; region?: string };
/** A data block's figures as of the briefing's day (null for a text block): the region's own and its children's. */
export interface BlockData {
  region: { code: string; name: string; level: RegionLevel };
  asOf: string;
  self: Record<string, number | null>;
  rows: Array<{ code: string; name: string; rank: number; values: Record<string, number | null> }>;
}
export interface Briefing {
  id: number;
  regionCode: string;
  title: string;
  asOf: string;
  status: 'draft' | 'published';
  /** Absent in the list. */
  blocks: BriefingBlock[];
  /** One entry per block, in order (GET /briefings/:id only). */
  data?: Array<BlockData | null>;
  number?: number | null;
  version: number;
  publishedAt?: string | null;
  createdAt?: string;
}

export const CASE_TYPES = ['reminder', 'letter', 'circular', 'summons', 'inspection', 'praise'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_STATUSES = ['open', 'answered', 'closed', 'escalated'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface SupFile { id: string; name: string; mime: string; bytes: number; sha256?: string }
export interface Case {
  id: number;
  type: CaseType;
  number: string;
  title: string;
  reasons: string;
  measures: string | null;
  dueOn: string | null;
  status: CaseStatus;
  issuer: { code: string; name: string };
  target: { code: string; name: string };
  dispatchId: number | null;
  lagScore: number | null;
  escalatedFrom: number | null;
  createdAt: string;
  closedAt: string | null;
  overdue: boolean;
  version: number;
}
export interface CaseEvent { id: number; kind: string; text: string | null; files: SupFile[]; by: { id: number; name: string } | null; at: string }
export type CaseDetail = Case & { events: CaseEvent[] };

export interface NewCase {
  type: CaseType;
  targetRegion: string;
  title?: string;
  reasons: string;
  measures?: string;
  dueOn?: string;
  dispatchId?: number;
  lagScore?: number;
}

export const supKeys = {
  all: ['supervision-work'] as const,
  dispatches: (f: object) => ['supervision-work', 'dispatches', f] as const,
  dispatch: (id: number) => ['supervision-work', 'dispatch', id] as const,
  briefings: ['supervision-work', 'briefings'] as const,
  briefing: (id: number) => ['supervision-work', 'briefing', id] as const,
  cases: (f: object) => ['supervision-work', 'cases', f] as const,
  case: (id: number) => ['supervision-work', 'case', id] as const,
};

export const dispatchXlsxUrl = (id: number) => `${SUP}/dispatches/${id}/xlsx`;
export const caseLetterUrl = (id: number) => `${SUP}/cases/${id}/letter`;
export const fileUrl = (id: string) => `${SUP}/files/${encodeURIComponent(id)}`;

export { todayInChina } from '../../ui/utils/census-day.ts';

/** `date` plus `days`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A share as a percentage (one decimal), a count or score as it is, null as a dash. */
export function showMetric(metric: string, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (PLAIN_METRICS.has(metric)) return String(Math.round(v * 10) / 10);
  return `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
}

/** Whether `code` lies strictly inside the region `own` (codes: pp0000, pppp00, pppppp, then 9 and 12 digits). */
export function strictlyInside(own: string, code: string): boolean {
  if (code === own) return false;
  if (own === '100000') return true;
  const prefix = own.length > 6 ? own : own.endsWith('0000') ? own.slice(0, 2) : own.endsWith('00') ? own.slice(0, 4) : own;
  return code.startsWith(prefix);
}
