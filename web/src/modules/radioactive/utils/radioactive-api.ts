// The associated radioactive mines API as the console sees it (docs/outfalls-api.md, second part).
import type { EnterpriseStage, MeasurementPoint, Screening } from '../../../../../src/domains/radioactive/rules/screening.ts';

export const RAD = '/api/v1/radioactive';

export interface Mineral { code: string; nameZh: string; nameEn: string; industries: string[]; active: boolean }

export interface RadioFile { id: number; fileName?: string; mime?: string; bytes?: number; uploadedAt?: string; url?: string }

export interface Measurement {
  id: number;
  body: string;
  measuredOn: string;
  backgroundNGyH: number;
  points: MeasurementPoint[];
  screening: Screening;
  files?: RadioFile[];
  createdAt?: string;
  createdBy?: string | { id: number; name: string } | null;
}

export interface Enterprise {
  id: number;
  name: string;
  creditCode: string | null;
  regionCode: string;
  regionName?: string | null;
  minerals: string[];
  sourceId: number | null;
  stage: EnterpriseStage;
  /** The latest measurement's verdict; null before any. */
  screeningAbove: boolean | null;
  lastMeasuredOn: string | null;
  /** Null where the server did not work it out (the answer of a write). */
  inInventory: boolean | null;
  detailedNote?: string | null;
  detailedDoneAt?: string | null;
  version: number;
}

export interface G107Material { kind: string; name: string; activity: number | null; doseRate: number | null }
export interface G107 { mineral: string | null; backgroundDose: number | null; materials: G107Material[] }

export interface EnterpriseDetail extends Enterprise {
  measurements: Measurement[];
  g107: G107 | null;
}

export interface ReconcileSource { sourceId: number; name: string; creditCode: string | null; regionCode: string; regionName?: string | null; industryCode?: string | null }
export interface Reconcile { region?: { code: string; name: string }; missingFromList: ReconcileSource[]; notInInventory: Enterprise[] }

export interface ProgressCounts { listed: number; measured: number; above: number; detailedDone: number; measuredPct: number }
export interface ProgressChild extends ProgressCounts { code: string; name: string }
export interface RadioProgress { region?: { code: string; name: string } | string; totals: ProgressCounts; children: ProgressChild[] }

export const QA_CHECKS = ['missing-from-list', 'not-in-inventory', 'not-measured', 'no-waste-point', 'point-without-position', 'no-original-record'] as const;
export type QaCheck = (typeof QA_CHECKS)[number];
export interface QaIssue { enterpriseId?: number | null; sourceId?: number | null; name: string; check: QaCheck; detail: string }

export interface EnterpriseFilters { region?: string; stage?: EnterpriseStage; mineral?: string; q?: string }

export type ListBody = { sourceId: number } | { regionCode: string; name: string; creditCode?: string; minerals: string[] };
export interface MeasurementBody { body: string; measuredOn: string; backgroundNGyH: number; points: MeasurementPoint[] }

export const radioKeys = {
  all: ['radioactive'] as const,
  minerals: ['radioactive', 'minerals'] as const,
  enterprises: ['radioactive', 'enterprises'] as const,
  enterprise: (id: number) => ['radioactive', 'enterprise', id] as const,
  reconcile: (region: string) => ['radioactive', 'reconcile', region] as const,
  progress: (region: string) => ['radioactive', 'progress', region] as const,
  qa: (region: string) => ['radioactive', 'qa', region] as const,
};

export const filePath = (f: RadioFile) => f.url ?? `${RAD}/files/${f.id}`;
export const fileLabel = (f: RadioFile) => f.fileName || `#${f.id}`;
/** measuredPct comes as a percentage with one decimal; the bar wants 0–100. */
export const asPercent = (v: number | null | undefined) => {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0;
};

/** A QA detail comes as "中文 / English": the part in the UI language (the whole when it is not in two parts). */
export function detailIn(detail: string, lang: 'zh' | 'en'): string {
  const at = detail.indexOf(' / ');
  if (at < 0) return detail;
  const zh = detail.slice(0, at);
  const en = detail.slice(at + 3);
  if (lang === 'en') return en;
  // The English part may end with the labels it names ("…: A1, W2"); they belong in both.
  const colon = en.lastIndexOf(': ');
  return colon >= 0 && !zh.includes('：') ? `${zh}：${en.slice(colon + 2)}` : zh;
}
