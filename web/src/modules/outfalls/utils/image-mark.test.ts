import { describe, expect, it } from 'vitest';
import { markAt, markStyle } from './image-mark.ts';

const box = { left: 100, top: 50, width: 400, height: 200 };

describe('markAt', () => {
  it('turns a click into fractions of the shown image', () => {
    expect(markAt(box, 300, 100)).toEqual({ imageX: 0.5, imageY: 0.25 });
    expect(markAt(box, 100, 50)).toEqual({ imageX: 0, imageY: 0 });
    expect(markAt(box, 500, 250)).toEqual({ imageX: 1, imageY: 1 });
  });

  it('rounds to four places', () => {
    expect(markAt({ left: 0, top: 0, width: 3, height: 3 }, 1, 2)).toEqual({ imageX: 0.3333, imageY: 0.6667 });
  });

  it('refuses a click outside the image or an empty box', () => {
    expect(markAt(box, 99, 100)).toBeNull();
    expect(markAt(box, 300, 251)).toBeNull();
    expect(markAt({ ...box, width: 0 }, 100, 50)).toBeNull();
  });
});

describe('markStyle', () => {
  it('places a mark in per cent, and none without a place', () => {
    expect(markStyle(0.25, 0.5)).toEqual({ left: '25%', top: '50%' });
    expect(markStyle(null, 0.5)).toBeNull();
    expect(markStyle(0.2, undefined)).toBeNull();
    expect(markStyle(1.5, -1)).toEqual({ left: '100%', top: '0%' });
  });
});
