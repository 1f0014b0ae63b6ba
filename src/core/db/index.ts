// One typed query layer (Kysely) over both databases: the embedded PGlite and
// the PostgreSQL server. Everything above this file sees only `Database`.
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { DB } from './schema.ts';
import { acquireLock, openPglite, releaseLock } from './pglite.ts';
import { poolClient } from './prepared.ts';
import { registerServer } from './copy-out.ts';

// int8 (counts, ids) as numbers on both drivers: ids stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  db: Db;
  /** The PGlite instance, for bulk COPY; absent on the server. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Tests open copies of a template folder and skip the lock. */
  skipLock?: boolean;
  /** Told when the server ends an idle pooled connection. */
  onIdleError?: (e: Error) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, Client: poolClient() });
    // An idle connection that the server ends (restart, failover, a dropped test
    // database) emits 'error' on the pool; without a listener that kills the process.
    // The pool replaces the connection; queries in flight fail on their own.
    pool.on('error', (e) => opts.onIdleError?.(e));
    // No JIT: Pucha's statements are short, and a few with many rows estimated (a national fuzzy
    // search) spent 490 ms compiling to run in 170 (docs/benchmarks.md). Queued before any query
    // on the new connection; behind a pooler in transaction mode set `jit = off` in postgresql.conf.
    pool.on('connect', (client) => void client.query('SET jit = off').catch(() => {}));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(db);
    registerServer(db, opts.databaseUrl);
    return { kind: 'postgres', db, close: () => db.destroy() };
  }
  if (!opts.skipLock) acquireLock(opts.dataDir);
  try {
    const lite = await openPglite(opts.dataDir);
    // The adapter offers one connection: Kysely's pool then serialises all work,
    // which is what a single-connection embedded database needs.
    const pool = new pg.Pool({ ...(createPgConfig(lite) as unknown as pg.PoolConfig), Client: poolClient() });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'pglite',
      db,
      pglite: lite,
      async close() {
        await db.destroy();
        await lite.close();
        if (!opts.skipLock) releaseLock(opts.dataDir);
      },
    };
  } catch (e) {
    if (!opts.skipLock) releaseLock(opts.dataDir);
    throw e;
  }
}

export { sql };
export type { DB };
