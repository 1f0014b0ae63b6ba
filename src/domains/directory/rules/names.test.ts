import { describe, expect, it } from 'vitest';
import { branchesDiffer, nameKey, nameSimilarity, normaliseCompanyName, parseCompanyName } from './names.ts';
import { nationalRegionNames, regionNamesFor, regionNamesFromRows, shortRegionName } from './region-names.ts';

describe('normaliseCompanyName', () => {
  it('simplifies, folds width, unifies brackets and drops punctuation and spaces', () => {
    expect(normaliseCompanyName('華宇電氣（樂清）有限責任公司')).toBe('华宇电气(乐清)有限责任公司');
    expect(normaliseCompanyName('【乐清】华宇 电气·有限公司')).toBe('(乐清)华宇电气有限公司');
    expect(normaliseCompanyName('abc科技[中国]有限公司。')).toBe('ABC科技(中国)有限公司');
  });
});

describe('parseCompanyName', () => {
  it('strips legal forms, longest first', () => {
    expect(parseCompanyName('乐清市华宇电气有限公司')).toMatchObject({ core: '华宇电气', legalForm: '有限公司', regionPrefix: '乐清市' });
    expect(parseCompanyName('乐清市华宇电气有限责任公司').legalForm).toBe('有限责任公司');
    expect(parseCompanyName('浙江华宇电气股份有限公司')).toMatchObject({ core: '华宇电气', legalForm: '股份有限公司' });
    expect(parseCompanyName('温州华宇集团有限公司').legalForm).toBe('集团有限公司');
    expect(parseCompanyName('华宇电气厂')).toMatchObject({ core: '华宇电气', legalForm: '厂' });
    expect(parseCompanyName('乐清市柳市华宇五金经营部')).toMatchObject({ core: '柳市华宇五金', legalForm: '经营部' });
    expect(parseCompanyName('华宇个人独资企业').legalForm).toBe('个人独资企业');
    expect(parseCompanyName('乐清市华宇生猪养殖场')).toMatchObject({ core: '华宇生猪养殖', legalForm: '场' });
  });
  it('records legal-form notes in brackets', () => {
    expect(parseCompanyName('温州华宇投资合伙企业（有限合伙）')).toMatchObject({ core: '华宇投资', legalForm: '合伙企业(有限合伙)', bracketed: ['有限合伙'] });
    expect(parseCompanyName('上海宝钢(集团)有限公司')).toMatchObject({ core: '宝钢', legalForm: '集团有限公司' });
  });
  it('finds branches after a legal form, a place or an ordinal', () => {
    expect(parseCompanyName('浙江华宇电气有限公司乐清分公司')).toMatchObject({ core: '华宇电气', branch: '乐清分公司', legalForm: '有限公司' });
    expect(parseCompanyName('华宇电气乐清分公司')).toMatchObject({ core: '华宇电气', branch: '乐清分公司' });
    expect(parseCompanyName('华宇电气柳市分公司')).toMatchObject({ core: '华宇电气', branch: '柳市分公司' });
    expect(parseCompanyName('华宇电气有限公司第二分厂')).toMatchObject({ core: '华宇电气', branch: '第二分厂' });
    expect(parseCompanyName('华泰证券股份有限公司乐清营业部')).toMatchObject({ core: '华泰证券', branch: '乐清营业部' });
    expect(parseCompanyName('华宇电气有限公司').branch).toBeNull();
    expect(parseCompanyName('办事处').branch).toBeNull();
  });
  it('strips region prefixes at the start, several levels deep', () => {
    expect(parseCompanyName('浙江省温州市乐清市华宇电气有限公司')).toMatchObject({ core: '华宇电气', regionPrefix: '浙江省温州市乐清市' });
    expect(parseCompanyName('浙江华宇电气有限公司')).toMatchObject({ core: '华宇电气', regionPrefix: '浙江' });
    expect(parseCompanyName('温州华宇电气有限公司').core).toBe('华宇电气');
  });
  it('recognises a bracketed region: 华为技术 vs 华为技术(乐清)', () => {
    const p = parseCompanyName('华为技术(乐清)有限公司');
    expect(p).toMatchObject({ core: '华为技术', regionPrefix: '乐清', bracketed: ['乐清'] });
    expect(nameKey('华为技术(乐清)有限公司')).toBe(nameKey('华为技术有限公司'));
  });
  it('reads traditional script and full-width forms', () => {
    expect(parseCompanyName('樂清市華宇電氣有限責任公司').core).toBe('华宇电气');
    expect(parseCompanyName('華宇電氣（樂清）有限公司').core).toBe('华宇电气');
  });
  it("leaves county short forms alone nationally, strips them for the firm's own county", () => {
    // 长安 is a district name and a trade name; without the firm's county it stays.
    expect(nameKey('长安汽车有限公司')).toBe('长安汽车');
    expect(nameKey('乐清华宇电气有限公司')).toBe('乐清华宇电气');
    expect(nameKey('乐清华宇电气有限公司', regionNamesFor('330382'))).toBe('华宇电气');
    // another county's short form is part of the name, not noise
    expect(nameKey('瑞安华宇电气有限公司', regionNamesFor('330382'))).toBe('瑞安华宇电气');
  });
  it('never strips a region down to nothing', () => {
    expect(parseCompanyName('温州乐清有限公司').core).toBe('乐清');
    expect(parseCompanyName('乐清市有限公司').core).toBe('乐清市');
  });
  it('takes a caller-supplied region index', () => {
    const index = regionNamesFromRows([{ code: '990100', name: '测试市', level: 'prefecture' }]);
    expect(parseCompanyName('测试华宇电气有限公司', index).core).toBe('华宇电气');
  });
});

describe('region names', () => {
  it('shortens names by their administrative suffix, ethnic names included', () => {
    expect(['乐清市', '浙江省', '延边朝鲜族自治州', '黔东南苗族侗族自治州', '内蒙古自治区', '广西壮族自治区', '西藏自治区', '东乡族自治县', '锡林郭勒盟', '阿克苏地区', '神农架林区'].map(shortRegionName))
      .toEqual(['乐清', '浙江', '延边', '黔东南', '内蒙古', '广西', '西藏', '东乡', '锡林郭勒', '阿克苏', '神农架']);
    expect(shortRegionName('沙县')).toBe(''); // one character is too short to recognise
  });
  it('skips registry placeholders and district names that are ordinary words', () => {
    const n = nationalRegionNames();
    expect(n.prefixes.has('市辖区')).toBe(false);
    expect(n.prefixes.has('城区')).toBe(false);
    expect(n.prefixes.has('乐清市')).toBe(true);
    expect(n.prefixes.has('乐清')).toBe(false);
    expect(n.bracketed.has('乐清')).toBe(true);
  });
});

describe('name similarity and branches', () => {
  it('is 1 for variants of one name and lower for typos and other firms', () => {
    expect(nameSimilarity('乐清市华宇电气有限公司', '華宇電氣(樂清)有限責任公司')).toBe(1);
    expect(nameSimilarity('乐清华宇电气有限公司', '华宇电气有限公司')).toBe(1);
    expect(nameSimilarity('华宇电气有限公司', '华字电气有限公司')).toBeCloseTo(0.75);
    expect(nameSimilarity('华宇电气有限公司', '宇华电气有限公司')).toBeCloseTo(0.75);
    expect(nameSimilarity('华宇电气有限公司', '宏达机械有限公司')).toBe(0);
  });
  it('tells branches apart by their place', () => {
    expect(branchesDiffer('乐清分公司', '乐清市分公司')).toBe(false);
    expect(branchesDiffer('分公司', '柳市分公司')).toBe(false);
    expect(branchesDiffer('乐清分公司', '瑞安分公司')).toBe(true);
    expect(branchesDiffer('第一分厂', '第二分厂')).toBe(true);
  });
});
