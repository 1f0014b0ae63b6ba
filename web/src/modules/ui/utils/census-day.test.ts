import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayInChina } from './census-day.ts';

describe('the census day', () => {
  afterEach(() => vi.useRealTimers());

  it('is China\'s day, whatever the browser\'s time zone', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-29T15:59:59Z'));
    expect(todayInChina()).toBe('2026-11-29');
    vi.setSystemTime(new Date('2026-11-29T16:00:00Z')); // midnight in Beijing
    expect(todayInChina()).toBe('2026-11-30');
  });
});
