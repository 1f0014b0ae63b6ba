// Every request of a session reads it; under load (survey intake: hundreds of saves a second
// from one agency's account) that read was one database round trip in four. A session read
// is kept for one second in this process. Logout, a user's change and the removal of their
// sessions drop it in every process (src/core/db/changes.ts: at once here, at the change's
// commit elsewhere); while this process cannot hear other processes' changes nothing is kept.
import { announce, changesHeard, onChange } from '../../core/db/changes.ts';
import type { Db, Tx } from '../../core/db/index.ts';

const CACHE_MS = 1000;
const CACHE_MAX = 10_000;
const cache = new Map<string, { value: unknown; until: number }>();
onChange('sessions', () => cache.clear());

/**
 * Drops every cached session read, in every process. Given the transaction making the change,
 * other processes drop theirs at its commit; without one, call it after the change committed.
 */
export function forgetSessions(trx?: Db | Tx): Promise<void> {
  return announce('sessions', trx);
}

/** The cached read of session `id`, or a fresh one by `read` (kept only when found). */
export async function cachedSession<T>(id: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && hit.until > now && changesHeard()) return hit.value as T;
  const value = await read();
  if (cache.size >= CACHE_MAX) cache.clear();
  if (value && changesHeard()) cache.set(id, { value, until: now + CACHE_MS });
  else cache.delete(id);
  return value;
}
