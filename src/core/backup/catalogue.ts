// What a backup reads from the database's own catalogue, so that a table added by a later
// migration is carried without anyone listing it: the tables, their stored columns, their
// foreign keys and every sequence.
import { sql } from 'kysely';
import type { Db, Tx } from '../db/index.ts';

export interface TableInfo {
  name: string;
  /** Stored columns (generated ones are left out: the database recomputes them). */
  columns: string[];
  /** The primary key's columns, for a stable order. */
  key: string[];
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** Every base table of the schema but the migration ledger, by name. */
export async function tables(db: Db | Tx): Promise<TableInfo[]> {
  const cols = await sql<{ t: string; c: string }>`
    SELECT table_name AS t, column_name AS c FROM information_schema.columns
    WHERE table_schema = 'public' AND is_generated = 'NEVER'
      AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
    ORDER BY table_name, ordinal_position`.execute(db);
  const keys = await sql<{ t: string; c: string }>`
    SELECT tc.table_name AS t, kcu.column_name AS c FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema AND kcu.table_name = tc.table_name
    WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' ORDER BY tc.table_name, kcu.ordinal_position`.execute(db);
  const byName = new Map<string, TableInfo>();
  for (const r of cols.rows) {
    if (r.t === 'schema_migrations') continue;
    if (!byName.has(r.t)) byName.set(r.t, { name: r.t, columns: [], key: [] });
    byName.get(r.t)!.columns.push(r.c);
  }
  for (const r of keys.rows) byName.get(r.t)?.key.push(r.c);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function foreignKeys(db: Db | Tx): Promise<ForeignKey[]> {
  const r = await sql<ForeignKey>`
    SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public' ORDER BY 1, 2`.execute(db);
  return r.rows;
}

/** Every sequence of the schema (identity columns' included) with where it stands. */
export async function sequences(db: Db | Tx): Promise<{ name: string; value: string; called: boolean }[]> {
  const names = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND n.nspname = 'public' ORDER BY 1`.execute(db);
  const out: { name: string; value: string; called: boolean }[] = [];
  for (const { name } of names.rows) {
    const s = await sql<{ v: string; called: boolean }>`SELECT last_value::text AS v, is_called AS called FROM ${sql.table(name)}`.execute(db);
    out.push({ name, value: s.rows[0].v, called: s.rows[0].called });
  }
  return out;
}

export async function appliedMigrations(db: Db | Tx): Promise<number[]> {
  const r = await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(db);
  return r.rows.map((x) => Number(x.version));
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
