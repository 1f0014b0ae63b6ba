// The outbox as the sync tab shows it, and the taker's choices on a conflict.
import type { LocalPhoto, LocalUnit, OutboxEntry } from '../types.ts';
import { STORES, get, getAll, notify, tx } from './field-db.ts';
import { keepMine } from './outbox-rules.ts';

export interface Problem {
  entry: OutboxEntry;
  unit: LocalUnit | undefined;
}

export interface OutboxSummary {
  pending: number;
  problems: Problem[];
  photos: number;
  photosFailed: LocalPhoto[];
}

export async function outboxSummary(): Promise<OutboxSummary> {
  return tx([STORES.outbox, STORES.photos, STORES.units], 'readonly', async (t) => {
    const [entries, photos] = await Promise.all([getAll<OutboxEntry>(t, STORES.outbox), getAll<LocalPhoto>(t, STORES.photos)]);
    const problems: Problem[] = [];
    for (const entry of entries) {
      if (entry.failed || entry.conflict) problems.push({ entry, unit: await get<LocalUnit>(t, STORES.units, entry.unitKey) });
    }
    return { pending: entries.length, problems, photos: photos.length, photosFailed: photos.filter((p) => p.failed) };
  });
}

/**
 * The taker's answer to a conflict. `mine`: the local edit goes again as a new
 * operation over the server's version. `server`: the local edit is dropped and the
 * server's record is what the device shows.
 */
export async function resolveConflict(unitKey: string, choice: 'mine' | 'server'): Promise<void> {
  await tx([STORES.outbox, STORES.units], 'readwrite', async (t) => {
    const entry = await get<OutboxEntry>(t, STORES.outbox, unitKey);
    if (!entry?.conflict) return;
    if (choice === 'mine') {
      t.objectStore(STORES.outbox).put(keepMine(entry, crypto.randomUUID(), new Date().toISOString()));
      return;
    }
    t.objectStore(STORES.outbox).delete(unitKey);
    const unit = await get<LocalUnit>(t, STORES.units, unitKey);
    if (unit) t.objectStore(STORES.units).put({ ...unit, sourceId: entry.conflict.sourceId, record: entry.conflict });
  });
  notify(STORES.outbox, STORES.units);
}
