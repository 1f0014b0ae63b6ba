import { describe, expect, it } from 'vitest';
import { allowed, imageMarkup, insertAt, localToIso, publicPath } from './portal-api.ts';

describe('portal console helpers', () => {
  it('puts an image on a line of its own at the caret, replacing a selection', () => {
    expect(insertAt('ab', 1, 1, 'X')).toEqual({ value: 'a\nX\nb', caret: 4 });
    expect(insertAt('a\n\nb', 2, 2, 'X')).toEqual({ value: 'a\nX\nb', caret: 3 });
    expect(insertAt('', 0, 0, 'X')).toEqual({ value: 'X', caret: 1 });
    expect(insertAt('a sel b', 2, 5, 'X').value).toBe('a \nX\n b');
  });

  it('writes the image as Markdown or HTML with a safe alt text', () => {
    const img = { url: '/media/0123456789abcdef01234567.jpg', name: '现场[1].jpg' };
    expect(imageMarkup('markdown', img)).toBe('![现场1](/media/0123456789abcdef01234567.jpg)');
    expect(imageMarkup('html', { ...img, name: 'a"b.png' })).toBe('<img src="/media/0123456789abcdef01234567.jpg" alt="ab">');
  });

  it('offers the actions of the contract\'s workflow only', () => {
    expect(allowed('edit', 'unpublished')).toBe(true);
    expect(allowed('edit', 'published')).toBe(false);
    expect(allowed('approve', 'review')).toBe(true);
    expect(allowed('unpublish', 'scheduled')).toBe(true);
    expect(allowed('submit', 'review')).toBe(false);
  });

  it('names the public address and reads an empty schedule as none', () => {
    expect(publicPath('news', 'a-b', 'en')).toBe('/en/news/a-b');
    expect(publicPath('notices', 'x', 'zh')).toBe('/notices/x');
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('2030-01-02T03:04')).toBe(new Date('2030-01-02T03:04').toISOString());
  });
});
