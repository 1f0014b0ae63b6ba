// A fixed-window counter per key (client address), kept in the database so every server process
// behind one proxy counts the same attempts: enough to slow password guessing; per-account
// lockout is in the users table. One statement per attempt (a login already costs a scrypt).
import { sql } from 'kysely';
import type { Db } from '../core/db/index.ts';

const SWEEP_EVERY = 500;

export class RateLimiter {
  private calls = 0;
  constructor(
    private readonly db: Db,
    /** Names the limit, so two limits never share a counter. */
    private readonly name: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private key(address: string) {
    return `${this.name}:${address}`.slice(0, 200);
  }

  /** Counts one hit; answers the seconds to wait when over the limit, else 0. */
  async hit(address: string): Promise<number> {
    if (++this.calls % SWEEP_EVERY === 0) await this.db.deleteFrom('rate_limits').where('reset_at', '<=', sql<Date>`now()`).execute();
    const r = await sql<{ hits: number; wait: number }>`
      INSERT INTO rate_limits AS l (key, hits, reset_at)
      VALUES (${this.key(address)}, 1, now() + make_interval(secs => ${this.windowMs / 1000}))
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN l.reset_at <= now() THEN 1 ELSE l.hits + 1 END,
        reset_at = CASE WHEN l.reset_at <= now() THEN EXCLUDED.reset_at ELSE l.reset_at END
      RETURNING hits, ceil(extract(epoch FROM reset_at - now()))::int AS wait`.execute(this.db);
    const h = r.rows[0];
    return h.hits > this.max ? Math.max(1, h.wait) : 0;
  }

  /** The seconds to wait when the address is already at the limit, without counting a hit. */
  async waiting(address: string): Promise<number> {
    const r = await sql<{ wait: number }>`
      SELECT ceil(extract(epoch FROM reset_at - now()))::int AS wait FROM rate_limits
      WHERE key = ${this.key(address)} AND reset_at > now() AND hits >= ${this.max}`.execute(this.db);
    return r.rows[0] ? Math.max(1, r.rows[0].wait) : 0;
  }
}
