import { describe, expect, it } from 'vitest';
import { checkRow, cleanText, isBlankRow, messageOf, normaliseIndustryCode, normaliseRegionCode, rowSignature, simplified, type RowEnv, type RowLayout } from './row-rules.ts';

const HEADERS = ['统一社会信用代码', '单位名称', '注册地址', '法定代表人', '行业代码', '联系电话', '行政区划代码', '备注'];
const layout: RowLayout = {
  headers: HEADERS,
  fields: { credit_code: 0, name: 1, address: 2, legal_rep: 3, industry_code: 4, phone: 5, region_code: 6 },
};
const REGIONS = new Set(['330382', '330382001', '330382002', '330300', '500109']);
const env: RowEnv = {
  regionCode: '330382',
  regionPrefix: '330382',
  regionExists: (c) => REGIONS.has(c),
  headerSignature: rowSignature(HEADERS),
};
const row = (cells: Partial<Record<number, string>>) => HEADERS.map((_, i) => cells[i] ?? '');

describe('text normalisation', () => {
  it('turns full-width ASCII into half-width, collapses white space and trims', () => {
    expect(cleanText('  ９１３３０３８２ＭＡ２ＡＢ３Ｃ４７Ｅ ')).toBe('91330382MA2AB3C47E');
    expect(cleanText('乐清市\u3000柳市镇\n\t东风路（１号）')).toBe('乐清市 柳市镇 东风路(1号)');
  });
  it('turns traditional characters (standard, Hong Kong, Taiwan forms) into simplified ones', () => {
    expect(simplified('樂清市東方電氣有限公司')).toBe('乐清市东方电气有限公司');
    expect(simplified('溫州市甌江路裡面')).toBe('温州市瓯江路里面');
    expect(simplified('Acme Ltd')).toBe('Acme Ltd');
  });
  it('knows a blank row', () => {
    expect(isBlankRow(['', '  ', '\t'])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});

describe('region and industry codes', () => {
  it('normalises region codes, shortening the 12-digit statistical form of counties and townships', () => {
    expect(normaliseRegionCode('330382')).toBe('330382');
    expect(normaliseRegionCode(' 330382000000 ')).toBe('330382');
    expect(normaliseRegionCode('330382001000')).toBe('330382001');
    expect(normaliseRegionCode('330382001201')).toBe('330382001201');
    expect(normaliseRegionCode('33038')).toBeUndefined();
    expect(normaliseRegionCode('乐清市')).toBeUndefined();
  });
  it('accepts a section letter or 2–4 digits, also with the letter or the name around them', () => {
    expect(normaliseIndustryCode('C')).toBe('C');
    expect(normaliseIndustryCode('26')).toBe('26');
    expect(normaliseIndustryCode('2614')).toBe('2614');
    expect(normaliseIndustryCode('c2614')).toBe('2614');
    expect(normaliseIndustryCode('２６１４ 有机化学原料制造')).toBe('2614');
    expect(normaliseIndustryCode('2614有机化学原料制造')).toBe('2614');
    expect(normaliseIndustryCode('26141')).toBeUndefined();
    expect(normaliseIndustryCode('Z')).toBeUndefined();
    expect(normaliseIndustryCode('化学原料制造')).toBeUndefined();
  });
});

describe('checkRow', () => {
  it('normalises a good row and keeps unmapped columns in extra', () => {
    const r = checkRow(row({ 0: 'ｍａ2ab', 1: ' 樂清市東方電氣有限公司 ', 2: '乐清市柳市镇１号', 3: '张三', 4: 'C3821', 5: '0577-61880001', 6: '330382001', 7: '新增' }), layout, env);
    expect(r.errors.map((e) => e.code)).toEqual(['REGISTER_ROW_CREDIT_CODE']);
    const good = checkRow(row({ 0: '91330382MA2AB3C47E', 1: ' 樂清市東方電氣有限公司 ', 2: '乐清市柳市镇１号', 3: '张三', 4: 'C3821', 5: '0577-61880001', 6: '330382001', 7: '新增' }), layout, env);
    expect(good).toEqual({
      valid: true,
      regionCode: '330382001',
      creditCode: '91330382MA2AB3C47E',
      name: '乐清市东方电气有限公司',
      address: '乐清市柳市镇1号',
      legalRep: '张三',
      industryCode: '3821',
      phone: '0577-61880001',
      extra: { 备注: '新增' },
      errors: [],
    });
  });

  it('takes the register\'s region when the row gives none, and an empty credit code as none', () => {
    const r = checkRow(row({ 1: '某养殖场' }), layout, env);
    expect(r).toMatchObject({ valid: true, regionCode: '330382', creditCode: null, extra: null });
  });

  it('reports a missing name', () => {
    const r = checkRow(row({ 0: '91330382MA2AB3C47E', 2: '某地' }), layout, env);
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([{ column: '单位名称', code: 'REGISTER_ROW_NAME_MISSING', params: {}, value: null }]);
  });

  it('names what is wrong with a credit code, and keeps the code as written (normalised)', () => {
    const wrongCheck = checkRow(row({ 0: '91330382MA2AB3C47F', 1: '甲公司' }), layout, env);
    expect(wrongCheck.valid).toBe(false);
    expect(wrongCheck.creditCode).toBe('91330382MA2AB3C47F');
    expect(messageOf(wrongCheck.errors[0])).toEqual({
      zh: '统一社会信用代码 91330382MA2AB3C47F 不正确：校验码错误，应为 E',
      en: 'Credit code 91330382MA2AB3C47F is not valid: the check character is wrong (expected E)',
    });
    const short = checkRow(row({ 0: '9133038', 1: '乙公司' }), layout, env);
    expect(messageOf(short.errors[0]).en).toBe('Credit code 9133038 is not valid: it must have 18 characters');
    const org = checkRow(row({ 0: '91330382MA2AB3C4D1', 1: '丙公司' }), layout, env);
    expect(messageOf(org.errors[0]).en).toContain('organisation code');
    // A code registered in another province describes the firm, not a fault in the code.
    expect(checkRow(row({ 0: '91512081MA62K0260E', 1: '丁公司' }), layout, env).valid).toBe(true);
  });

  it('checks a region code given by the row: form, inside the register\'s region, in the tree', () => {
    const codes = (v: string) => checkRow(row({ 1: '甲', 6: v }), layout, env);
    expect(codes('330382002').regionCode).toBe('330382002');
    expect(codes('330382002000').regionCode).toBe('330382002');
    expect(codes('330382001207').valid).toBe(true); // a village of a known township
    expect(messageOf(codes('500109').errors[0]).en).toBe("Region code 500109 lies outside the register's region 330382");
    expect(messageOf(codes('330382999').errors[0]).en).toBe('Region code 330382999 does not exist');
    expect(messageOf(codes('乐清').errors[0]).en).toBe('Region code 乐清 is not a 6-, 9- or 12-digit code');
    expect(codes('500109').regionCode).toBe('330382');
  });

  it('checks the form of an industry code', () => {
    const r = checkRow(row({ 1: '甲', 4: '制造业' }), layout, env);
    expect(r.errors.map((e) => [e.code, e.column, e.value])).toEqual([['REGISTER_ROW_INDUSTRY_CODE', '行业代码', '制造业']]);
    expect(r.industryCode).toBe('制造业');
  });

  it('checks an industry code against the GB/T 4754-2017 table', () => {
    expect(checkRow(row({ 1: '甲', 4: 'C3311' }), layout, env)).toMatchObject({ valid: true, industryCode: '3311' });
    const r = checkRow(row({ 1: '甲', 4: '9999' }), layout, env);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(['REGISTER_ROW_INDUSTRY_UNKNOWN']);
    expect(messageOf(r.errors[0]).zh).toContain('GB/T 4754-2017');
  });

  it('marks the header met again as not data, with one error', () => {
    const r = checkRow([...HEADERS], layout, env);
    expect(r).toMatchObject({ valid: false, name: null, extra: null });
    expect(r.errors.map((e) => e.code)).toEqual(['REGISTER_ROW_HEADER_REPEATED']);
  });

  it('reports undecodable characters, and keeps cells beyond the header under their column number', () => {
    const r = checkRow([...row({ 1: '甲\uFFFD公司' }), 'stray'], layout, env);
    expect(r.errors.map((e) => [e.code, e.column])).toEqual([['REGISTER_ROW_ENCODING', '单位名称']]);
    expect(r.extra).toEqual({ '#9': 'stray' });
  });
});
