import { describe, expect, it } from 'vitest';
import { progressLine } from './progress.ts';

describe('progressLine', () => {
  it('draws the share done', () => {
    expect(progressLine(15, 30, 'hashing')).toBe(`[${'#'.repeat(15)}${'-'.repeat(15)}]  50% 15/30 hashing`);
  });
  it('never overflows past 100%', () => {
    expect(progressLine(40, 30)).toContain('100% 40/30');
  });
  it('shows a bare count when the total is unknown', () => {
    expect(progressLine(7, null, 'rows')).toBe('7 rows');
  });
});
