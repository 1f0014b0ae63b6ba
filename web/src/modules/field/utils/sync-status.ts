// What the sync is doing, for the sync tab: a tiny store outside React (the sync
// runs from events, not from components) read with useSyncExternalStore.
import type { SyncReport } from './sync.ts';

export interface SyncStatus {
  running: boolean;
  error: unknown;
  report?: SyncReport;
  /** Photos: one is going up now. */
  uploading: boolean;
  photoError: unknown;
}

let status: SyncStatus = { running: false, error: null, uploading: false, photoError: null };
const listeners = new Set<() => void>();

export function setSyncStatus(patch: Partial<SyncStatus>) {
  status = { ...status, ...patch };
  for (const l of listeners) l();
}

export function getSyncStatus(): SyncStatus {
  return status;
}

export function subscribeSyncStatus(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
