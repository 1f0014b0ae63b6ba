// Table types of the survey (入户调查), part of schema.ts.
import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column-types.ts';
import type { ReviewLevel } from './schema-review.ts';

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'locked';
export interface SubmissionsTable {
  id: string;
  seq: Generated<number>;
  source_id: number;
  region_code: string;
  province_code: string;
  form: string;
  version: number;
  status: SubmissionStatus;
  answers: Json;
  explanations: Json;
  computed: Json;
  issues: Json;
  ready: boolean;
  blocking: number;
  warnings: number;
  unexplained: number;
  rev: Generated<number>;
  content_hash: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  review_level: ReviewLevel | null;
  review_version: Generated<number>;
  waiting_since: NullableTimestamp;
  filled_level: string | null;
  returned_from: string | null;
  returned_to: number | null;
  open_paths: Json | null;
}
export interface SubmissionRevisionsTable {
  submission_id: string;
  rev: number;
  province_code: string;
  status: SubmissionStatus;
  answers: Json;
  explanations: Json;
  content_hash: string;
  by_user: number | null;
  at: Timestamp;
}
export interface SubmissionAttachmentsTable {
  id: string;
  source_id: number;
  region_code: string;
  province_code: string;
  mime: string;
  bytes: number;
  sha256: string;
  name: string | null;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}
export interface SurveyInvitationsTable {
  id: Generated<number>;
  source_id: number;
  region_code: string;
  province_code: string;
  code_hash: string;
  expires_at: Timestamp;
  created_by: number | null;
  created_at: Generated<Timestamp>;
  failed_attempts: Generated<number>;
  used_at: NullableTimestamp;
  used_by: number | null;
  revoked_at: NullableTimestamp;
  revoked_by: number | null;
}
export interface SurveyConfirmationsTable {
  id: Generated<number>;
  source_id: number;
  region_code: string;
  province_code: string;
  legal_rep: string;
  statement: Generated<string>;
  revisions: Json;
  confirmed_by: number | null;
  confirmed_at: Generated<Timestamp>;
}
