// What the site rendered, kept in memory until the portal changes (a newer generation from
// ../cache.ts) or PAGE_TTL_MS passes (a change made by another process). Readers asking for a
// page being rendered wait for that one rendering instead of starting their own.
import { PAGE_TTL_MS, portalGeneration } from '../cache.ts';

interface Entry<T> { gen: number; at: number; value: T }

export class RenderCache<T> {
  private map = new Map<string, Entry<T>>();
  private pending = new Map<string, Promise<T>>();

  constructor(private limit = 5_000) {}

  get(key: string, render: () => Promise<T>): T | Promise<T> {
    const gen = portalGeneration();
    const at = Date.now();
    const e = this.map.get(key);
    if (e && e.gen === gen && at - e.at < PAGE_TTL_MS) return e.value;
    const pk = `${gen}|${key}`;
    let p = this.pending.get(pk);
    if (!p) {
      p = render()
        .then((value) => {
          // Rendered under an older generation if a write landed meanwhile: kept, but dropped at the next ask.
          if (this.map.size >= this.limit && !this.map.has(key)) this.map.delete(this.map.keys().next().value!);
          this.map.set(key, { gen, at, value });
          return value;
        })
        .finally(() => this.pending.delete(pk));
      this.pending.set(pk, p);
    }
    return p;
  }

  clear(): void {
    this.map.clear();
  }
}
