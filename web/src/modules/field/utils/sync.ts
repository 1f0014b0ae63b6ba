// Sync: re-read the session (and its CSRF token), send each package's outbox in
// batches of ≤ 500 with the package cursor, apply the answer in one transaction per
// batch, then the survey forms (survey-sync.ts) and the review chain's returns (returned-sync.ts), then start the photo uploads. One run at a
// time; callers share it.
import { api, isApiError, type ApiError } from '../../../api/client.ts';
import { fetchSession, SESSION_KEY } from '../../auth/hooks/use-session-query.ts';
import { queryClient } from '../../app/utils/query-client.ts';
import type { LocalUnit, OutboxEntry, SyncAnswer, SyncItem } from '../types.ts';
import { STORES, get, getAll, getMeta, notify, setMeta, tx } from './field-db.ts';
import { chunks, outcomeOf, sendable, unitAfterOk } from './outbox-rules.ts';
import { kickPhotos } from './photo-uploader.ts';
import { setSyncStatus } from './sync-status.ts';
import { pullReturned } from './returned-sync.ts';
import { sendSubmissions, type SurveySyncCounts } from './survey-sync.ts';
import { applyRecords, cursorKey, listPackages } from './unit-store.ts';

export const LAST_SYNC = 'last-sync';

export interface SyncReport extends Partial<SurveySyncCounts> {
  sent: number;
  stored: number;
  conflicts: number;
  failed: number;
  updates: number;
  /** Survey forms returned by the review chain (退回) to the taker. */
  returned?: number;
}

let running: Promise<SyncReport> | null = null;

export function syncNow(): Promise<SyncReport> {
  running ??= run().finally(() => (running = null));
  return running;
}

/** The real session, never the copy the app opened offline with: it carries the CSRF token writes need. */
export async function freshSession() {
  return queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 0 });
}

async function run(): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, stored: 0, conflicts: 0, failed: 0, updates: 0 };
  setSyncStatus({ running: true, error: null });
  try {
    // A null session means 401: the client's auth handler sends the taker to the login page.
    if (!(await freshSession())) throw new Error('no session');
    for (const pkg of await listPackages()) {
      let cursor = await getMeta<string>(cursorKey(pkg.id));
      const entries = sendable(await tx([STORES.outbox], 'readonly', (t) => getAll<OutboxEntry>(t, STORES.outbox, pkg.id, 'packageId')));
      // An empty outbox still asks for updates: rejections and remarks come down this way.
      for (const batch of entries.length ? chunks(entries) : [[]]) {
        let answer: SyncAnswer;
        try {
          answer = await send(pkg.id, cursor, batch);
        } catch (e) {
          // The package itself is refused (closed, given to another team): its edits are
          // marked with the server's word so the taker sees them; the other packages go on.
          if (!isApiError(e) || !packageRefused(e)) throw e;
          report.failed += await refuseAll(batch, { code: e.code, message: e.text });
          break;
        }
        cursor = answer.cursor;
        const counts = await applyAnswer(pkg.id, batch, answer);
        report.sent += batch.length;
        report.stored += counts.stored;
        report.conflicts += counts.conflicts;
        report.failed += counts.failed;
        report.updates += counts.updates;
      }
    }
    // The survey forms after the inventory: a unit added in the field has its server id now.
    Object.assign(report, await sendSubmissions());
    // Then what the review chain sent back, once the forms sent again have left the list.
    report.returned = await pullReturned();
    await setMeta(LAST_SYNC, new Date().toISOString());
    setSyncStatus({ running: false, error: null, report });
    kickPhotos();
    return report;
  } catch (e) {
    setSyncStatus({ running: false, error: e });
    throw e;
  }
}

const packageRefused = (e: ApiError) => e.status === 404 || (e.status === 403 && e.code !== 'AUTH_CSRF');

async function refuseAll(batch: OutboxEntry[], failed: NonNullable<OutboxEntry['failed']>): Promise<number> {
  if (!batch.length) return 0;
  await tx([STORES.outbox], 'readwrite', async (t) => {
    for (const sent of batch) {
      const current = await get<OutboxEntry>(t, STORES.outbox, sent.unitKey);
      if (current?.item.opId === sent.item.opId) t.objectStore(STORES.outbox).put({ ...current, failed });
    }
  });
  notify(STORES.outbox);
  return batch.length;
}

async function post(packageId: number, cursor: string | undefined, items: SyncItem[]): Promise<SyncAnswer> {
  const body = { packageId, ...(cursor ? { cursor } : {}), items };
  try {
    return await api.post<SyncAnswer>('/api/v1/inventory/sync', body);
  } catch (e) {
    if (!isApiError(e, 'AUTH_CSRF')) throw e;
    await freshSession(); // the token changed (a new login elsewhere): once more with the new one
    return api.post<SyncAnswer>('/api/v1/inventory/sync', body);
  }
}

/**
 * Sends one batch. A 400 for the whole request means one item broke the schema at
 * the edge; then each item goes alone, so only the bad one is refused.
 */
async function send(packageId: number, cursor: string | undefined, batch: OutboxEntry[]): Promise<SyncAnswer> {
  try {
    return await post(packageId, cursor, batch.map((e) => e.item));
  } catch (e) {
    if (!isApiError(e) || e.status !== 400 || batch.length === 0) throw e;
  }
  const merged: SyncAnswer = { results: [], updates: [], cursor: cursor ?? '' };
  for (const entry of batch) {
    try {
      const a = await post(packageId, cursor, [entry.item]);
      merged.results.push(...a.results);
      merged.updates.push(...a.updates);
      merged.cursor = a.cursor;
    } catch (e) {
      if (!isApiError(e) || e.status !== 400) throw e;
      merged.results.push({ opId: entry.item.opId, ok: false, code: e.code, message: e.text });
    }
  }
  return merged;
}

/** The answer of one batch, applied in one transaction (with the cursor, so a crash never skips updates). */
async function applyAnswer(packageId: number, batch: OutboxEntry[], answer: SyncAnswer) {
  const byOp = new Map(batch.map((e) => [e.item.opId, e]));
  const counts = { stored: 0, conflicts: 0, failed: 0, updates: 0 };
  await tx([STORES.units, STORES.outbox, STORES.meta], 'readwrite', async (t) => {
    const outbox = t.objectStore(STORES.outbox);
    for (const r of answer.results) {
      const sent = byOp.get(r.opId);
      if (!sent) continue;
      const current = await get<OutboxEntry>(t, STORES.outbox, sent.unitKey);
      const outcome = outcomeOf(sent.item, r, current);
      if (r.ok) {
        counts.stored++;
        const unit = await get<LocalUnit>(t, STORES.units, sent.unitKey);
        if (unit) t.objectStore(STORES.units).put(unitAfterOk(unit, sent.item, r));
      }
      if (outcome.kind === 'done') outbox.delete(sent.unitKey);
      else if (outcome.kind !== 'stale') outbox.put(outcome.entry);
      if (outcome.kind === 'conflict') counts.conflicts++;
      if (outcome.kind === 'failed') counts.failed++;
    }
    counts.updates = await applyRecords(t, packageId, answer.updates);
    t.objectStore(STORES.meta).put(answer.cursor, cursorKey(packageId));
  });
  notify(STORES.units, STORES.outbox, STORES.meta);
  return counts;
}
