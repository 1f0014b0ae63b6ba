// Types of the accounting API (docs/accounting-api.md): the coefficient library.
import type { LocalizedText } from './types.ts';

export type CoefVersionStatus = 'draft' | 'in-force' | 'retired';

export interface CoefVersion {
  id: number;
  label: string;
  census: string;
  status: CoefVersionStatus;
  rows: number;
  sample: boolean;
  fileName: string | null;
  fileSha256: string | null;
  importedAt: string;
  importedBy: string | null;
  inForceAt: string | null;
  inForceBy: string | null;
}

export interface CoefRow {
  rowNo: number;
  industryCode: string;
  product: string;
  material: string;
  process: string;
  scale: string;
  pollutant: string;
  activityUnit: string;
  genCoefficient: number | null;
  genFormula: string | null;
  coefficientUnit: string;
  treatment: string;
  efficiency: number | null;
  dischargeCoefficient: number | null;
  opParams: string[];
}

export interface CoefDiff {
  against: number | null;
  added: CoefRow[];
  removed: CoefRow[];
  changed: { key: string; before: CoefRow; after: CoefRow }[];
}

export interface CoefError {
  row: number;
  column: string;
  message: LocalizedText;
}
