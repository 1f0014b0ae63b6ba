// A cache for figures that take seconds to compute and may be a little old (the nation's
// inventory progress, the supervision rankings): the answer kept is served while one
// recomputation runs behind it, so no request waits for the recomputation once there is an
// answer at all. Callers show the answer's time (`at`), so its age is never hidden.
//   - younger than `ttlMs`: served as it is;
//   - older, but younger than `maxStaleMs`: served as it is, and one refresh started (never two
//     for one key); when it lands it replaces the answer; when it fails the old answer stays;
//   - older than that, or none: computed now, and every caller of the key shares that one run.
// Per process: on several processes each keeps its own (docs/deploy.md §3).

export interface Cached<T> { value: T; at: number }

interface Entry<T> { value?: T; at: number; running?: Promise<Cached<T>> }

export class StaleCache<T> {
  private entries = new Map<string, Entry<T>>();

  constructor(private opts: { ttlMs: number; maxStaleMs: number; maxKeys?: number; now?: () => number }) {}

  private now() {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  async get(key: string, make: () => Promise<T>, fresh = false): Promise<Cached<T>> {
    const e = this.entries.get(key);
    const age = e && e.value !== undefined ? this.now() - e.at : Infinity;
    if (!fresh && age < this.opts.ttlMs) return { value: e!.value as T, at: e!.at };
    if (!fresh && age < this.opts.maxStaleMs) {
      this.run(key, make).catch(() => {}); // the old answer stays when a refresh fails
      return { value: e!.value as T, at: e!.at };
    }
    return this.run(key, make);
  }

  /** One computation per key at a time; its answer replaces the entry when it lands. */
  private run(key: string, make: () => Promise<T>): Promise<Cached<T>> {
    const e = this.entries.get(key) ?? { at: 0 };
    if (e.running) return e.running;
    const started = this.now();
    const running = make().then(
      (value) => {
        this.entries.set(key, { value, at: started });
        return { value, at: started };
      },
      (err) => {
        const cur = this.entries.get(key);
        if (cur) delete cur.running;
        throw err;
      },
    );
    e.running = running;
    this.entries.delete(key); // re-inserted last: the map's order is the eviction order
    this.entries.set(key, e);
    const max = this.opts.maxKeys ?? 200;
    if (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
    return running;
  }

  clear(): void {
    this.entries.clear();
  }
}
