// Table types of the review chain and quality control (审核, 质控), part of schema.ts.
import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column-types.ts';

export type ReviewLevel = 'respondent' | 'enumerator' | 'instructor' | 'county' | 'city' | 'province' | 'nation';
export type Phase = 'inventory' | 'survey';

export interface ReviewLevelsTable {
  code: ReviewLevel;
  position: number;
  enabled: Generated<boolean>;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}
export interface ReviewStepsTable {
  id: Generated<number>;
  submission_id: string;
  province_code: string;
  level: string;
  action: 'submit' | 'approve' | 'reject' | 'unlock' | 'confirm';
  reason: string | null;
  comments: Generated<Json>;
  rev: number;
  by_user: number | null;
  at: Generated<Timestamp>;
  /** When the submission's next step (other than a confirmation) was taken; null while this is its latest. */
  superseded_at: Timestamp | null;
}
export interface PhaseAcceptancesTable {
  id: Generated<number>;
  phase: Phase;
  region_code: string;
  province_code: string;
  signed_by: string;
  statement: Generated<string>;
  figures: Json;
  accepted_by: number | null;
  accepted_at: Generated<Timestamp>;
  revoked_by: number | null;
  revoked_at: NullableTimestamp;
  revoke_reason: string | null;
}
export interface QcSettingsTable {
  id: number;
  error_rate_max: string;
  omission_rate_max: string;
  inventory_added: number;
  inventory_deleted: number;
  survey_share: string;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}
export interface QcSamplesTable {
  id: Generated<number>;
  phase: Phase;
  region_code: string;
  province_code: string;
  team_id: number | null;
  params: Json;
  drawn_by: number | null;
  drawn_at: Generated<Timestamp>;
}
export interface QcSampleItemsTable {
  sample_id: number;
  source_id: number;
  province_code: string;
  stratum: string;
  category: string;
  verdict: 'right' | 'wrong' | null;
  fields_checked: Generated<number>;
  fields_wrong: Generated<number>;
  missed: Generated<number>;
  note: Generated<string>;
  checked_by: number | null;
  checked_at: NullableTimestamp;
}
