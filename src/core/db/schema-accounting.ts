// Table types of emission accounting (核算), part of schema.ts.
import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column-types.ts';

export interface CoefficientVersionsTable {
  id: Generated<number>;
  label: string;
  census: Generated<string>;
  sample: Generated<boolean>;
  status: Generated<'draft' | 'in-force' | 'retired'>;
  rows: Generated<number>;
  file_name: string | null;
  file_sha256: string | null;
  imported_by: number | null;
  imported_at: Generated<Timestamp>;
  in_force_by: number | null;
  in_force_at: NullableTimestamp;
}
export interface CoefficientsTable {
  version_id: number;
  row_no: number;
  industry_code: string;
  product: Generated<string>;
  material: Generated<string>;
  process: Generated<string>;
  scale: Generated<string>;
  pollutant: string;
  activity_unit: string;
  gen_coefficient: string | null;
  gen_formula: string | null;
  coefficient_unit: string;
  treatment: Generated<string>;
  efficiency: string | null;
  discharge_coefficient: string | null;
  op_params: Generated<Json>;
}
export interface AccountingSettingsTable {
  id: number;
  k_default: string;
  capture_min: string;
  permit_ratio_max: string;
  manure_use_default: Generated<string>;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}
export interface AccountingDirtyTable {
  source_id: number;
  province_code: string;
  marked_at: Generated<Timestamp>;
}
export interface EmissionsTable {
  source_id: number;
  outlet_code: string;
  pollutant: string;
  province_code: string;
  region_code: string;
  category: string;
  industry_div: string;
  approved: boolean;
  method: 'monitoring' | 'coefficient';
  generated: string | null;
  emitted: string;
  permit_reported: string | null;
  permit_flag: Generated<boolean>;
  lineage: Json;
  computed_at: Generated<Timestamp>;
}
export interface EmissionRollupsTable {
  region_code: string;
  category: string;
  industry_div: string;
  pollutant: string;
  approved: boolean;
  generated: Generated<string>;
  emitted: Generated<string>;
  figures: Generated<number>;
}
