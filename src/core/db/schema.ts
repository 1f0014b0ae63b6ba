// The typed shape of every table, for Kysely. Each domain's migration adds its
// tables here; keep names and nullability identical to migrations/*.sql.
import type { ColumnType, Generated } from 'kysely';

// Kysely does not unwrap a ColumnType nested in Generated<> or in a union with
// null, so timestamps have their own flat column types (insert is optional).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export type RegionLevel = 'nation' | 'province' | 'prefecture' | 'county' | 'township' | 'village';

export interface RegionsTable {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  /** Code prefix that every descendant's code starts with ('' for the nation). */
  scope_prefix: string;
  pinyin: string;
  initials: string;
  pilot: Generated<boolean>;
}

export interface AgenciesTable {
  id: Generated<number>;
  name: string;
  region_code: string;
  credit_code: string | null;
  contact: string | null;
  phone: string | null;
  contract_ref: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  region_code: string;
  department: string | null;
  agency_id: number | null;
  /** A respondent's own source (migration 0007). */
  source_id: Generated<number | null>;
  phone: string | null;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  region_code: string;
  kind: string;
  agency_id: number | null;
  instructor_id: number | null;
  disabled: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface TeamMembersTable {
  team_id: number;
  user_id: number;
  member_role: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_username: string;
  action: string;
  entity: string;
  entity_id: string;
  region_code: string | null;
  before: Json | null;
  after: Json | null;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  status: Generated<string>;
  region_code: string;
  created_by: number | null;
  params: Json;
  progress_done: Generated<number>;
  progress_total: number | null;
  message: string | null;
  checkpoint: Json | null;
  result: Json | null;
  error: Json | null;
  cancel_requested: Generated<boolean>;
  attempts: Generated<number>;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  heartbeat_at: NullableTimestamp;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface RegistersTable {
  id: Generated<number>;
  department: string;
  region_code: string;
  file_name: string;
  file_sha256: string;
  file_size: number;
  format: string;
  encoding: string;
  mapping: Json<Record<string, string>>;
  status: Generated<string>;
  row_count: Generated<number>;
  valid_count: Generated<number>;
  error_count: Generated<number>;
  job_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  imported_at: NullableTimestamp;
  version: Generated<number>;
}

export interface RegisterRowsTable {
  register_id: number;
  row_number: number;
  region_code: string;
  valid: boolean;
  credit_code: string | null;
  name: string | null;
  address: string | null;
  legal_rep: string | null;
  industry_code: string | null;
  phone: string | null;
  extra: Json<Record<string, string>> | null;
}

export interface RegisterErrorsTable {
  id: Generated<number>;
  register_id: number;
  row_number: number;
  column_name: string | null;
  code: string;
  message_zh: string;
  message_en: string;
  value: string | null;
}

export interface RegisterMappingsTable {
  department: string;
  name: string;
  columns: Json<Record<string, string>>;
  updated_by: number | null;
  updated_at: Timestamp;
}

// 名录库 the directory (migrations/0003_sources.sql); its SQL is written as tagged SQL
// in src/domains/directory, these types serve the query builder and the tests.
export interface SourcesTable {
  id: Generated<number>;
  region_code: string;
  credit_code: string | null;
  name: string;
  former_names: Generated<string[]>;
  address: string | null;
  legal_rep: string | null;
  phone: string | null;
  industry_code: string | null;
  category: Generated<string>;
  lat: number | null;
  lng: number | null;
  permit_no: string | null;
  radioactive: Generated<boolean>;
  state: Generated<string>;
  merged_into: number | null;
  delete_reason: string | null;
  origin: string;
  field_origins: Generated<Json>;
  /** Generated from the name (migration 0004); never written. */
  name_grams: Generated<string[]>;
  /** Pinyin of the name's core and its initials (migration 0005), written with the name. */
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  match_run: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SourceLinksTable {
  register_id: number;
  row_number: number;
  source_id: number;
  rule: string;
  score: number | null;
  match_run: number | null;
}

export interface MatchRunsTable {
  id: Generated<number>;
  region_code: string;
  job_id: number | null;
  status: Generated<string>;
  thresholds: Json;
  rows_read: Generated<number>;
  pairs_scored: Generated<number>;
  rows_linked: Generated<number>;
  sources_created: Generated<number>;
  queued: Generated<number>;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface MergeCandidatesTable {
  id: Generated<number>;
  region_code: string;
  source_a: number;
  source_b: number;
  score: number;
  reasons: Generated<Json>;
  status: Generated<string>;
  match_run: number | null;
  decided_by: number | null;
  decided_at: NullableTimestamp;
  version: Generated<number>;
}

export interface MergeEventsTable {
  id: Generated<number>;
  kind: string;
  region_code: string;
  survivor_id: number;
  other_id: number;
  candidate_id: number | null;
  moved_rows: Json;
  survivor_before: Json;
  actor_id: number | null;
  at: Timestamp;
  undone_at: NullableTimestamp;
  undone_by: number | null;
}

export interface DirectorySignoffsTable {
  region_code: string;
  signed_by: number | null;
  signed_at: Timestamp;
  note: string | null;
}

// 清查 the inventory (migrations/0006_inventory.sql).
export interface InventoryStatesTable {
  code: string;
  name_zh: string;
  name_en: string;
  colour: string;
  to_survey: boolean;
  reasons: string[];
  position: number;
}
export interface InventoryDepartmentsTable {
  code: string;
  name_zh: string;
  name_en: string;
  required: boolean;
  position: number;
}
export interface CensusZonesTable {
  id: Generated<number>;
  code: string;
  region_code: string;
  province_code: string;
  name: string;
  keywords: Generated<string[]>;
  version: Generated<number>;
  created_at: Timestamp;
}
export interface WorkPackagesTable {
  id: Generated<number>;
  region_code: string;
  province_code: string;
  name: string;
  team_id: number;
  zone_id: number | null;
  closed: Generated<boolean>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
}
export interface WorkPackageAssignmentsTable {
  id: Generated<number>;
  package_id: number;
  team_id: number;
  reason: string | null;
  actor_id: number | null;
  at: Timestamp;
}
export type RecordStatus = 'new' | 'submitted' | 'approved' | 'rejected' | 'locked' | 'assigned' | 'done' | 'deleted';
export type Confirmation = 'pending' | 'confirmed' | 'disputed' | 'settled';
export interface InventoryRecordsTable {
  source_id: number;
  region_code: string;
  province_code: string;
  zone_id: number | null;
  package_id: number | null;
  status: Generated<RecordStatus>;
  state: string | null;
  state_reason: string | null;
  data: Json;
  client_uuid: string | null;
  enumerator_id: number | null;
  visited_at: NullableTimestamp;
  visit_lat: number | null;
  visit_lng: number | null;
  visit_accuracy: number | null;
  visit_distance: number | null;
  visit_far: Generated<boolean>;
  submitted_at: NullableTimestamp;
  reviewed_by: number | null;
  reviewed_at: NullableTimestamp;
  reject_reason: string | null;
  confirmation: Generated<Confirmation>;
  confirmed_at: NullableTimestamp;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
  seq: Generated<number>;
}
export interface InventoryOpsTable {
  op_id: string;
  source_id: number | null;
  user_id: number | null;
  result: Json;
  at: Timestamp;
}
export interface InventoryPhotosTable {
  id: string;
  source_id: number;
  region_code: string;
  province_code: string;
  mime: string;
  bytes: number;
  sha256: string;
  path: string;
  taken_at: NullableTimestamp;
  lat: number | null;
  lng: number | null;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}
export interface InventoryVerdictsTable {
  source_id: number;
  department: string;
  verdict: 'agree' | 'disagree';
  reason: string | null;
  user_id: number | null;
  at: Timestamp;
}
export interface InventoryRemarksTable {
  id: Generated<number>;
  source_id: number;
  kind: 'reject' | 'comment' | 'disagree' | 'settle' | 'approve';
  department: string | null;
  text: string;
  author_id: number | null;
  at: Timestamp;
}
export interface PhaseDatesTable {
  region_code: string;
  phase: 'inventory' | 'survey';
  starts_on: string;
  ends_on: string;
}

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
}
export interface SubmissionRevisionsTable {
  submission_id: string;
  rev: number;
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

export interface DB {
  regions: RegionsTable;
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  settings: SettingsTable;
  schema_migrations: SchemaMigrationsTable;
  registers: RegistersTable;
  register_rows: RegisterRowsTable;
  register_errors: RegisterErrorsTable;
  register_mappings: RegisterMappingsTable;
  sources: SourcesTable;
  source_links: SourceLinksTable;
  match_runs: MatchRunsTable;
  merge_candidates: MergeCandidatesTable;
  merge_events: MergeEventsTable;
  directory_signoffs: DirectorySignoffsTable;
  inventory_states: InventoryStatesTable;
  inventory_departments: InventoryDepartmentsTable;
  census_zones: CensusZonesTable;
  work_packages: WorkPackagesTable;
  work_package_assignments: WorkPackageAssignmentsTable;
  inventory_records: InventoryRecordsTable;
  inventory_ops: InventoryOpsTable;
  inventory_photos: InventoryPhotosTable;
  inventory_verdicts: InventoryVerdictsTable;
  inventory_remarks: InventoryRemarksTable;
  phase_dates: PhaseDatesTable;
  submissions: SubmissionsTable;
  submission_revisions: SubmissionRevisionsTable;
  submission_attachments: SubmissionAttachmentsTable;
  survey_invitations: SurveyInvitationsTable;
  survey_confirmations: SurveyConfirmationsTable;
}
