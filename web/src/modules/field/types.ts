// The inventory (清查) API as the field app sees it (docs/inventory-api.md), and
// what the device keeps in IndexedDB. Shapes shared with the console come from
// api/inventory-types.ts; these are the field app's routes and its own storage.
import type { InventoryForm as ConsoleForm, InventoryState, RecordStatus, Remark } from '../../api/inventory-types.ts';
import type { ChainLevel } from '../../api/review-types.ts';
import type { LocalizedText } from '../../api/types.ts';

export type { InventoryState, RecordStatus, Remark };

export interface MyPackage {
  id: number;
  name: string;
  regionName: string;
  zoneCode: string | null;
  sources: number;
  visited: number;
  version: number;
}

export interface RecordView {
  sourceId: number;
  clientUuid: string | null;
  status: RecordStatus;
  state: string | null;
  stateReason: string | null;
  data: Partial<InventoryForm> | null;
  version: number;
  visitedAt: string | null;
  visitFar: boolean;
  rejectReason: string | null;
  remarks: Remark[];
}

/** The inventory form (FormData in the contract): the console's shape, with the name a sync requires. */
export type InventoryForm = ConsoleForm & { name: string };
export type Contact = NonNullable<InventoryForm['contacts']>[number];
export type Site = NonNullable<InventoryForm['sites']>[number];

export interface Unit {
  sourceId: number;
  name: string;
  creditCode: string | null;
  address: string | null;
  legalRep: string | null;
  phone: string | null;
  industryCode: string | null;
  category: string | null;
  lat: number | null;
  lng: number | null;
  formerNames: string[] | null;
  permitNo: string | null;
  radioactive: boolean | null;
  zoneCode: string | null;
  record: RecordView;
}

export interface PackageDownload {
  package: Omit<MyPackage, 'sources' | 'visited'> & Partial<Pick<MyPackage, 'sources' | 'visited'>>;
  downloadedAt: string;
  cursor: string;
  units: Unit[];
}

export interface Visit {
  at: string;
  lat: number;
  lng: number;
  accuracy?: number;
}

export interface SyncItem {
  opId: string;
  sourceId: number | null;
  clientUuid?: string;
  baseVersion: number | null;
  state: string;
  stateReason?: string;
  submit: boolean;
  data: InventoryForm;
  visit?: Visit;
}

export type SyncResult =
  | { opId: string; ok: true; sourceId: number; clientUuid: string | null; version: number; status: RecordStatus }
  | { opId: string; ok: false; code: string; message: LocalizedText; sourceId?: number; server?: RecordView };

export interface SyncAnswer {
  results: SyncResult[];
  /** RecordView[] in the contract; the server sends Unit[] (see applyRecords). */
  updates: Array<RecordView | Unit>;
  cursor: string;
}

// ---- what the device stores ----

/** A unit on the device. `key` is `s:<sourceId>`, or `c:<clientUuid>` for a unit added in the field (kept after the server names it). */
export interface LocalUnit {
  key: string;
  packageId: number;
  sourceId: number | null;
  clientUuid: string | null;
  source: Omit<Unit, 'record' | 'sourceId'>;
  /** The record as the server last told the device (null for a unit added here and not yet synced). */
  record: RecordView | null;
}

export interface LocalPackage extends MyPackage {
  downloadedAt: string;
  units: number;
}

/** One unit's edit waiting to go up: the latest save only (a new save replaces it). */
export interface OutboxEntry {
  unitKey: string;
  packageId: number;
  item: SyncItem;
  savedAt: string;
  /** The server refused it: the taker must change something (a new save clears this). */
  failed?: { code: string; message: LocalizedText };
  /** The server holds another version: the taker chooses (keep mine / take the server's). */
  conflict?: RecordView;
}

export interface LocalPhoto {
  id: string;
  unitKey: string;
  packageId: number;
  blob: Blob;
  name: string;
  takenAt: string;
  lat?: number;
  lng?: number;
  tries: number;
  /** Epoch ms before which the uploader leaves it alone (backoff). */
  nextAt: number;
  /** Refused by the server for good (a bad file): shown, not retried. */
  failed?: LocalizedText;
}

/** A file a survey answer names, kept on the device until the sync sends it before its form. */
export interface LocalAttachment {
  id: string;
  unitKey: string;
  blob: Blob;
  name: string;
  type: string;
  savedAt: string;
}

/**
 * A survey form (入户调查) filled on the device for one unit: the latest answers, saved as the
 * taker types. `key` is `<unitKey>|<form>`; `id` is made here once and is the submission's id on
 * the server; `baseRev` is the server's revision this copy was last stored as or taken from.
 */
export interface LocalSubmission {
  key: string;
  unitKey: string;
  packageId: number;
  id: string;
  form: string;
  version: number;
  answers: Record<string, unknown>;
  explanations: Record<string, string>;
  /** A draft kept on the device, or submitted by the taker (sent at the next sync). */
  status: 'draft' | 'submitted';
  /** Waiting to be sent: set by "submit", cleared once the server stored this very copy. */
  pending: boolean;
  baseRev: number | null;
  /** The server's status after the last send or choice (null: never stored there). */
  serverStatus: string | null;
  savedAt: string;
  /** The server refused it (not ready, malformed, …): shown at the form until the taker submits again. */
  failed?: { code: string; message: LocalizedText; issues: SurveyIssueLite[]; paths?: string[] };
  /** The server holds another revision: the taker chooses (keep mine / take the server's). */
  conflict?: ServerSubmission;
  /** Changed here since last stored or taken from the server (unset on copies older than this flag). */
  edited?: boolean;
  /** The review chain sent it back (GET /review/returned at the last sync): why, and what may change. */
  review?: ReturnedReview;
}

/** A return in force, as GET /review/returned answers it (docs/review-api.md). */
export interface ReturnedReview {
  returnedFrom: ChainLevel | null;
  returnedTo: number | null;
  reason: string | null;
  comments: Array<{ path: string; text: string }>;
  /** Only these fields may change (null: the whole form). */
  openPaths: string[] | null;
  by: string | null;
  at: string | null;
}

/** One item of GET /review/returned, kept in the store `returned` until the next sync. */
export interface ReturnedItem {
  id: string;
  sourceId: number;
  sourceName: string;
  form: string;
  version: number;
  rev: number;
  reviewVersion: number;
  answers: Record<string, unknown>;
  explanations: Record<string, string>;
  review: ReturnedReview;
}

export interface SurveyIssueLite {
  form: string;
  path: string;
  rule: string;
  severity: 'blocking' | 'warning';
  message: LocalizedText;
}

/** The server's copy of a submission, as a conflict carries it. */
export interface ServerSubmission {
  id: string;
  form: string;
  version: number;
  rev: number;
  status: string;
  answers: Record<string, unknown>;
  explanations: Record<string, string>;
}
