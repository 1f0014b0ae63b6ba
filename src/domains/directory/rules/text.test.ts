import { describe, expect, it } from 'vitest';
import { normalisePhone, normaliseText, toSimplified, toTraditionalHk } from './text.ts';

describe('normaliseText', () => {
  it('folds full-width ASCII and every kind of space', () => {
    expect(normaliseText('ＡＢＣ　１２３（乐清）')).toBe('ABC 123(乐清)');
    expect(normaliseText('  a\t\n b \u00a0 c  ')).toBe('a b c');
  });
  it('removes zero-width characters and leaves CJK alone', () => {
    expect(normaliseText('华\u200b宇\ufeff电气')).toBe('华宇电气');
    expect(normaliseText('㈱华宇')).toBe('㈱华宇');
  });
  it('returns an empty string for empty input', () => {
    expect(normaliseText(null)).toBe('');
    expect(normaliseText(' \u3000 ')).toBe('');
  });
});

describe('toSimplified', () => {
  it('converts Hong Kong and Taiwan traditional forms to mainland simplified', () => {
    expect(toSimplified('樂清市華宇電氣有限責任公司')).toBe('乐清市华宇电气有限责任公司');
    expect(toSimplified('臺灣 衞生 綫路 裡')).toBe('台湾 卫生 线路 里');
  });
  it('leaves simplified text and ASCII as they are', () => {
    expect(toSimplified('乐清市华宇电气有限公司')).toBe('乐清市华宇电气有限公司');
    expect(toSimplified('ABC-123')).toBe('ABC-123');
  });
  it('round-trips with the traditional converter used by the synthetic registers', () => {
    expect(toTraditionalHk('乐清市华宇电气')).toBe('樂清市華宇電氣');
    expect(toSimplified(toTraditionalHk('温州市华宇电气有限责任公司'))).toBe('温州市华宇电气有限责任公司');
  });
});

describe('normalisePhone', () => {
  it('keeps mobiles as 11 digits whatever the format', () => {
    for (const s of ['13812345678', '138-1234-5678', '138 1234 5678', '+86 138 1234 5678', '+86-13812345678', '0086 13812345678', '8613812345678', '013812345678', '１３８１２３４５６７８']) {
      expect(normalisePhone(s), s).toBe('13812345678');
    }
  });
  it('keeps landlines with their area code', () => {
    expect(normalisePhone('0577-61234567')).toBe('057761234567');
    expect(normalisePhone('(0577)61234567')).toBe('057761234567');
    expect(normalisePhone('（０５７７）６１２３ ４５６７')).toBe('057761234567');
    expect(normalisePhone('010-12345678')).toBe('01012345678');
  });
  it('restores the trunk 0 of an area code written internationally', () => {
    expect(normalisePhone('+86 577 6123 4567')).toBe('057761234567');
    expect(normalisePhone('+86 10 1234 5678')).toBe('01012345678');
  });
  it('drops extensions and takes the first of several numbers', () => {
    expect(normalisePhone('0577-61234567转801')).toBe('057761234567');
    expect(normalisePhone('0577-61234567-801')).toBe('057761234567');
    expect(normalisePhone('13812345678/0577-61234567')).toBe('13812345678');
    expect(normalisePhone('无；13812345678')).toBe('13812345678');
  });
  it('keeps local numbers and service numbers', () => {
    expect(normalisePhone('6123 4567')).toBe('61234567');
    expect(normalisePhone('400-123-4567')).toBe('4001234567');
  });
  it('returns null when nothing usable is left', () => {
    for (const s of [null, '', '无', '-', '12345', '0000000', '1234567890123', '+86 12']) expect(normalisePhone(s), String(s)).toBeNull();
  });
});
