// The schema's shape as the distribution check needs it, read from PostgreSQL's catalogue (the
// same on PGlite): every table's columns, primary key, unique keys and foreign keys.
import { sql } from 'kysely';
import type { Db } from './index.ts';
import type { Catalogue, TableShape } from './distribution.ts';

export async function readCatalogue(db: Db): Promise<Catalogue> {
  const cols = await sql<{ t: string; c: string; notnull: boolean }>`
    SELECT c.relname::text AS t, a.attname::text AS c, a.attnotnull AS notnull
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum`.execute(db);
  // Primary keys, unique constraints and unique indexes alike: Citus wants the distribution
  // column in each of them. Expression indexes (no plain columns) count as unique on nothing.
  const keys = await sql<{ t: string; name: string; primary: boolean; columns: string[] }>`
    SELECT c.relname::text AS t, i.relname::text AS name, x.indisprimary AS primary,
      coalesce(array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(att, ord)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.att ORDER BY k.ord), '{}') AS columns
    FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND x.indisunique ORDER BY c.relname, i.relname`.execute(db);
  const fks = await sql<{ t: string; name: string; columns: string[]; ref: string; ref_columns: string[] }>`
    SELECT c.relname::text AS t, f.conname::text AS name, r.relname::text AS ref,
      array(SELECT a.attname::text FROM unnest(f.conkey) WITH ORDINALITY k(att, ord)
        JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.att ORDER BY k.ord) AS columns,
      array(SELECT a.attname::text FROM unnest(f.confkey) WITH ORDINALITY k(att, ord)
        JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.att ORDER BY k.ord) AS ref_columns
    FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class r ON r.oid = f.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND f.contype = 'f' ORDER BY c.relname, f.conname`.execute(db);
  const tables = new Map<string, TableShape>();
  const table = (t: string) => {
    if (!tables.has(t)) tables.set(t, { name: t, columns: [], notNull: [], primaryKey: [], uniques: [], foreignKeys: [] });
    return tables.get(t)!;
  };
  for (const r of cols.rows) {
    table(r.t).columns.push(r.c);
    if (r.notnull) table(r.t).notNull.push(r.c);
  }
  for (const r of keys.rows) {
    if (r.primary) table(r.t).primaryKey = r.columns;
    else table(r.t).uniques.push({ name: r.name, columns: r.columns });
  }
  for (const r of fks.rows) table(r.t).foreignKeys.push({ name: r.name, columns: r.columns, ref: r.ref, refColumns: r.ref_columns });
  return { tables: [...tables.values()] };
}
