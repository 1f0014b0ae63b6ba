// `COPY (query) TO STDOUT` on the PostgreSQL server, as a stream of the bytes PostgreSQL writes.
// Exports of millions of rows use it because the driver's row reading (≈ 12 µs a row in Node,
// docs/benchmarks.md "Submissions export") was their bound: here the server formats every row
// and Node only passes bytes on. The connection is the stream's for as long as it lives, and the
// client socket pauses when nobody reads (pg-copy-streams), so memory stays flat; a reader that
// stops early ends the connection, which cancels the COPY on the server.
// Not for the embedded database: its one connection would be held for the whole download.
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { CompiledQuery, Kysely } from 'kysely';

// Any Kysely over the server (index.ts's Db); typed loosely so this file needs nothing from index.ts.
type Db = Kysely<any>;

const pools = new WeakMap<Db, pg.Pool>();

/** Called by openDatabase for a server database. */
export function registerServerPool(db: Db, pool: pg.Pool): void {
  pools.set(db, pool);
}

/** True when `db` is a PostgreSQL server that COPY can stream from. */
export const canCopyOut = (db: Db): boolean => pools.has(db);

/**
 * The statement with its parameters written in as literals: COPY takes no parameters. Values are
 * numbers (finite), booleans, null or text (quoted by the driver's escapeLiteral); anything else
 * is refused rather than guessed at.
 */
export function inlineParameters(q: CompiledQuery): string {
  return q.sql.replace(/\$(\d+)\b/g, (_, n: string) => {
    const v = q.parameters[Number(n) - 1];
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`COPY parameter $${n} is not a finite number`);
      return String(v);
    }
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'string') return pg.escapeLiteral(v);
    throw new Error(`COPY parameter $${n} of type ${typeof v} cannot be written as a literal`);
  });
}

/**
 * Streams `COPY (query) TO STDOUT WITH (options)`. `options` is trusted SQL (the caller's own
 * constant, e.g. `FORMAT csv`). Yields Buffers as the socket delivers them, several rows each.
 */
export async function* copyOut(db: Db, query: CompiledQuery, options: string): AsyncGenerator<Buffer> {
  const pool = pools.get(db);
  if (!pool) throw new Error('COPY needs a PostgreSQL server database');
  const client = await pool.connect();
  let finished = false;
  try {
    const stream = client.query(copyTo(`COPY (${inlineParameters(query)}) TO STDOUT WITH (${options})`));
    for await (const chunk of stream) yield chunk as Buffer;
    finished = true;
  } finally {
    // Mid-COPY the connection cannot take another statement: end it (the server then stops the COPY).
    client.release(finished ? undefined : new Error('COPY abandoned'));
  }
}
