// Properties of the credit-code check over generated codes (fast-check, seeded: a failure prints
// the seed and the shrunk counterexample, and reruns the same way).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheck, isValidCreditCode, normaliseCreditCode } from './credit-code.ts';
import { isValidOrgCode, orgCodeCheck } from './org-code.ts';

const RUNS = { seed: 20180301, numRuns: 500 };
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_BODY_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const oneOf = (chars: string) => fc.constantFrom(...chars.split(''));
const stringOf = (chars: string, n: number) => fc.array(oneOf(chars), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** A code built from valid parts: authority and kind, a six-digit region, an organisation code with its check, the USCC check. */
const validCode = fc.tuple(oneOf('123456789ANY'), oneOf('1239'), stringOf('0123456789', 6), stringOf(USCC_CHARS, 8))
  .map(([authority, kind, region, body]) => {
    const org = body + orgCodeCheck(body)!;
    const first17 = authority + kind + region + org;
    return first17 + creditCodeCheck(first17)!;
  });

describe('credit code properties', () => {
  it('a code built from valid parts validates, and its organisation code and region are read back', () => {
    fc.assert(fc.property(validCode, (code) => {
      expect(isValidCreditCode(code)).toBe(true);
      const c = checkCreditCode(code, code.slice(2, 8));
      expect(c).toMatchObject({ ok: true, problems: [], normalised: code, regionCode: code.slice(2, 8) });
      expect(isValidOrgCode(code.slice(8, 17))).toBe(true);
    }), RUNS);
  });

  it('changing any one character to another allowed one makes the code invalid', () => {
    const edit = fc.tuple(validCode, fc.nat(17), fc.nat(USCC_CHARS.length - 2));
    fc.assert(fc.property(edit, ([code, at, k]) => {
      const others = USCC_CHARS.replace(code[at], '');
      const changed = code.slice(0, at) + others[k] + code.slice(at + 1);
      expect(isValidCreditCode(changed), `${code} → ${changed}`).toBe(false);
      expect(checkCreditCode(changed).ok, `${code} → ${changed}`).toBe(false);
    }), RUNS);
  });

  it('full-width, lower-case and spaced forms of a valid code normalise to it', () => {
    fc.assert(fc.property(validCode, fc.boolean(), fc.nat(17), (code, fullWidth, at) => {
      let messy = code.toLowerCase();
      if (fullWidth) messy = [...messy].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
      messy = ` ${messy.slice(0, at)} ${messy.slice(at)}\t`;
      expect(normaliseCreditCode(messy)).toBe(code);
      expect(checkCreditCode(messy).ok).toBe(true);
    }), RUNS);
  });

  it('arbitrary strings never throw, and what is declared ok is a valid code', () => {
    const anything = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), stringOf(USCC_CHARS + 'abcIOSVZ ', 18));
    fc.assert(fc.property(anything, fc.option(fc.string({ maxLength: 9 })), (s, region) => {
      const c = checkCreditCode(s, region ?? undefined);
      expect(c.ok).toBe(isValidCreditCode(c.normalised) && orgCodeCheck(c.normalised.slice(8, 16)) === c.normalised[16]);
      expect(typeof isValidCreditCode(s)).toBe('boolean');
      expect(normaliseCreditCode(normaliseCreditCode(s))).toBe(normaliseCreditCode(s));
    }), RUNS);
  });
});
