import { describe, expect, it } from 'vitest';
import { FUZZY_THRESHOLD, filterBigrams, fuzzyScore, nameBigrams } from './fuzzy-name.ts';

const score = (q: string, name: string) => fuzzyScore(nameBigrams(q), nameBigrams(name));
const TARGET = '乐清市华宇电气有限公司';

describe('fuzzy name score', () => {
  it('finds a typo, a swap, a missing character and a fragment with a typo', () => {
    for (const q of ['乐清市华宇电器有限公司', '乐清市宇华电气有限公司', '乐清市华电气有限公司', '华宇电器']) {
      expect(score(q, TARGET), q).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    }
  });
  it('does not take a firm of the same county and legal form for it', () => {
    expect(score('乐清市华宇电器有限公司', '乐清市正泰仪表有限公司')).toBeLessThan(FUZZY_THRESHOLD);
    expect(score('华宇电器', '乐清市新光塑料厂')).toBe(0);
  });
  it('makes bigrams by code point, as PostgreSQL does', () => {
    expect(nameBigrams('𠀀华宇')).toEqual(['𠀀华', '华宇']);
    expect(nameBigrams('华')).toEqual([]);
  });
  it('filters on the bigrams of the core and those touching it, never on the region prefix or legal form alone', () => {
    const { all, filter } = filterBigrams('乐清市华宇电器有限公司');
    expect(all).toHaveLength(10);
    expect(filter.slice(0, 3).sort()).toEqual(['华宇', '宇电', '电器'].sort());
    expect(filter.sort()).toEqual(['华宇', '宇电', '电器', '市华', '器有'].sort());
    // What is left out is what a firm next door shares, and it stays below the threshold.
    const nextDoor = nameBigrams('乐清市正泰仪表有限公司');
    expect(nextDoor.some((g) => filter.includes(g))).toBe(false);
    expect(fuzzyScore(all, nextDoor)).toBeLessThan(FUZZY_THRESHOLD);
    // A short query takes only as many as it needs to lose nothing.
    // (three bigrams, two needed to reach 0.6: any two of them lose nothing)
    expect(filterBigrams('华宇电器').filter).toHaveLength(2);
    expect(filterBigrams('有限公司').filter.length).toBeGreaterThan(0);
  });
});
