// Changes that in-memory caches must hear of in every server process behind one PostgreSQL
// (sessions ended or users changed, the portal's content, the review chain's levels). A cache
// registers what to drop (`onChange`); a writer calls `announce`, which drops it here at once and,
// when this process listens on the server, sends a NOTIFY every process hears (itself too).
// Without a listener (the embedded database, tests' in-process apps) there is one process: the
// local drop is all. While the listener is down notifications may be lost, so `changesHeard()`
// turns false (the session cache then reads the database every time) and every cache is dropped
// again when it is back.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from './index.ts';

export type ChangeTopic = 'sessions' | 'portal' | 'review-levels' | 'supervision-figures';

const CHANNEL = 'pucha_changes';
const handlers = new Map<ChangeTopic, Array<() => void>>();
let listener: Listener | undefined;

/** What to drop when `topic` changes, here or in another process. */
export function onChange(topic: ChangeTopic, drop: () => void): void {
  handlers.set(topic, [...(handlers.get(topic) ?? []), drop]);
}

function dropLocal(topic?: ChangeTopic) {
  for (const [t, fns] of handlers) if (!topic || t === topic) for (const f of fns) f();
}

/** False while this process listens for changes but its connection is down: a cache must not be trusted then. */
export function changesHeard(): boolean {
  return !listener || listener.up;
}

/**
 * `topic` changed. Dropped here now; other processes hear it through PostgreSQL. Given `trx`, the
 * NOTIFY goes in that transaction and is delivered at its commit (so no process re-reads the old
 * row in between). Without it, it is sent after the caller's commit and this answers once the
 * notification came back to this process, so by then the server has passed it to every listener.
 */
export async function announce(topic: ChangeTopic, trx?: Db | Tx): Promise<void> {
  dropLocal(topic);
  const l = listener;
  if (!l) return;
  if (trx) {
    await sql`SELECT pg_notify(${CHANNEL}, ${`${topic}|`})`.execute(trx);
    return;
  }
  await l.send(topic);
}

interface Listener {
  up: boolean;
  send(topic: ChangeTopic): Promise<void>;
}

/** Listens for changes on the PostgreSQL server (one connection of its own, reopened when lost). */
export async function listenForChanges(databaseUrl: string, log: (msg: string) => void = () => {}): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const waiting = new Map<string, () => void>();
  const state: Listener = {
    up: false,
    async send(topic) {
      const c = client;
      if (!state.up || !c) return; // caches are not trusted meanwhile; nothing to wait for
      const nonce = randomBytes(9).toString('base64url');
      const heard = new Promise<void>((resolve) => {
        waiting.set(nonce, resolve);
        // The echo is a courtesy to the caller, not a condition: never hold a request long for it.
        setTimeout(() => waiting.delete(nonce) && resolve(), 2000).unref();
      });
      try {
        await c.query('SELECT pg_notify($1, $2)', [CHANNEL, `${topic}|${nonce}`]);
      } catch {
        waiting.delete(nonce);
        return;
      }
      await heard;
    },
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    const lost = (e?: Error) => {
      if (client !== c) return;
      client = undefined;
      state.up = false;
      dropLocal();
      c.end().catch(() => undefined);
      if (closed) return;
      log(`change listener lost (${e?.message ?? 'ended'}); reconnecting`);
      retry = setTimeout(() => void connect().catch(() => undefined), 1000);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      const [topic, nonce] = n.payload.split('|');
      dropLocal(topic as ChangeTopic);
      const done = nonce && waiting.get(nonce);
      if (done) {
        waiting.delete(nonce);
        done();
      }
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (e) {
      lost(e as Error);
      throw e;
    }
    // Whatever was announced while nobody listened is unknown: start from empty caches.
    dropLocal();
    state.up = true;
  };
  listener = state;
  try {
    await connect();
  } catch (e) {
    closed = true;
    if (retry) clearTimeout(retry);
    listener = undefined;
    throw e;
  }
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (listener === state) listener = undefined;
      state.up = false;
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
