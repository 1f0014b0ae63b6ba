// Properties of the directory's normalisers over generated text (fast-check, seeded): each is
// idempotent, none throws on any string (lone surrogates, controls, very long), and full-width
// and half-width forms of the same ASCII text come out equal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAddress } from './address.ts';
import { nameKey, normaliseCompanyName, parseCompanyName } from './names.ts';
import { normalisePhone, normaliseText, toSimplified, toTraditionalHk } from './text.ts';

const RUNS = { seed: 20180302, numRuns: 300 };

// Chinese text as registers write it: region names, trade names, legal forms, house numbers, brackets.
const PIECES = ['浙江省', '温州市', '乐清市', '柳市镇', '北京市', '華宇', '华宇', '電氣', '电气', '有限公司', '股份有限公司', '分公司', '（', '）', '【', '】',
  '长虹路', '八号', '第十二号', '3#楼', '二〇八', '弄', '幢', '室', '厂', '養殖場', '乾燥', '號', ' ', '\u3000', '\u200b', '·', '-', 'A', 'b', '1'];
const registerText = fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((a) => a.join(''));
// Any UTF-16 units (lone surrogates and controls included), any code points, very long text.
const anyText = fc.oneof(
  registerText,
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff', '\u2028', '\ufeff', '\uff01', '\uff5e', '\u3000'), maxLength: 30 }),
  fc.tuple(registerText, fc.integer({ min: 1000, max: 20_000 })).map(([s, n]) => (s || '长').repeat(Math.ceil(n / Math.max(1, s.length)))),
);
const ascii = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const fullWidth = (s: string) => s.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

const NORMALISERS: Record<string, (s: string) => string> = {
  text: normaliseText,
  simplified: toSimplified,
  name: normaliseCompanyName,
  address: (s) => normaliseAddress(s),
};

describe('normaliser properties', () => {
  for (const [name, f] of Object.entries(NORMALISERS)) {
    it(`${name}: idempotent and never throws`, () => {
      fc.assert(fc.property(anyText, (s) => {
        const once = f(s);
        expect(typeof once).toBe('string');
        expect(f(once), JSON.stringify(s.slice(0, 80))).toBe(once);
      }), RUNS);
    });
  }

  it('the rest never throw on any string', () => {
    fc.assert(fc.property(anyText, (s) => {
      parseCompanyName(s);
      nameKey(s);
      toTraditionalHk(s);
      const p = normalisePhone(s);
      expect(p === null || /^\d+$/.test(p)).toBe(true);
    }), RUNS);
  });

  it('full-width and half-width forms of the same ASCII text normalise equal', () => {
    fc.assert(fc.property(ascii, registerText, (a, zh) => {
      const half = `${zh}${a}`;
      const full = `${zh}${fullWidth(a)}`;
      expect(normaliseText(full)).toBe(normaliseText(half));
      expect(normaliseCompanyName(full)).toBe(normaliseCompanyName(half));
      expect(normaliseAddress(full)).toBe(normaliseAddress(half));
      expect(normalisePhone(fullWidth(a))).toBe(normalisePhone(a));
    }), RUNS);
  });

  it('traditional and simplified forms of a name normalise equal', () => {
    fc.assert(fc.property(registerText, (s) => {
      expect(normaliseCompanyName(toTraditionalHk(s))).toBe(normaliseCompanyName(s));
    }), RUNS);
  });
});
