import { describe, expect, it } from 'vitest';
import { isPinyinTerm, namePinyin } from './name-pinyin.ts';

describe('name pinyin', () => {
  it('reads the core of the name, without region prefix and legal form', () => {
    expect(namePinyin('乐清市华宇电气有限公司', '330382')).toEqual({ pinyin: 'huayudianqi', initials: 'hydq' });
    expect(namePinyin('浙江正泰电器股份有限公司')).toEqual({ pinyin: 'zhengtaidianqi', initials: 'ztdq' });
    expect(namePinyin('乐清宏达五金厂', '330382').initials).toBe('hdwj');
  });
  it('keeps Latin letters and digits of the name', () => {
    expect(namePinyin('乐清市ABC电子有限公司', '330382').pinyin).toBe('abcdianzi');
  });
  it('tells pinyin terms from credit codes and Chinese fragments', () => {
    expect(isPinyinTerm('huayu')).toBe(true);
    expect(isPinyinTerm('HYDQ')).toBe(true);
    expect(isPinyinTerm('91330382MA2AB3C47E')).toBe(false);
    expect(isPinyinTerm('华宇')).toBe(false);
    expect(isPinyinTerm('h')).toBe(false);
  });
});
