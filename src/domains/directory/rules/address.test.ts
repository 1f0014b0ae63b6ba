import { describe, expect, it } from 'vitest';
import { addressSimilarity, chineseNumeral, houseNumber, normaliseAddress } from './address.ts';
import { regionNamesFor } from './region-names.ts';

describe('normaliseAddress', () => {
  it('strips province, prefecture and county prefixes', () => {
    expect(normaliseAddress('浙江省温州市乐清市柳市镇长虹路8号')).toBe('柳市镇长虹路8号');
    expect(normaliseAddress('温州市乐清市柳市镇长虹路8号')).toBe('柳市镇长虹路8号');
    expect(normaliseAddress('浙江温州乐清市柳市镇长虹路8号')).toBe('柳市镇长虹路8号');
  });
  it('strips a county short form when the county is known', () => {
    expect(normaliseAddress('乐清柳市镇长虹路8号')).toBe('乐清柳市镇长虹路8号');
    expect(normaliseAddress('乐清柳市镇长虹路8号', regionNamesFor('330382'))).toBe('柳市镇长虹路8号');
  });
  it('simplifies, folds width and drops punctuation', () => {
    expect(normaliseAddress('樂清市柳市鎮長虹路８號，（華宇大廈）')).toBe('柳市镇长虹路8号华宇大厦');
  });
  it('writes Chinese house numbers as digits and unifies building words', () => {
    expect(normaliseAddress('柳市镇长虹路八号')).toBe('柳市镇长虹路8号');
    expect(normaliseAddress('柳市镇长虹路一百零五号')).toBe('柳市镇长虹路105号');
    expect(normaliseAddress('长虹路8号三栋201室')).toBe('长虹路8号3幢201室');
    expect(normaliseAddress('长虹路8号3号楼')).toBe('长虹路8号3幢');
    expect(normaliseAddress('长虹路8号第3幢')).toBe('长虹路8号3幢');
    expect(normaliseAddress('工业区纬一路')).toBe('工业区纬一路'); // a road name, not a number
  });
});

describe('chineseNumeral', () => {
  it('reads simple numerals', () => {
    expect(['八', '十', '十二', '二十', '二十五', '一百零五', '两千', '二〇八'].map(chineseNumeral)).toEqual([8, 10, 12, 20, 25, 105, 2000, 208]);
    expect(chineseNumeral('八路')).toBeNaN();
  });
});

describe('addressSimilarity', () => {
  it('is 1 for variants of one address', () => {
    expect(addressSimilarity('浙江省温州市乐清市柳市镇长虹路八号', '乐清市柳市镇长虹路8号')).toBe(1);
  });
  it('halves the score for the next gate on the same road', () => {
    const same = addressSimilarity('柳市镇长虹路8号', '柳市镇长虹路8号2幢');
    const next = addressSimilarity('柳市镇长虹路8号', '柳市镇长虹路18号');
    expect(same).toBeGreaterThan(0.8);
    expect(next).toBeLessThan(0.5);
    expect(houseNumber('柳市镇长虹路18-2号')).toBe('18');
  });
  it('is low for different places and 0 when one is missing', () => {
    expect(addressSimilarity('柳市镇长虹路8号', '北白象镇西溪街226号')).toBeLessThan(0.2);
    expect(addressSimilarity('柳市镇长虹路8号', null)).toBe(0);
  });
});
