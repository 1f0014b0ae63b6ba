// Every request of a session reads it; under load (survey intake: hundreds of saves a second
// from one agency's account) that read was one database round trip in four. A session read
// is kept for one second in this process. Logout, a user's change and the removal of their
// sessions clear it here at once (forgetSessions); another process sees them within that second.
const CACHE_MS = 1000;
const CACHE_MAX = 10_000;
const cache = new Map<string, { value: unknown; until: number }>();

/** Drops every cached session read (called by whatever changes users or sessions). */
export function forgetSessions() {
  cache.clear();
}

/** The cached read of session `id`, or a fresh one by `read` (kept only when found). */
export async function cachedSession<T>(id: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.value as T;
  const value = await read();
  if (cache.size >= CACHE_MAX) cache.clear();
  if (value) cache.set(id, { value, until: now + CACHE_MS });
  else cache.delete(id);
  return value;
}
