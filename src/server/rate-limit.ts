// A small fixed-window counter per key (client address), kept in memory: enough
// to slow password guessing at one server; per-account lockout is in the database.
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    let h = this.hits.get(key);
    if (!h || h.resetAt <= now) {
      h = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, h);
      if (this.hits.size > 10_000) this.sweep(now);
    }
    h.count += 1;
    return h.count > this.max ? Math.ceil((h.resetAt - now) / 1000) : 0;
  }

  /** The seconds to wait when the key is already over the limit, without counting a hit. */
  waiting(key: string, now = Date.now()): number {
    const h = this.hits.get(key);
    return h && h.resetAt > now && h.count >= this.max ? Math.ceil((h.resetAt - now) / 1000) : 0;
  }

  private sweep(now: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}
