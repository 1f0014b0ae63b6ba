// Shapes of the directory's API (/api/v1/registers, /api/v1/sources, the merge queue) as the
// console sees them; re-exported by types.ts, so callers import from there.
import type { Department, Job, LocalizedText } from './types-common.ts';

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
