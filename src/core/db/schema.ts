// The typed shape of every table, for Kysely. Each domain's migration adds its
// tables here (the inventory's and the survey's in their own files beside this
// one); keep names and nullability identical to migrations/*.sql.
import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column-types.ts';
import type { InventoryStatesTable, InventoryDepartmentsTable, CensusZonesTable, WorkPackagesTable, WorkPackageAssignmentsTable, InventoryRecordsTable, InventoryOpsTable, InventoryPhotosTable, InventoryVerdictsTable, InventoryRemarksTable, InventoryCountsTable, PhaseDatesTable } from './schema-inventory.ts';
import type { CoefficientVersionsTable, CoefficientsTable, AccountingSettingsTable, AccountingDirtyTable, EmissionsTable, EmissionRollupsTable } from './schema-accounting.ts';
import type { ReviewLevelsTable, ReviewStepsTable, PhaseAcceptancesTable, QcSettingsTable, QcSamplesTable, QcSampleItemsTable } from './schema-review.ts';
import type { CensusCalendarTable, CalendarDeadlinesTable, ReadinessReportsTable, DispatchesTable, BriefingsTable, SupervisionCasesTable, CaseEventsTable, SupervisionFilesTable, ChannelsTable, ChannelMembersTable, ChannelMessagesTable, NotificationsTable, ChannelWebhooksTable, WebhookDeliveriesTable } from './schema-supervision.ts';
import type { OutfallReachesTable, OutfallImagesTable, OutfallCountersTable, OutfallsTable, OutfallStepsTable, OutfallPhotosTable, RadioMineralsTable, RadioEnterprisesTable, RadioMeasurementsTable, RadioFilesTable } from './schema-outfalls.ts';
import type { PortalStoriesTable, PortalArticlesTable, PortalArticleRevisionsTable, PortalImagesTable, PortalLinksTable, PortalDatasetsTable, PortalViewsTable } from './schema-portal.ts';
import type { SubmissionsTable, SubmissionRevisionsTable, SubmissionAttachmentsTable, SurveyInvitationsTable, SurveyConfirmationsTable } from './schema-survey.ts';

export type * from './schema-inventory.ts';
export type * from './schema-survey.ts';
export type * from './schema-review.ts';
export type * from './schema-accounting.ts';
export type * from './schema-supervision.ts';

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

/** A fixed-window counter of attempts (login, invitation codes) per limit and client address. */
export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: Timestamp;
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
  /** The province of region_code, 100000 (the nation) without one (migration 0022). */
  province_code: string;
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
  province_code: string;
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
  province_code: string;
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
  /** The province of region_code (`330000`), written with it (migration 0021: Citus routes by it). */
  province_code: string;
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
  /** Generated from former_names (migration 0019); never written. */
  former_grams: Generated<string[]>;
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
  province_code: string;
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
  province_code: string;
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
  province_code: string;
}

export interface DirectorySignoffsTable {
  region_code: string;
  signed_by: number | null;
  signed_at: Timestamp;
  note: string | null;
}

export interface DB {
  regions: RegionsTable;
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
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
  inventory_counts: InventoryCountsTable;
  phase_dates: PhaseDatesTable;
  submissions: SubmissionsTable;
  submission_revisions: SubmissionRevisionsTable;
  submission_attachments: SubmissionAttachmentsTable;
  survey_invitations: SurveyInvitationsTable;
  survey_confirmations: SurveyConfirmationsTable;
  review_levels: ReviewLevelsTable;
  review_steps: ReviewStepsTable;
  phase_acceptances: PhaseAcceptancesTable;
  qc_settings: QcSettingsTable;
  qc_samples: QcSamplesTable;
  qc_sample_items: QcSampleItemsTable;
  coefficient_versions: CoefficientVersionsTable;
  coefficients: CoefficientsTable;
  accounting_settings: AccountingSettingsTable;
  accounting_dirty: AccountingDirtyTable;
  emissions: EmissionsTable;
  emission_rollups: EmissionRollupsTable;
  census_calendar: CensusCalendarTable;
  calendar_deadlines: CalendarDeadlinesTable;
  readiness_reports: ReadinessReportsTable;
  dispatches: DispatchesTable;
  briefings: BriefingsTable;
  supervision_cases: SupervisionCasesTable;
  case_events: CaseEventsTable;
  supervision_files: SupervisionFilesTable;
  channels: ChannelsTable;
  channel_members: ChannelMembersTable;
  channel_messages: ChannelMessagesTable;
  notifications: NotificationsTable;
  channel_webhooks: ChannelWebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  portal_stories: PortalStoriesTable;
  portal_articles: PortalArticlesTable;
  portal_article_revisions: PortalArticleRevisionsTable;
  portal_images: PortalImagesTable;
  portal_links: PortalLinksTable;
  portal_datasets: PortalDatasetsTable;
  portal_views: PortalViewsTable;
  outfall_reaches: OutfallReachesTable;
  outfall_images: OutfallImagesTable;
  outfall_counters: OutfallCountersTable;
  outfalls: OutfallsTable;
  outfall_steps: OutfallStepsTable;
  outfall_photos: OutfallPhotosTable;
  radio_minerals: RadioMineralsTable;
  radio_enterprises: RadioEnterprisesTable;
  radio_measurements: RadioMeasurementsTable;
  radio_files: RadioFilesTable;
}
