import { describe, expect, it } from 'vitest';
import { pct } from './pct.ts';

describe('pct', () => {
  it('keeps a per cent to one decimal, numeric strings too', () => {
    expect(pct(50)).toBe(50);
    expect(pct(12.345)).toBe(12.3);
    expect(pct('37.5')).toBe(37.5);
    expect(pct(1)).toBe(1);
  });
  it('is 0 for nothing, and never above 100', () => {
    expect(pct(null)).toBe(0);
    expect(pct(NaN)).toBe(0);
    expect(pct(-1)).toBe(0);
    expect(pct(250)).toBe(100);
  });
});
