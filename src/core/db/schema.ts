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
}
