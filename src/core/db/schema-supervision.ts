// Table types of supervision (调度与督导: calendar, readiness, dispatches, briefings, cases,
// channels, notifications, webhooks), part of schema.ts. See migrations/0013_supervision.sql.
import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './column-types.ts';

/** A jsonb column with a default: optional on insert, written as JSON text. */
type JsonDefault = ColumnType<unknown, string | undefined, string>;
type Json = ColumnType<unknown, string, string>;

export type CensusPhase = 'preparation' | 'pilot' | 'inventory' | 'inventory-acceptance' | 'survey' | 'review' | 'accounting' | 'aggregation' | 'acceptance' | 'publication';
export type CaseType = 'reminder' | 'letter' | 'circular' | 'summons' | 'inspection' | 'praise';
export type CaseStatus = 'open' | 'answered' | 'closed' | 'escalated';

export interface CensusCalendarTable {
  phase: CensusPhase;
  position: number;
  starts_on: string;
  ends_on: string;
  weight: Generated<number>;
}
export interface CalendarDeadlinesTable {
  phase: CensusPhase;
  level: 'province' | 'prefecture' | 'county' | 'township';
  due_on: string;
}
export interface ReadinessReportsTable {
  id: Generated<number>;
  region_code: string;
  reported_on: string;
  leading_group_on: string | null;
  office_on: string | null;
  plan_on: string | null;
  plan_document: string | null;
  meetings: JsonDefault;
  in_assessment: Generated<boolean>;
  staff_needed: Generated<number>;
  staff_own: Generated<number>;
  staff_seconded: Generated<number>;
  office_space: Generated<boolean>;
  network_connected: Generated<boolean>;
  funds_budgeted: Generated<string>;
  funds_arrived: Generated<string>;
  agency_contracted: Generated<boolean>;
  note: Generated<string>;
  reported_by: number | null;
  created_at: Timestamp;
}
export interface DispatchesTable {
  id: Generated<number>;
  kind: 'biweekly' | 'monthly';
  region_code: string;
  as_of: string;
  previous_on: string;
  number: number | null;
  title: string;
  remarks: Generated<string>;
  status: Generated<'draft' | 'published'>;
  figures: Json;
  created_by: number | null;
  created_at: Timestamp;
  published_by: number | null;
  published_at: NullableTimestamp;
  version: Generated<number>;
}
export interface BriefingsTable {
  id: Generated<number>;
  region_code: string;
  as_of: string;
  title: string;
  blocks: JsonDefault;
  status: Generated<'draft' | 'published'>;
  number: number | null;
  created_by: number | null;
  created_at: Timestamp;
  published_by: number | null;
  published_at: NullableTimestamp;
  version: Generated<number>;
}
export interface SupervisionCasesTable {
  id: Generated<number>;
  type: CaseType;
  issuer_region: string;
  target_region: string;
  number: string;
  title: string;
  reasons: Generated<string>;
  measures: Generated<string>;
  due_on: string | null;
  status: Generated<CaseStatus>;
  dispatch_id: number | null;
  lag_score: string | null;
  escalated_from: number | null;
  created_by: number | null;
  created_at: Timestamp;
  closed_at: NullableTimestamp;
  version: Generated<number>;
}
export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  kind: 'open' | 'answer' | 'close' | 'escalate' | 'reopen';
  text: Generated<string>;
  files: JsonDefault;
  by_user: number | null;
  at: Timestamp;
}
export interface SupervisionFilesTable {
  id: string;
  region_code: string;
  mime: string;
  bytes: number;
  sha256: string;
  name: string | null;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}
export interface ChannelsTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  created_at: Timestamp;
}
export interface ChannelMembersTable {
  channel_id: number;
  user_id: number;
  duty: Generated<string>;
  last_read: Generated<number>;
  added_by: number | null;
  added_at: Timestamp;
}
export interface ChannelMessagesTable {
  id: Generated<number>;
  channel_id: number;
  kind: Generated<'message' | 'dispatch' | 'notice' | 'briefing' | 'case'>;
  ref_id: number | null;
  body: string;
  mentions: JsonDefault;
  files: JsonDefault;
  author_id: number | null;
  at: Timestamp;
}
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: 'mention' | 'case' | 'dispatch' | 'briefing' | 'notice';
  ref_id: number | null;
  channel_id: number | null;
  text: string;
  at: Timestamp;
  read_at: NullableTimestamp;
}
export interface ChannelWebhooksTable {
  id: Generated<number>;
  channel_id: number;
  url: string;
  secret: string;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
}
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  message_id: number;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_at: Timestamp;
  last_status: number | null;
  last_error: string | null;
}
