import { describe, expect, it } from 'vitest';
import { creditCodeCheck, isValidCreditCode, normaliseCreditCode } from './credit-code.ts';

describe('credit code (GB 32100-2015)', () => {
  it('accepts the worked example from census-facts §8', () => {
    expect(isValidCreditCode('91512081MA62K0260E')).toBe(true);
  });
  it('rejects a wrong check character and names the right one', () => {
    expect(isValidCreditCode('91350100M000100Y4Z')).toBe(false);
    expect(creditCodeCheck('91350100M000100Y4')).toBe('3');
  });
  it('rejects letters outside the character set (I, O, Z, S, V)', () => {
    expect(isValidCreditCode('91512081MA62K0260I')).toBe(false);
    expect(creditCodeCheck('9151208IMA62K0260')).toBeUndefined();
  });
  it('normalises full-width and lower-case input', () => {
    expect(normaliseCreditCode(' ９１５１２０８１ma62k0260e ')).toBe('91512081MA62K0260E');
  });
});
