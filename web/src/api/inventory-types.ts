// Shapes of the inventory (清查) API as the console sees them (docs/inventory-api.md).
import type { Job, RegionLevel, TeamKind } from './types.ts';

/** One of the six 清查状态, configurable by the national office. */
export interface InventoryState {
  code: string;
  nameZh: string;
  nameEn: string;
  /** #rrggbb */
  colour: string;
  toSurvey: boolean;
  reasons: string[];
  position: number;
}

/** A department of the joint review (八部门联合审查). */
export interface InventoryDepartment {
  code: string;
  nameZh: string;
  nameEn: string;
  required: boolean;
  position: number;
}

export const RECORD_STATUSES = ['assigned', 'new', 'submitted', 'approved', 'rejected', 'done', 'locked', 'deleted'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const CONFIRMATIONS = ['pending', 'confirmed', 'disputed', 'settled'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export type VerdictKind = 'agree' | 'disagree';

export interface Verdict {
  department: string;
  verdict: VerdictKind;
  reason: string | null;
  at: string;
}

export interface Remark {
  id: number;
  kind: 'reject' | 'comment' | 'disagree' | 'settle' | 'approve';
  department: string | null;
  text: string;
  at: string;
  /** Not in the contract's RecordView; shown when the server sends it. */
  author?: string | null;
}

/** A row of GET /inventory/records. */
export interface InventoryRecord {
  sourceId: number;
  name: string;
  creditCode: string | null;
  address: string | null;
  regionCode: string;
  regionName: string;
  zoneCode: string | null;
  state: string | null;
  stateReason: string | null;
  status: RecordStatus;
  confirmation: Confirmation;
  visitFar: boolean;
  visitedAt: string | null;
  enumerator: string | null;
  verdicts: Verdict[];
  version: number;
}

/** The inventory form as captured in the field. */
export interface InventoryForm {
  name?: string;
  creditCode?: string;
  orgCode?: string;
  formerNames?: string[];
  legalRep?: string;
  address?: string;
  industryCode?: string;
  category?: string;
  lat?: number;
  lng?: number;
  contacts?: { name?: string; phone?: string }[];
  permitNo?: string;
  sites?: { address: string; lat?: number; lng?: number }[];
  radioactive?: boolean;
  minerals?: string[];
  remarks?: string;
}

export interface PhotoMeta {
  id: string;
  mime: string;
  bytes: number;
  takenAt: string | null;
  lat: number | null;
  lng: number | null;
}

/** The directory's side of a record (what the registers said). */
export interface RecordSource {
  id?: number;
  name: string;
  creditCode: string | null;
  address: string | null;
  legalRep: string | null;
  phone: string | null;
  industryCode: string | null;
  category: string | null;
  origin?: string;
  [key: string]: unknown;
}

/** GET /inventory/records/:id: the record with its source, form, verdicts, remarks, photos. */
export interface InventoryRecordDetail extends InventoryRecord {
  data: InventoryForm;
  rejectReason: string | null;
  source?: RecordSource | null;
  /** The server names the zone here rather than in zoneCode. */
  zone?: { code: string; name: string } | null;
  remarks: Remark[];
  photos: PhotoMeta[];
}

export interface VerdictOutcome {
  updated: number;
  confirmed: number;
  disputed: number;
}

export interface ProgressRow {
  code: string | null;
  name: string;
  level: RegionLevel | 'zone' | string;
  sources: number;
  visited: number;
  byState: Record<string, number>;
  confirmed: number;
  disputed: number;
  completion: number;
}

export interface Progress {
  region: { code: string; name: string; level: RegionLevel | 'zone' | string };
  total: ProgressRow;
  rows: ProgressRow[];
}

export interface Pilot {
  code: string;
  name: string;
  parentName: string;
  surveyStartsOn: string | null;
  surveyEndsOn: string | null;
  inventoryCompletion: number;
}

export interface CensusZone {
  id: number;
  code: string;
  regionCode: string;
  regionName: string;
  name: string;
  keywords: string[];
  sources: number;
  version: number;
}

export interface WorkPackage {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  teamId: number;
  teamName: string;
  teamKind: TeamKind;
  zoneId: number | null;
  zoneCode: string | null;
  sources: number;
  visited: number;
  closed: boolean;
  version: number;
}

export interface PackageAssignment {
  teamId: number;
  teamName: string;
  reason: string | null;
  actor: string | null;
  at: string;
}

export interface WorkPackageDetail extends WorkPackage {
  history: PackageAssignment[];
}

/** 202 of POST /zones/assign. */
export interface ZoneAssignStart {
  job: Job;
}
