import { describe, expect, it } from 'vitest';
import { asPercent, detailIn } from './radioactive-api.ts';

describe('QA details and shares', () => {
  it('show the QA detail in the UI language, keeping the labels it names', () => {
    expect(detailIn('尚未初测 / not measured yet', 'zh')).toBe('尚未初测');
    expect(detailIn('尚未初测 / not measured yet', 'en')).toBe('not measured yet');
    expect(detailIn('点位无坐标 / points without a position: A1, W2', 'zh')).toBe('点位无坐标：A1, W2');
    expect(detailIn('点位无坐标 / points without a position: A1, W2', 'en')).toBe('points without a position: A1, W2');
    expect(detailIn('plain', 'en')).toBe('plain');
  });

  it('take measuredPct as a percentage, bounded for the bar', () => {
    expect(asPercent(66.7)).toBe(66.7);
    expect(asPercent(1)).toBe(1);
    expect(asPercent(null)).toBe(0);
    expect(asPercent(120)).toBe(100);
    expect(asPercent(Number.NaN)).toBe(0);
  });
});
