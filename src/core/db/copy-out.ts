// `COPY (query) TO STDOUT` on the PostgreSQL server, as a stream of the bytes PostgreSQL writes.
// Exports of millions of rows use it because the driver's row reading (≈ 12 µs a row in Node,
// docs/benchmarks.md "Submissions export") was their bound: here the server formats every row
// and Node only passes bytes on. Each COPY has a connection of its own, outside the pool, for as
// long as the download lives (a slow client must not hold one of the pool's few connections that
// every request shares); its socket pauses when nobody reads (pg-copy-streams), so memory stays
// flat; a reader that stops early ends the connection, which cancels the COPY on the server.
// Not for the embedded database: its one connection would be held for the whole download.
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { sql, type CompiledQuery, type Kysely } from 'kysely';

// Any Kysely over the server (index.ts's Db); typed loosely so this file needs nothing from index.ts.
type Db = Kysely<any>;

const servers = new WeakMap<Db, string>();

/** Called by openDatabase for a server database, with the URL it connects to. */
export function registerServer(db: Db, connectionString: string): void {
  servers.set(db, connectionString);
}

/** True when `db` is a PostgreSQL server that COPY can stream from. */
export const canCopyOut = (db: Db): boolean => servers.has(db);

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
 * A snapshot that several COPYs share, each on its own connection (`CopyOptions.snapshot`), so
 * they and the queries asked meanwhile (`rows`: where each part of an export ends) see the same
 * rows: a read-only repeatable-read transaction on a connection of its own, open until `close`.
 */
export interface Snapshot {
  id: string;
  rows<T>(query: CompiledQuery): Promise<T[]>;
  close(): Promise<void>;
}

export async function openSnapshot(db: Db): Promise<Snapshot> {
  const client = await connect(db);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const id = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0].id;
    return {
      id,
      rows: async <T>(q: CompiledQuery) => (await client.query(q.sql, q.parameters as unknown[])).rows as T[],
      close: () => client.end().catch(() => {}),
    };
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
}

async function connect(db: Db): Promise<pg.Client> {
  const connectionString = servers.get(db);
  if (!connectionString) throw new Error('COPY needs a PostgreSQL server database');
  const client = new pg.Client({ connectionString });
  client.on('error', () => {}); // a server gone mid-COPY fails the stream below; nothing else listens
  await client.connect();
  return client;
}

export interface CopyOptions {
  /** Stops the COPY: the server is told at once (a statement still sorting would run on until its first write found the client gone). */
  signal?: AbortSignal;
  /** Planner settings for this connection alone (it ends with the COPY); names and values are the caller's own. */
  settings?: Record<string, string>;
  /** An exported snapshot (`openSnapshot`) to read in, still open. */
  snapshot?: string;
}

/**
 * Streams `COPY (query) TO STDOUT WITH (options)`. `options` is trusted SQL (the caller's own
 * constant, e.g. `FORMAT csv`). Yields Buffers as the socket delivers them, several rows each.
 */
export async function* copyOut(db: Db, query: CompiledQuery, options: string, o: CopyOptions = {}): AsyncGenerator<Buffer> {
  const { signal, settings = {}, snapshot } = o;
  if (signal?.aborted) return;
  const text = `COPY (${inlineParameters(query)}) TO STDOUT WITH (${options})`;
  const client = await connect(db);
  let finished = false;
  const pid = (client as unknown as { processID?: number }).processID;
  const cancel = () => {
    if (!finished && pid) void sql`SELECT pg_cancel_backend(${pid})`.execute(db).catch(() => {});
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    if (signal?.aborted) return; // aborted while connecting: the listener came too late to hear it
    for (const [name, value] of Object.entries(settings)) {
      if (!/^[a-z_]+$/.test(name)) throw new Error(`bad setting name ${name}`);
      await client.query(`SET ${name} = ${pg.escapeLiteral(value)}`);
    }
    if (snapshot) {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`SET TRANSACTION SNAPSHOT ${pg.escapeLiteral(snapshot)}`);
    }
    const stream = client.query(copyTo(text));
    stream.on('error', () => {}); // the loop below sees errors; this one takes those of a COPY ended early
    for await (const chunk of stream) yield chunk as Buffer;
    finished = true;
  } finally {
    signal?.removeEventListener('abort', cancel);
    cancel(); // abandoned mid-COPY (nothing when finished)
    await client.end().catch(() => {});
  }
}
