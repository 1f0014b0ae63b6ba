import { describe, expect, it } from 'vitest';
import { isValidOrgCode, normaliseOrgCode, orgCodeCheck } from './org-code.ts';

describe('organisation code (GB 11714)', () => {
  it('validates the org code embedded in the census-facts §8 credit code', () => {
    expect(orgCodeCheck('MA62K026')).toBe('0');
    expect(isValidOrgCode('MA62K0260')).toBe(true);
  });
  it('maps a remainder of 10 to X and 11 to 0', () => {
    expect(orgCodeCheck('D2143569')).toBe('X');
    expect(isValidOrgCode('D2143569X')).toBe(true);
    expect(orgCodeCheck('00000000')).toBe('0');
  });
  it('rejects a wrong check character, a wrong length and characters outside 0-9A-Z', () => {
    expect(isValidOrgCode('MA62K0261')).toBe(false);
    expect(isValidOrgCode('MA62K026')).toBe(false);
    expect(isValidOrgCode('MA62K02600')).toBe(false);
    expect(orgCodeCheck('ma62k026')).toBeUndefined();
    expect(orgCodeCheck('MA62K02-')).toBeUndefined();
  });
  it('normalises the printed form with its hyphen and full-width characters', () => {
    expect(normaliseOrgCode(' ｄ２１４３５６９－ｘ ')).toBe('D2143569X');
    expect(normaliseOrgCode('D2143569-X')).toBe('D2143569X');
  });
});
