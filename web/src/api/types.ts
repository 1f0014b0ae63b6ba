// Shapes of the Pucha HTTP API as the console sees them (JSON over /api/v1).

export const ROLES = [
  'national-office',
  'regional-office',
  'reviewer',
  'department-reviewer',
  'instructor',
  'enumerator',
  'agency-staff',
  'respondent',
  'editor',
] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENTS = ['samr', 'tax', 'stats', 'mee', 'miit', 'moa', 'mwr', 'mohurd', 'other'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const REGION_LEVELS = ['nation', 'province', 'prefecture', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Actions of the server's policy table; the console builds its menu from them. */
export type Permission =
  | 'session.read'
  | 'regions.read' | 'regions.write'
  | 'users.read' | 'users.write'
  | 'teams.read' | 'teams.write'
  | 'agencies.read' | 'agencies.write'
  | 'audit.read'
  | 'jobs.read' | 'jobs.write'
  | 'registers.read' | 'registers.write'
  | 'directory.read' | 'directory.write' | 'directory.review'
  | 'inventory.read' | 'inventory.config' | 'inventory.plan' | 'inventory.field' | 'inventory.review' | 'inventory.verdict' | 'inventory.settle'
  | 'survey.read' | 'survey.fill' | 'survey.invite' | 'survey.confirm'
  | 'review.read' | 'review.act' | 'review.config' | 'review.accept' | 'review.sample'
  | 'accounting.read' | 'accounting.config'
  | 'supervision.read' | 'supervision.report' | 'supervision.dispatch' | 'supervision.case' | 'supervision.config'
  | 'channels.read' | 'channels.post' | 'channels.admin'
  | 'portal.read' | 'portal.write' | 'portal.approve'
  | 'outfalls.read' | 'outfalls.plan' | 'outfalls.field' | 'outfalls.verify'
  | 'radioactive.read' | 'radioactive.list' | 'radioactive.measure' | 'radioactive.config'
  | 'demo.load'
  | 'metrics.read';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    status: number;
    message: LocalizedText;
    details?: unknown;
  };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Session {
  username: string;
  role: Role;
  regionCode: string;
  regionName: string;
  displayName: string;
  department: Department | null;
  agencyId: number | null;
  /** A respondent's own source (null, or absent from an older server, for other roles). */
  sourceId?: number | null;
  csrfToken: string;
  permissions: string[];
}

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  pilot: boolean;
}

export interface RegionPathItem {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface RegionDetail extends Region {
  path: RegionPathItem[];
}

export interface RegionChild extends Region {
  hasChildren: boolean;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  department: Department | null;
  agencyId: number | null;
  agencyName: string | null;
  phone: string | null;
  disabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserCreate {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
  department?: Department;
  agencyId?: number;
  phone?: string;
}

export interface UserPatch {
  version: number;
  displayName?: string;
  role?: Role;
  regionCode?: string;
  department?: Department | null;
  agencyId?: number | null;
  phone?: string | null;
  disabled?: boolean;
  password?: string;
}

/** One bad row of a rejected user import (error.details.rows). */
export interface ImportRowError {
  row: number;
  field: string;
  code: string;
  message: LocalizedText;
}

export interface Agency {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  creditCode: string | null;
  contact: string | null;
  phone: string | null;
  contractRef: string | null;
  version: number;
  createdAt: string;
}

export interface AgencyInput {
  name: string;
  regionCode: string;
  creditCode?: string | null;
  contact?: string | null;
  phone?: string | null;
  contractRef?: string | null;
}

export const TEAM_KINDS = ['enumerator', 'paired', 'agency', 'students'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const MEMBER_ROLES = ['member', 'local', 'professional', 'student'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface TeamMember {
  userId: number;
  username: string;
  displayName: string;
  memberRole: MemberRole;
}

export interface Team {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  kind: TeamKind;
  agencyId: number | null;
  agencyName: string | null;
  instructorId: number | null;
  instructorName: string | null;
  disabled: boolean;
  version: number;
  members: TeamMember[];
}

export interface TeamInput {
  name: string;
  regionCode: string;
  kind: TeamKind;
  agencyId?: number | null;
  instructorId?: number | null;
  members: { userId: number; memberRole: MemberRole }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUsername: string;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string | null;
  before: unknown;
  after: unknown;
}

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: number;
  kind: string;
  status: JobStatus;
  regionCode: string;
  createdBy: number | null;
  params: unknown;
  progressDone: number;
  progressTotal: number | null;
  message: string | null;
  result: unknown;
  error: unknown;
  cancelRequested: boolean;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const REGISTER_STATUSES = ['importing', 'imported', 'failed', 'cancelled'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

export type RegisterFormat = 'csv' | 'xlsx';

/** The columns a department register is mapped onto; name is the one that must be present. */
export const REGISTER_FIELDS = ['credit_code', 'name', 'address', 'legal_rep', 'industry_code', 'phone', 'region_code'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** field → header of the uploaded file. */
export type RegisterMapping = Partial<Record<RegisterField, string>>;

/** One imported file of a department's list of units (部门名录). */
export interface Register {
  id: number;
  department: Department;
  regionCode: string;
  regionName: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  format: RegisterFormat;
  encoding: string;
  mapping: Record<string, string>;
  status: RegisterStatus;
  rowCount: number;
  validCount: number;
  errorCount: number;
  jobId: number | null;
  createdBy: number | null;
  createdAt: string;
  importedAt: string | null;
}

export interface SavedMapping {
  name: string;
  columns: Record<string, string>;
}

/** POST /registers/preview: what the server read from the head of the file. */
export interface RegisterPreview {
  encoding: string;
  format: RegisterFormat;
  headers: string[];
  sample: string[][];
  guessedMapping: Record<string, string>;
  savedMappings: SavedMapping[];
}

/** 202 of POST /registers and of POST /registers/{id}/reimport. */
export interface RegisterImport {
  register: Register;
  job: Job;
}

export interface RegisterRow {
  rowNumber: number;
  valid: boolean;
  creditCode: string | null;
  name: string | null;
  address: string | null;
  legalRep: string | null;
  industryCode: string | null;
  phone: string | null;
  regionCode: string | null;
  extra: Record<string, unknown> | null;
}

export interface RegisterRowError {
  rowNumber: number;
  column: string | null;
  code: string;
  message: LocalizedText;
  value: string | null;
}

export const SOURCE_CATEGORIES = ['industrial', 'livestock', 'domestic', 'centralised', 'mobile'] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

export const SOURCE_STATES = ['active', 'deleted', 'merged'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

export const DELETE_REASONS = ['duplicate', 'out-of-scope', 'closed'] as const;
export type DeleteReason = (typeof DELETE_REASONS)[number];

/** The register row a field of a source was taken from. */
export interface RegisterOrigin {
  registerId: number;
  rowNumber: number;
  department: Department;
  manual?: undefined;
}

/** A field typed by hand (PATCH /sources/:id): matching, merges and splits leave it alone. */
export interface ManualOrigin {
  manual: true;
  by: string;
  userId: number | null;
  at: string;
}

export type FieldOrigin = RegisterOrigin | ManualOrigin;

/** One unit of the directory (名录库), a 普查对象 built from register rows or supplemented by hand. */
export interface Source {
  id: number;
  regionCode: string;
  regionName: string;
  creditCode: string | null;
  name: string;
  formerNames: string[];
  address: string | null;
  legalRep: string | null;
  phone: string | null;
  industryCode: string | null;
  category: SourceCategory;
  lat: number | null;
  lng: number | null;
  /** The same point in GCJ-02, as Chinese base maps draw it. */
  gcj02: { lat: number; lng: number } | null;
  permitNo: string | null;
  radioactive: boolean;
  state: SourceState;
  mergedInto: number | null;
  deleteReason: DeleteReason | null;
  origin: 'register' | 'supplement';
  /** Keyed by the server's column names (credit_code, legal_rep, …). */
  fieldOrigins: Record<string, FieldOrigin>;
  /** Departments whose registers carry it. */
  departments: Department[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const LINK_RULES = ['new', 'credit-code', 'score', 'manual', 'merge'] as const;
export type LinkRule = (typeof LINK_RULES)[number];

/** A register row linked to a source, and how it was linked. */
export interface SourceRegisterRow {
  registerId: number;
  rowNumber: number;
  department: Department;
  fileName: string;
  rule: LinkRule;
  creditCode: string | null;
  name: string;
  address: string | null;
  legalRep: string | null;
  phone: string | null;
  industryCode: string | null;
}

export interface SourceMerge {
  id: number;
  /** merge: otherId was merged into survivorId; split: otherId was split off survivorId. */
  kind: 'merge' | 'split';
  survivorId: number;
  otherId: number;
  movedRows: number;
  at: string;
  undoneAt: string | null;
}

export interface SourceDetail extends Source {
  registerRows: SourceRegisterRow[];
  merges: SourceMerge[];
}

/** 增补完成确认: a region's sign-off that its directory supplement is complete. */
export interface DirectorySignOff {
  regionCode: string;
  regionName: string;
  signedAt: string;
  /** Username of who signed; null once that user is gone. */
  signedBy: string | null;
  note: string | null;
}

/** A fuzzy search's answer: similar names, best first, with no next page. */
export interface SimilarSource extends Source {
  similarity: number;
}

/** PATCH /sources/:id: the fields to change (null clears), with the version the form was read at. */
export interface SourceEdit {
  version: number;
  name?: string;
  formerNames?: string[];
  address?: string | null;
  regionCode?: string;
  industryCode?: string | null;
  category?: SourceCategory;
  lat?: number | null;
  lng?: number | null;
  legalRep?: string | null;
  phone?: string | null;
  permitNo?: string | null;
  radioactive?: boolean;
}

export interface SourceSupplement {
  regionCode: string;
  name: string;
  creditCode?: string;
  address?: string;
  legalRep?: string;
  phone?: string;
  industryCode?: string;
  category?: SourceCategory;
}

export const CANDIDATE_STATUSES = ['pending', 'later', 'apart', 'merged'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** One side of a queued pair. */
export interface CandidateSource {
  id: number;
  name: string;
  creditCode: string | null;
  address: string | null;
  legalRep: string | null;
  phone: string | null;
  industryCode: string | null;
  regionCode: string;
  regionName: string;
  departments: Department[];
}

/** A pair of sources the matching could not decide (待合并). */
export interface MergeCandidate {
  id: number;
  /** 0–1. */
  score: number;
  reasons: string[];
  status: CandidateStatus;
  regionCode: string;
  version: number;
  sources: [CandidateSource, CandidateSource];
}

export interface MergeOutcome {
  event: number;
  survivorId: number;
  otherId: number;
  movedRows: number;
}

export interface UndoOutcome {
  event: number;
  kind: 'merge' | 'split';
  survivorId: number;
  otherId: number;
  /** merge: the merged source, active again; split: the original, whole again. */
  restoredId: number;
  movedRows: number;
}

export interface SplitOutcome {
  event: number;
  sourceId: number;
  newSourceId: number;
  movedRows: number;
  candidate: number;
}

/** result of a finished directory.match job. */
export interface MatchResult {
  rowsRead: number;
  rowsLinked: number;
  sourcesCreated: number;
  queued: number;
  pairsScored: number;
}
