// The stale-while-refreshing cache: fresh answers served, stale ones served while one refresh
// runs, too-old ones computed while the callers wait (once for all), failures keep the old answer.
import { describe, expect, it } from 'vitest';
import { StaleCache } from './stale-cache.ts';

function setup() {
  let clock = 1_000_000;
  const cache = new StaleCache<number>({ ttlMs: 60_000, maxStaleMs: 600_000, now: () => clock });
  let runs = 0;
  let release: (v: number) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const make = () => {
    runs++;
    return new Promise<number>((res, rej) => {
      release = res;
      fail = rej;
    });
  };
  return { cache, make, runs: () => runs, release: (v: number) => release(v), fail: (e: Error) => fail(e), tick: (ms: number) => (clock += ms), clock: () => clock };
}

describe('StaleCache', () => {
  it('computes once for every caller who finds nothing, and serves the answer while it is fresh', async () => {
    const s = setup();
    const a = s.cache.get('k', s.make);
    const b = s.cache.get('k', s.make);
    expect(s.runs()).toBe(1);
    s.release(7);
    expect((await a).value).toBe(7);
    expect((await b).value).toBe(7);
    s.tick(59_000);
    expect(await s.cache.get('k', s.make)).toEqual({ value: 7, at: 1_000_000 });
    expect(s.runs()).toBe(1);
  });

  it('serves a stale answer at once and refreshes it behind, one refresh at a time', async () => {
    const s = setup();
    const first = s.cache.get('k', s.make);
    s.release(1);
    await first;
    s.tick(61_000);
    expect((await s.cache.get('k', s.make)).value).toBe(1); // not waiting on the refresh
    expect((await s.cache.get('k', s.make)).value).toBe(1);
    expect(s.runs()).toBe(2);
    s.release(2);
    await new Promise((r) => setImmediate(r));
    expect(await s.cache.get('k', s.make)).toEqual({ value: 2, at: 1_061_000 });
    expect(s.runs()).toBe(2);
  });

  it('keeps the old answer when a refresh fails, and tries again on the next request', async () => {
    const s = setup();
    const first = s.cache.get('k', s.make);
    s.release(1);
    await first;
    s.tick(120_000);
    expect((await s.cache.get('k', s.make)).value).toBe(1);
    s.fail(new Error('database away'));
    await new Promise((r) => setImmediate(r));
    expect((await s.cache.get('k', s.make)).value).toBe(1);
    expect(s.runs()).toBe(3);
  });

  it('computes while the caller waits when the answer is too old, or when asked fresh', async () => {
    const s = setup();
    const first = s.cache.get('k', s.make);
    s.release(1);
    await first;
    s.tick(600_001);
    const late = s.cache.get('k', s.make);
    s.release(5);
    expect((await late).value).toBe(5);
    const forced = s.cache.get('k', s.make, true);
    s.release(6);
    expect((await forced).value).toBe(6);
    expect(s.runs()).toBe(3);
  });

  it('passes a first computation\'s failure to its callers and keeps nothing', async () => {
    const s = setup();
    const a = s.cache.get('k', s.make);
    s.fail(new Error('bad'));
    await expect(a).rejects.toThrow('bad');
    const b = s.cache.get('k', s.make);
    s.release(3);
    expect((await b).value).toBe(3);
  });
});
