// Pure rules of the outbox and of applying the server's sync answer: which edit
// goes up, with which base version, and what the device keeps afterwards.
import type { LocalUnit, OutboxEntry, RecordView, SyncItem, SyncResult } from '../types.ts';

export const SYNC_BATCH = 500;

export function unitKey(sourceId: number | null, clientUuid: string | null | undefined): string {
  if (clientUuid) return `c:${clientUuid}`;
  if (sourceId === null) throw new Error('a unit needs a source id or a client uuid');
  return `s:${sourceId}`;
}

/**
 * A new save of a unit. It replaces an unsent one but keeps that one's base version:
 * the device has not learnt of any newer server version in between. A refusal is
 * cleared (the taker changed something); an open conflict stays until they choose.
 */
export function nextEntry(prev: OutboxEntry | undefined, entry: OutboxEntry): OutboxEntry {
  if (!prev) return entry;
  return { ...entry, item: { ...entry.item, baseVersion: prev.item.baseVersion }, conflict: prev.conflict };
}

/** What goes up now: neither refused nor waiting for the taker's choice. */
export function sendable(entries: OutboxEntry[]): OutboxEntry[] {
  return entries.filter((e) => !e.failed && !e.conflict).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export function chunks<T>(items: T[], size = SYNC_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type Outcome =
  | { kind: 'done' } // stored: the entry leaves the outbox
  | { kind: 'rebased'; entry: OutboxEntry } // stored, but a newer save is waiting: it now builds on what was stored
  | { kind: 'conflict'; entry: OutboxEntry }
  | { kind: 'failed'; entry: OutboxEntry }
  | { kind: 'stale' }; // the answer is for an edit the taker has since replaced: nothing to do

/** How one result changes the entry now in the outbox for that unit (`current`, read after the request). */
export function outcomeOf(sent: SyncItem, result: SyncResult, current: OutboxEntry | undefined): Outcome {
  const same = current?.item.opId === sent.opId;
  if (result.ok) {
    if (!current || same) return { kind: 'done' };
    return { kind: 'rebased', entry: { ...current, item: { ...current.item, sourceId: result.sourceId, baseVersion: result.version } } };
  }
  if (!current || !same) return { kind: 'stale' };
  if (result.code === 'INVENTORY_CONFLICT' && result.server) return { kind: 'conflict', entry: { ...current, conflict: result.server } };
  return { kind: 'failed', entry: { ...current, failed: { code: result.code, message: result.message } } };
}

/** The unit after the server stored the device's edit. */
export function unitAfterOk(unit: LocalUnit, sent: SyncItem, r: Extract<SyncResult, { ok: true }>): LocalUnit {
  const record: RecordView = {
    ...(unit.record ?? { remarks: [], rejectReason: null, visitFar: false, visitedAt: null }),
    sourceId: r.sourceId,
    clientUuid: r.clientUuid ?? unit.clientUuid,
    status: r.status,
    state: sent.state,
    stateReason: sent.stateReason ?? null,
    data: sent.data,
    version: r.version,
    visitedAt: sent.visit?.at ?? unit.record?.visitedAt ?? null,
  };
  // A resubmission answers the rejection: the old reason no longer stands.
  if (r.status !== 'rejected') record.rejectReason = null;
  return { ...unit, sourceId: r.sourceId, record };
}

/** "Keep mine": the same edit again, as a new operation over the server's version. */
export function keepMine(entry: OutboxEntry, opId: string, now: string): OutboxEntry {
  const server = entry.conflict!;
  return { unitKey: entry.unitKey, packageId: entry.packageId, savedAt: now, item: { ...entry.item, opId, sourceId: server.sourceId, baseVersion: server.version } };
}

/** Retry delay of a photo upload: 2 s, 4 s, 8 s … at most 5 minutes, with a little jitter. */
export function backoffMs(tries: number, random = Math.random()): number {
  const base = Math.min(5 * 60_000, 2000 * 2 ** Math.max(0, tries - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}
