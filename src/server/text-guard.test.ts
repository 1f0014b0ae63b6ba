import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deeperThan, nulPath } from './text-guard.ts';

describe('nulPath', () => {
  it('names where the NUL is: a value, a nested value, a key', () => {
    expect(nulPath({ name: 'a\u0000b' })).toBe('name');
    expect(nulPath({ items: [{ ok: 'x' }, { label: ['y', '\u0000'] }] })).toBe('items.1.label.1');
    expect(nulPath({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(nulPath('\u0000')).toBe('(value)');
  });

  it('passes what PostgreSQL can store, however deep', () => {
    let deep: unknown = 'leaf \u0001\u202e\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nulPath(deep)).toBeNull();
    expect(nulPath(null)).toBeNull();
    expect(nulPath(undefined)).toBeNull();
    expect(nulPath({ n: 1, b: true, s: '长' })).toBeNull();
  });

  it('finds a NUL wherever a generator hides it, and nothing when there is none', () => {
    fc.assert(fc.property(fc.jsonValue({ stringUnit: fc.constantFrom('a', '\u0000', '长', '\\') }), (v) => {
      // The oracle: every key and string, recursively.
      const texts = (x: unknown): string[] => (typeof x === 'string' ? [x] : x && typeof x === 'object' ? Object.entries(x).flatMap(([k, y]) => [k, ...texts(y)]) : []);
      expect(nulPath(v) !== null).toBe(texts(v).some((s) => s.includes('\u0000')));
    }));
  });
});

describe('deeperThan', () => {
  const nest = (n: number) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };
  it('counts levels of arrays and objects alike, without recursion', () => {
    expect(deeperThan(nest(32), 32)).toBe(false);
    expect(deeperThan(nest(33), 32)).toBe(true);
    expect(deeperThan(nest(200_000), 32)).toBe(true);
    expect(deeperThan('text', 0)).toBe(false);
    expect(deeperThan({ wide: Array.from({ length: 10_000 }, () => ({ x: [1] })) }, 4)).toBe(false);
    expect(deeperThan({ wide: [{ x: [1] }] }, 3)).toBe(true);
  });
});
