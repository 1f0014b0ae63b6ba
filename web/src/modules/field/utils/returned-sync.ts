// The review chain's returns, pulled at every sync after the forms went up (so a form the taker
// just sent again is no longer listed): GET /review/returned replaces the store `returned`, and
// each item is applied to the device's copy of its unit's form (returned-rules.ts). A copy whose
// return is over (submitted again, here or elsewhere) loses its banner.
import { api } from '../../../api/client.ts';
import type { LocalSubmission, LocalUnit, ReturnedItem } from '../types.ts';
import { STORES, get, getAll, notify, tx } from './field-db.ts';
import { applyReturned, returnEnded } from './returned-rules.ts';
import { submissionKey } from './survey-rules.ts';

/** Pulls and applies the returns; answers how many forms are returned to the taker. */
export async function pullReturned(): Promise<number> {
  const { items } = await api.get<{ items: ReturnedItem[] }>('/api/v1/review/returned');
  const now = new Date().toISOString();
  await tx([STORES.returned, STORES.units, STORES.submissions], 'readwrite', async (t) => {
    const returned = t.objectStore(STORES.returned);
    const subs = t.objectStore(STORES.submissions);
    returned.clear();
    for (const i of items) returned.put(i);
    const listed = new Set(items.map((i) => i.id));
    for (const s of await getAll<LocalSubmission>(t, STORES.submissions)) {
      if (s.review && !listed.has(s.id)) subs.put(returnEnded(s));
    }
    for (const i of items) {
      // A source of a package not on the device has no unit here: kept in `returned` only.
      const [unit] = await getAll<LocalUnit>(t, STORES.units, i.sourceId, 'sourceId');
      if (!unit) continue;
      const prev = await get<LocalSubmission>(t, STORES.submissions, submissionKey(unit.key, i.form));
      const next = applyReturned(prev, i, unit.key, unit.packageId, now);
      if (next !== prev) subs.put(next);
    }
  });
  notify(STORES.returned, STORES.submissions);
  return items.length;
}

/** The returned forms of one source the device knows (for the unit's screens). */
export async function returnedOf(sourceId: number): Promise<ReturnedItem[]> {
  return tx([STORES.returned], 'readonly', (t) => getAll<ReturnedItem>(t, STORES.returned, sourceId, 'sourceId'));
}
