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
  it('filters on enough bigrams that every name reaching the threshold shares one, core first', () => {
    const { all, filter } = filterBigrams('乐清市华宇电器有限公司');
    expect(all).toHaveLength(10);
    expect(filter.slice(0, 3).sort()).toEqual(['华宇', '宇电', '电器'].sort());
    // Any name reaching the threshold shares at least one of the filter bigrams: a name made of
    // exactly the bigrams left out, plus anything else, stays below it.
    const left = all.filter((g) => !filter.includes(g));
    expect(fuzzyScore(all, left)).toBeLessThan(FUZZY_THRESHOLD);
  });
});
