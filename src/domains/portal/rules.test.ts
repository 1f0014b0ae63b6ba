import { describe, expect, it } from 'vitest';
import { actionsOf, allowed, approvalOutcome, mayApprove, publicPath, validSlug } from './rules.ts';

describe('portal workflow rules', () => {
  it('offers each status its actions', () => {
    expect(actionsOf('draft')).toEqual(['edit', 'submit']);
    expect(actionsOf('review')).toEqual(['approve', 'reject']);
    expect(actionsOf('scheduled')).toEqual(['unpublish']);
    expect(actionsOf('published')).toEqual(['unpublish']);
    expect(actionsOf('unpublished')).toEqual(['edit', 'submit']);
    expect(allowed('edit', 'published')).toBe(false);
  });

  it('keeps four eyes for editors, not for offices', () => {
    expect(mayApprove('editor', 5, 5)).toBe(false);
    expect(mayApprove('editor', 6, 5)).toBe(true);
    expect(mayApprove('national-office', 5, 5)).toBe(true);
    expect(mayApprove('regional-office', 5, 5)).toBe(true);
    expect(mayApprove('reviewer', 6, 5)).toBe(false);
  });

  it('publishes now, schedules the future, refuses the past', () => {
    const now = new Date('2018-04-27T08:00:00Z');
    expect(approvalOutcome(null, now)).toEqual({ status: 'published', at: now });
    expect(approvalOutcome(new Date('2018-04-27T07:59:30Z'), now)).toEqual({ status: 'published', at: now });
    expect(approvalOutcome(new Date('2018-04-28T00:00:00Z'), now)).toEqual({ status: 'scheduled', at: new Date('2018-04-28T00:00:00Z') });
    expect(approvalOutcome(new Date('2018-04-26T00:00:00Z'), now)).toEqual({ error: 'past' });
  });

  it('checks slugs and makes public paths', () => {
    expect(validSlug('census-launch-2018')).toBe(true);
    for (const bad of ['', 'A', 'a--b', '-a', 'a-', 'a b', '../x', 'x/y', 'a'.repeat(81), '普查']) expect(validSlug(bad), bad).toBe(false);
    expect(publicPath('news', 'x', 'zh')).toBe('/news/x');
    expect(publicPath('results', 'x', 'en')).toBe('/en/results/x');
  });
});
