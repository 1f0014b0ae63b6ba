// The chain as the national office set it: which levels are on. Read on every submit, so it is
// kept in memory for a few seconds; a change made here is seen at once in this process and
// within the TTL in any other process behind the same database.
import type { Db, Tx } from '../../../core/db/index.ts';
import type { ReviewLevel } from '../../../core/db/schema.ts';
import { LEVELS } from './levels.ts';

const TTL_MS = 5_000;
const cache = new WeakMap<object, { at: number; enabled: ReviewLevel[] }>();

export async function enabledLevels(db: Db | Tx): Promise<ReviewLevel[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.enabled;
  const rows = await db.selectFrom('review_levels').select(['code', 'enabled']).orderBy('position').execute();
  // A database without the rows (never: the migration seeds them) falls back to the whole chain.
  const enabled = rows.length ? rows.filter((r) => r.enabled).map((r) => r.code) : [...LEVELS];
  cache.set(db, { at: Date.now(), enabled });
  return enabled;
}

export function forgetLevels(db: Db | Tx): void {
  cache.delete(db);
}
