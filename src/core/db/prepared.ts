// Named prepared statements for the PostgreSQL server, chosen automatically. Kysely sends every
// query as an unnamed statement, so the server parses and plans it again each time; for the
// survey's save path that planning cost more than the execution (0.57 ms to plan the save
// context against 0.08 ms to run it; see docs/benchmarks.md, ingest). A statement text seen a
// few times becomes a named statement on each connection that runs it, so later runs skip
// parse and, once PostgreSQL settles on a generic plan, planning too.
//
// Safe because Kysely runs one query at a time on a connection (nothing is queued behind a
// statement being dropped). A statement whose result columns changed under it (a migration
// added a column to a table read by `select *`) is dropped and run again unnamed, outside a
// transaction; inside one the error stands, as it would for any other client.
// PUCHA_PG_PREPARE=0 turns it off (a pooler in transaction mode that cannot keep them).
import { createHash } from 'node:crypto';
import pg from 'pg';

/** Named statements kept on one connection; the least recently used is dropped beyond this. */
export const MAX_PER_CONNECTION = 250;
/** A text is prepared from its third run in this process (one-off statements stay unnamed). */
const RUNS_BEFORE_PREPARE = 2;
/** Texts longer than this, or with more parameters, are bulk statements that rarely repeat. */
const MAX_TEXT = 16_000;
const MAX_PARAMS = 200;

const seen = new Map<string, number>();
const nameOf = new Map<string, string>();

function statementName(text: string): string | undefined {
  const known = nameOf.get(text);
  if (known) return known;
  const runs = (seen.get(text) ?? 0) + 1;
  if (runs <= RUNS_BEFORE_PREPARE) {
    if (seen.size > 5_000) seen.clear(); // texts that never repeat must not pile up
    seen.set(text, runs);
    return undefined;
  }
  seen.delete(text);
  const name = `pucha_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  if (nameOf.size < 20_000) nameOf.set(text, name);
  return name;
}

type Callback = (err: Error | null, res?: unknown) => void;
interface Internals {
  connection: { parsedStatements: Record<string, string> };
}

// Only single plannable statements can be named; a migration's script or a cursor's FETCH cannot.
const PLANNABLE = /^\s*(select|insert|update|delete|with)\b/i;
const MULTI = /;\s*\S/;
const TX_START = /^\s*(begin|start transaction)\b/i;
const TX_END = /^\s*(commit|rollback|end)\b/i;

export class PreparingClient extends pg.Client {
  /** Names prepared on this connection, least recently used first. */
  #lru = new Map<string, true>();
  /** Dropped names whose DEALLOCATE waits for the end of the transaction (it may be aborted). */
  #stale = new Set<string>();
  #inTx = false;
  /** Queries sent through this override and not yet answered. */
  #inFlight = 0;

  // pg's query has many overloads; Kysely calls query(text, values) and expects a promise.
  override query(...args: unknown[]): never {
    const [text, values, cb] = args as [unknown, unknown, unknown];
    if (typeof text !== 'string' || !Array.isArray(values) || typeof cb === 'function') {
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    if (TX_START.test(text)) this.#inTx = true;
    else if (TX_END.test(text)) this.#inTx = false;
    else if (!this.#inTx && this.#stale.size) this.#deallocate();
    const name = text.length <= MAX_TEXT && values.length <= MAX_PARAMS && PLANNABLE.test(text) && !MULTI.test(text) ? statementName(text) : undefined;
    const run = (super.query as (c: unknown) => Promise<unknown>).bind(this);
    const named = !!name && this.#keep(name);
    const inTx = this.#inTx;
    this.#inFlight++;
    const answer = named
      ? run({ name, text, values }).catch((e: Error & { code?: string }) => {
          // 0A000 "cached plan must not change result type"; 26000 "prepared statement does not exist".
          if (e.code !== '0A000' && e.code !== '26000') throw e;
          this.#drop(name);
          if (inTx) throw e;
          return run({ text, values });
        })
      : run({ text, values });
    return answer.finally(() => this.#inFlight--) as never;
  }

  /** Marks `name` used; makes room by dropping the least recently used. False: run it unnamed. */
  #keep(name: string): boolean {
    if (this.#stale.has(name)) return false;
    if (this.#lru.delete(name)) {
      this.#lru.set(name, true);
      return true;
    }
    if (this.#lru.size >= MAX_PER_CONNECTION) {
      if (this.#inFlight > 0) return false; // a queued statement may use the name being dropped
      this.#drop(this.#lru.keys().next().value as string);
    }
    this.#lru.set(name, true);
    return true;
  }

  #drop(name: string) {
    this.#lru.delete(name);
    const c = (this as unknown as Internals).connection;
    delete c.parsedStatements[name];
    this.#stale.add(name);
    if (!this.#inTx) this.#deallocate();
  }

  /** Queued ahead of the caller's query; an error (already gone) is of no interest. */
  #deallocate() {
    for (const name of this.#stale) (super.query as (t: string, cb: Callback) => void)(`DEALLOCATE ${name}`, () => {});
    this.#stale.clear();
  }
}

/** The pg.Pool `Client` to use: named statements unless PUCHA_PG_PREPARE=0. */
export function poolClient(): typeof pg.Client {
  return process.env.PUCHA_PG_PREPARE === '0' ? pg.Client : (PreparingClient as unknown as typeof pg.Client);
}
