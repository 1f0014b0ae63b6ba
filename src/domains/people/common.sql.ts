// SQL the three entities of people share: look-ups of regions and agencies for
// the rules, and the pieces of keyset paging and search.
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';

/** A LIKE pattern that finds `term` anywhere, with the user's % and _ taken literally. */
export function containing(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The codes among `codes` that are in the region tree. */
export async function existingRegions(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('regions').select('code').where(sql<boolean>`code = ANY(${codes}::text[])`).execute();
  return new Set(rows.map((r) => r.code));
}

/** The ids among `ids` of agencies inside a scope. */
export async function visibleAgencyIds(db: Db, scopePrefix: string, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('agencies')
    .select('id')
    .where(sql<boolean>`id = ANY(${ids}::bigint[])`)
    .where('region_code', 'like', `${scopePrefix}%`)
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/** True when `e` is the database refusing a duplicate on the named unique index. */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const pe = e as { code?: string; constraint?: string; message?: string } | null;
  if (!pe || pe.code !== '23505') return false;
  return pe.constraint === constraint || (pe.message ?? '').includes(constraint);
}

/**
 * The scope prefix of a list filtered to one region's subtree, intersected with
 * the caller's scope; null when the two do not overlap (an empty list).
 */
export function narrowScope(actorPrefix: string, regionPrefix: string | undefined): string | null {
  if (regionPrefix === undefined) return actorPrefix;
  if (regionPrefix.startsWith(actorPrefix)) return regionPrefix;
  if (actorPrefix.startsWith(regionPrefix)) return actorPrefix;
  return null;
}

/** Cuts a page fetched with limit + 1 rows and names the cursor of the next one. */
export function page<T extends { id: number }, V>(rows: T[], limit: number, view: (r: T) => V) {
  const items = rows.slice(0, limit);
  return { items: items.map(view), nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
}
