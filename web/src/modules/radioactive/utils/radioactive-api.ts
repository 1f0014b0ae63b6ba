// The associated radioactive mines API as the console sees it (docs/outfalls-api.md, second part).
import type { EnterpriseStage, MeasurementPoint, Screening } from '../../../../../src/domains/radioactive/rules/screening.ts';

export const RAD = '/api/v1/radioactive';

export interface Mineral { code: string; nameZh: string; nameEn: string; industries: string[]; active: boolean }

export interface RadioFile { id: number; fileName?: string; name?: string; contentType?: string; size?: number; createdAt?: string }

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
  regionName?: string;
  minerals: string[];
  sourceId: number | null;
  stage: EnterpriseStage;
  screening: Screening | null;
  lastMeasuredOn: string | null;
  inInventory: boolean;
  detailedNote?: string | null;
  detailedOn?: string | null;
  version: number;
}

export interface G107Material { kind: string; name: string; activity: number | null; doseRate: number | null }
export interface G107 { mineral: string | null; backgroundDose: number | null; materials: G107Material[] }

export interface EnterpriseDetail extends Enterprise {
  measurements: Measurement[];
  g107: G107 | null;
}

export interface ReconcileSource { id: number; name: string; creditCode: string | null; regionCode: string; regionName?: string; industryCode?: string | null }
export interface Reconcile { missingFromList: ReconcileSource[]; notInInventory: Enterprise[] }

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

export const filePath = (id: number) => `${RAD}/files/${id}`;
export const fileLabel = (f: RadioFile) => f.fileName ?? f.name ?? `#${f.id}`;
/** A share given as 0–1 or as a percentage, as a percentage for the bar. */
export const asPercent = (v: number | null | undefined) => {
  const n = Number(v ?? 0);
  if (!Number.isFinite(n)) return 0;
  return Math.round((n <= 1 ? n * 100 : n) * 10) / 10;
};
