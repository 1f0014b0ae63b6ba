// Table types of the inventory (清查), part of schema.ts.
import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column-types.ts';

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
  province_code: string;
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
  created_at: Timestamp;
}
export interface InventoryOpsTable {
  op_id: string;
  province_code: string;
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
  province_code: string;
  department: string;
  verdict: 'agree' | 'disagree';
  reason: string | null;
  user_id: number | null;
  at: Timestamp;
}
export interface InventoryRemarksTable {
  id: Generated<number>;
  source_id: number;
  province_code: string;
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
/** 清查进度 kept by triggers (migration 0032): active sources per place and finding; read by progress. */
export interface InventoryCountsTable {
  province_code: string;
  region_code: string;
  zone_id: number;
  state: string;
  visited: boolean;
  confirmation: '' | 'confirmed' | 'disputed';
  sources: number;
}
