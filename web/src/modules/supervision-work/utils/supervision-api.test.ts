import { describe, expect, it } from 'vitest';
import { addDays, showMetric, strictlyInside } from './supervision-api.ts';

describe('supervision-work utils', () => {
  it('tells which regions lie strictly inside a scope', () => {
    expect(strictlyInside('100000', '500000')).toBe(true);
    expect(strictlyInside('100000', '100000')).toBe(false);
    expect(strictlyInside('500000', '500109')).toBe(true);
    expect(strictlyInside('500000', '500000')).toBe(false);
    expect(strictlyInside('500000', '510100')).toBe(false);
    expect(strictlyInside('330300', '330382')).toBe(true);
    expect(strictlyInside('330300', '330400')).toBe(false);
    expect(strictlyInside('330382', '330382001')).toBe(true);
    expect(strictlyInside('330382', '330381001')).toBe(false);
  });

  it('shows shares as percentages and counts and scores as they are', () => {
    expect(showMetric('survey.submitted', 0.1234)).toBe('12.3%');
    expect(showMetric('directory.signedOff', 1)).toBe('100.0%');
    expect(showMetric('lagScore', 42.25)).toBe('42.3');
    expect(showMetric('directory.sources', 17)).toBe('17');
    expect(showMetric('review.passRate', null)).toBe('—');
  });

  it('adds days across a month end', () => {
    expect(addDays('2018-04-20', 14)).toBe('2018-05-04');
    expect(addDays('2018-03-01', -1)).toBe('2018-02-28');
  });
});
