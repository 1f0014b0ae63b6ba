// SQL of the region tree.
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { RegionRow } from './tree.ts';

const CHUNK = 5000;

/** Inserts or refreshes the tree; pilot flags already set are kept. */
export async function upsertRegions(db: Db, rows: RegionRow[], onChunk?: (done: number) => void) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const col = <K extends keyof RegionRow>(k: K) => part.map((r) => r[k]);
    await sql`
      INSERT INTO regions (code, name, level, parent_code, scope_prefix, pinyin, initials)
      SELECT * FROM unnest(${col('code')}::text[], ${col('name')}::text[], ${col('level')}::text[],
        ${col('parent_code')}::text[], ${col('scope_prefix')}::text[], ${col('pinyin')}::text[], ${col('initials')}::text[])
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
        scope_prefix = excluded.scope_prefix, pinyin = excluded.pinyin, initials = excluded.initials`.execute(db);
    onChunk?.(i + part.length);
  }
}

export async function countRegions(db: Db) {
  const r = await db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

const columns = ['code', 'name', 'level', 'parent_code', 'pilot', 'scope_prefix'] as const;

export async function getRegion(db: Db, code: string) {
  return db.selectFrom('regions').select(columns).where('code', '=', code).executeTakeFirst();
}

/** The region and its ancestors, nation first. */
export async function getPath(db: Db, code: string) {
  const r = await sql<{ code: string; name: string; level: string; depth: number }>`
    WITH RECURSIVE up AS (
      SELECT code, name, level, parent_code, 0 AS depth FROM regions WHERE code = ${code}
      UNION ALL
      SELECT r.code, r.name, r.level, r.parent_code, up.depth + 1 FROM regions r JOIN up ON r.code = up.parent_code)
    SELECT code, name, level, depth FROM up ORDER BY depth DESC`.execute(db);
  return r.rows.map(({ code: c, name, level }) => ({ code: c, name, level }));
}

export async function getChildren(db: Db, code: string) {
  return db
    .selectFrom('regions as r')
    .select([...columns.map((c) => `r.${c}` as const)])
    .select((eb) =>
      eb.exists(eb.selectFrom('regions as c').select('c.code').whereRef('c.parent_code', '=', 'r.code')).as('has_children'),
    )
    .where('r.parent_code', '=', code)
    .orderBy('r.code')
    .execute();
}

/**
 * Search by name (substring), pinyin or initials (prefix), or code prefix, inside
 * a scope. Exact and prefix matches and higher levels come first.
 */
export async function searchRegions(db: Db, term: string, scopePrefix: string, limit: number) {
  const t = term.trim().toLowerCase();
  const isCode = /^\d+$/.test(t);
  let q = db
    .selectFrom('regions')
    .select([...columns])
    .where('scope_prefix', 'like', `${scopePrefix}%`)
    .where('level', '<>', 'nation');
  q = isCode
    ? q.where('code', 'like', `${t}%`)
    : q.where((eb) =>
        eb.or([eb('name', 'like', `%${t}%`), eb('pinyin', 'like', `${t}%`), eb('initials', 'like', `${t}%`)]),
      );
  return q
    .orderBy(sql`CASE WHEN name = ${t} OR pinyin = ${t} THEN 0 WHEN name LIKE ${t + '%'} THEN 1 ELSE 2 END`)
    .orderBy(sql`CASE level WHEN 'province' THEN 1 WHEN 'prefecture' THEN 2 WHEN 'county' THEN 3 ELSE 4 END`)
    .orderBy('code')
    .limit(limit)
    .execute();
}

export async function setPilot(db: Db, code: string, pilot: boolean) {
  return db.updateTable('regions').set({ pilot }).where('code', '=', code).returning(columns).executeTakeFirst();
}

/** Codes of the tree down to townships (about 45,000; villages are left out: 620,000). */
export async function codesToTownship(db: Db) {
  const rows = await db.selectFrom('regions').select('code').where('level', 'in', ['nation', 'province', 'prefecture', 'county', 'township']).execute();
  return new Set(rows.map((r) => r.code));
}

export async function regionsExist(db: Db, codes: string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await db.selectFrom('regions').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}
