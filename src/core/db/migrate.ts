// Numbered plain-SQL migrations, forward only, identical on both databases.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './index.ts';

export const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url).pathname;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Applies what is missing (up to `upTo` when given), each file in its own transaction; returns the names applied. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR, upTo = Infinity): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    if (m.version > upTo) break;
    const done = await db.transaction().execute(async (trx) => {
      // Serialises concurrent migrators on the server (no-op cost on PGlite).
      await sql`SELECT pg_advisory_xact_lock(4242001)`.execute(trx);
      const have = await trx.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst();
      if (have) return false;
      await sql.raw(m.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name }).execute();
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
