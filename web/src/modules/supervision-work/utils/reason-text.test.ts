import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { reasonText } from './reason-text.ts';

// A stand-in for i18next: the key's last part, with the value filled in.
const t = ((key: string, o?: { value?: string }) => (o?.value ? `${key.split('.').pop()}=${o.value}` : key.split('.').pop())) as unknown as TFunction;

describe('a laggard\'s reasons in words', () => {
  it('names the metric and the expected share, and a gap by its name', () => {
    expect(reasonText('survey.submitted 12% (expected 60%)', t)).toBe('submitted 12% expectedValue=60%');
    expect(reasonText('gap:funds', t)).toBe('funds');
    expect(reasonText('something else', t)).toBe('something else');
  });
});
