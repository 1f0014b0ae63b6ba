import { describe, expect, it } from 'vitest';
import { colourOf, NO_DATA, piecesOf } from './metrics.ts';

describe('the dashboard\'s colour pieces', () => {
  it('cut shares at fifths, the upper bound of a piece excluded but for the last; nothing at all apart', () => {
    const p = piecesOf('progress', []);
    expect(colourOf(p, 0)).toBe('#820014');
    expect(colourOf(p, 0.026)).toBe('#cf1322');
    expect(colourOf(p, 0.1999)).toBe('#cf1322');
    expect(colourOf(p, 0.2)).toBe('#fa8c16');
    expect(colourOf(p, 0.8)).toBe('#389e0d');
    expect(colourOf(p, 1)).toBe('#389e0d');
    expect(colourOf(p, null)).toBe(NO_DATA);
  });

  it('run the lag score and the gaps the other way (more is worse)', () => {
    expect(colourOf(piecesOf('lagScore', []), 0)).toBe('#389e0d');
    expect(colourOf(piecesOf('lagScore', []), 30)).toBe('#fa8c16');
    expect(colourOf(piecesOf('lagScore', []), 100)).toBe('#cf1322');
    expect(colourOf(piecesOf('readiness.gaps', []), 0)).toBe('#389e0d');
    expect(colourOf(piecesOf('readiness.gaps', []), 2)).toBe('#fadb14');
    expect(colourOf(piecesOf('readiness.gaps', []), 9)).toBe('#cf1322');
  });

  it('bin emissions in fifths of the largest, which takes the darkest', () => {
    const p = piecesOf('emissions.SO2', [0, 3, 10]);
    expect(colourOf(p, 10)).toBe('#002c8c');
    expect(colourOf(p, 0)).toBe('#e6f4ff');
    expect(colourOf(p, 3)).toBe('#91caff');
  });
});
