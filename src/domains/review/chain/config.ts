// The chain as the national office set it: which levels are on. Read on every submit, so it is
// kept in memory for a few seconds; a change is announced to every process behind the same
// database (src/core/db/changes.ts), the TTL bounding what a missed notification could leave.
import { announce, onChange } from '../../../core/db/changes.ts';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { ReviewLevel } from '../../../core/db/schema.ts';
import { LEVELS } from './levels.ts';

const TTL_MS = 5_000;
let cache = new WeakMap<object, { at: number; enabled: ReviewLevel[] }>();
onChange('review-levels', () => void (cache = new WeakMap()));

export async function enabledLevels(db: Db | Tx): Promise<ReviewLevel[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.enabled;
  const rows = await db.selectFrom('review_levels').select(['code', 'enabled']).orderBy('position').execute();
  // A database without the rows (never: the migration seeds them) falls back to the whole chain.
  const enabled = rows.length ? rows.filter((r) => r.enabled).map((r) => r.code) : [...LEVELS];
  cache.set(db, { at: Date.now(), enabled });
  return enabled;
}

/** The levels changed (call after the commit): every process reads them afresh. */
export function forgetLevels(): Promise<void> {
  return announce('review-levels');
}
