import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheck, isValidCreditCode, normaliseCreditCode } from './credit-code.ts';

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

describe('checkCreditCode', () => {
  it('accepts valid codes and returns the registering region', () => {
    const r = checkCreditCode('91512081MA62K0260E', '512081');
    expect(r).toMatchObject({ normalised: '91512081MA62K0260E', ok: true, problems: [], regionCode: '512081' });
    expect(checkCreditCode('91330382MA2AB3C47E').ok).toBe(true);
    expect(checkCreditCode('92330382L12345674B').ok).toBe(true);
  });
  it('accepts full-width, lower-case and spaced input', () => {
    expect(checkCreditCode(' ９１５１２０８１ma62k0260e ').ok).toBe(true);
    expect(checkCreditCode('9151 2081 MA62 K026 0E').normalised).toBe('91512081MA62K0260E');
  });
  it('EMPTY for blank input', () => {
    expect(checkCreditCode('')).toEqual({ normalised: '', ok: false, problems: ['EMPTY'] });
    expect(checkCreditCode('  　 ').problems).toEqual(['EMPTY']);
  });
  it('LENGTH for too short or too long codes', () => {
    expect(checkCreditCode('91512081MA62K0260').problems).toEqual(['LENGTH']);
    expect(checkCreditCode('91512081MA62K0260EE').problems).toEqual(['LENGTH']);
  });
  it('CHARSET for letters the standard does not use (I, O, Z, S, V) or punctuation', () => {
    expect(checkCreditCode('91512081MA62K026OE').problems).toEqual(['CHARSET']);
    expect(checkCreditCode('91512081MA62K0260-')).toMatchObject({ problems: ['CHARSET', 'CHECK_CHARACTER'], expectedCheck: 'E' });
    expect(checkCreditCode('9151208IMA62K026').problems).toEqual(['LENGTH', 'CHARSET']);
    expect(checkCreditCode('9151208IMA62K0260E').problems).toEqual(['CHARSET']);
  });
  it('CHECK_CHARACTER names the expected character', () => {
    // Z is outside the character set and also the wrong check character (census-facts §8)
    const r = checkCreditCode('91350100M000100Y4Z');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(['CHARSET', 'CHECK_CHARACTER']);
    expect(r.expectedCheck).toBe('3');
    expect(checkCreditCode('91512081MA62K0260F')).toMatchObject({ problems: ['CHECK_CHARACTER'], expectedCheck: 'E' });
  });
  it('ORG_CODE_CHECK when the outer check holds but characters 9–17 are not a valid org code', () => {
    // 91330382MA2AB3C4 + '1' (org check should be 7), outer check recomputed to U
    const r = checkCreditCode('91330382MA2AB3C41U');
    expect(r.problems).toEqual(['ORG_CODE_CHECK']);
    expect(r.ok).toBe(false);
  });
  it('REGION_MISMATCH only across provinces, and it leaves the code valid', () => {
    // registered by the Wenzhou city bureau, operating in county-level Yueqing: normal
    expect(checkCreditCode('91330300145827367R', '330382').problems).toEqual([]);
    expect(checkCreditCode('91330382MA2AB3C47E', '330300').problems).toEqual([]);
    expect(checkCreditCode('91330382MA2AB3C47E', '330382001').problems).toEqual([]);
    const r = checkCreditCode('91512081MA62K0260E', '330382');
    expect(r).toMatchObject({ ok: true, problems: ['REGION_MISMATCH'], regionCode: '512081' });
  });
  it('reports several problems at once', () => {
    const r = checkCreditCode('91350100M000100Y4Z', '330382');
    expect(r.problems).toEqual(expect.arrayContaining(['CHECK_CHARACTER', 'REGION_MISMATCH']));
    expect(r.ok).toBe(false);
  });
});
