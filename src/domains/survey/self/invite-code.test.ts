import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, inviteCodeHash, isInviteCode, newInviteCode, normaliseInviteCode } from './invite-code.ts';

describe('invitation codes', () => {
  it('are ten unambiguous characters, shown in two groups', () => {
    for (let i = 0; i < 200; i++) {
      const c = newInviteCode();
      expect(c).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      expect(isInviteCode(normaliseInviteCode(c))).toBe(true);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });
  it('read back whatever the case, width, spaces or hyphens; the hash follows', () => {
    expect(normaliseInviteCode(' abcde-fgh23 ')).toBe('ABCDEFGH23');
    expect(normaliseInviteCode('ＡＢＣＤＥ ＦＧＨ２３')).toBe('ABCDEFGH23');
    expect(inviteCodeHash('abcde fgh23')).toBe(inviteCodeHash('ABCDE-FGH23'));
    expect(inviteCodeHash('ABCDE-FGH23')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isInviteCode('ABCDEFGH2O')).toBe(false);
  });
});
