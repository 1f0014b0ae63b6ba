import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { checkHeaders, guessMapping, headerKey, parseMapping, resolveMapping } from './mapping-rules.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return [(e as AppError).code, (e as AppError).params];
  }
  return undefined;
};

describe('header guessing', () => {
  it('maps the usual Chinese headers of a market-regulation register', () => {
    expect(guessMapping(['序号', '统一社会信用代码', '企业名称', '住所', '法定代表人', '国民经济行业代码', '联系电话', '行政区划代码', '成立日期'])).toEqual({
      credit_code: '统一社会信用代码',
      name: '企业名称',
      address: '住所',
      legal_rep: '法定代表人',
      industry_code: '国民经济行业代码',
      phone: '联系电话',
      region_code: '行政区划代码',
    });
  });

  it('maps a tax register (纳税人识别号, 纳税人名称, 生产经营地址)', () => {
    expect(guessMapping(['纳税人识别号', '纳税人名称', '生产经营地址', '负责人', '行业'])).toEqual({
      credit_code: '纳税人识别号',
      name: '纳税人名称',
      address: '生产经营地址',
      legal_rep: '负责人',
      industry_code: '行业',
    });
  });

  it('reads English, full-width, traditional and annotated headers', () => {
    expect(guessMapping(['USCC', 'Company Name', 'Address', 'Legal Representative', 'Industry Code', 'Tel'])).toEqual({
      credit_code: 'USCC', name: 'Company Name', address: 'Address', legal_rep: 'Legal Representative', industry_code: 'Industry Code', phone: 'Tel',
    });
    expect(guessMapping(['統一社會信用代碼', '單位名稱（必填）', '＊地址', 'credit_code'])).toEqual({ credit_code: '統一社會信用代碼', name: '單位名稱（必填）', address: '＊地址' });
    expect(headerKey(' 單位名稱（必填）* ')).toBe('单位名称');
  });

  it('prefers the exact name and falls back on words a header contains', () => {
    expect(guessMapping(['电话', '联系电话', '名称'])).toEqual({ phone: '联系电话', name: '名称' });
    expect(guessMapping(['单位名称', '统一社会信用代码/注册号', '企业注册地址'])).toEqual({ name: '单位名称', credit_code: '统一社会信用代码/注册号', address: '企业注册地址' });
    expect(guessMapping(['用户名', '密码'])).toEqual({});
  });
});

describe('header row and mapping', () => {
  it('trims headers, drops trailing blanks and refuses a name used twice', () => {
    expect(checkHeaders([' 单位名称 ', '地址', '', ''])).toEqual(['单位名称', '地址']);
    expect(codeOf(() => checkHeaders(['单位名称', '地址', '单位名称 ']))).toEqual(['REGISTER_DUPLICATE_HEADER', { header: '单位名称', columns: '1, 3' }]);
  });

  it('parses a mapping sent as JSON and refuses unknown fields', () => {
    expect(parseMapping('{"name":"企业名称","phone":null}')).toEqual({ name: '企业名称' });
    expect(codeOf(() => parseMapping('{name'))?.[0]).toBe('REGISTER_MAPPING_INVALID');
    expect(codeOf(() => parseMapping({ owner: '老板' }))?.[0]).toBe('REGISTER_MAPPING_INVALID');
  });

  it('resolves a mapping to columns, matching the header as written or in its compared form', () => {
    const headers = ['信用代码', '企业名称', '地址'];
    expect(resolveMapping(headers, { name: '企業名稱', credit_code: '信用代码' })).toEqual({
      layout: { headers, fields: { credit_code: 0, name: 1 } },
      mapping: { credit_code: '信用代码', name: '企业名称' },
    });
  });

  it('refuses a header the file lacks, two fields on one column, and a mapping without the name', () => {
    const headers = ['信用代码', '企业名称', '地址'];
    expect(codeOf(() => resolveMapping(headers, { name: '单位名称' }))).toEqual(['REGISTER_MAPPING_UNKNOWN_HEADER', { header: '单位名称', field: 'name' }]);
    expect(codeOf(() => resolveMapping(headers, { name: '企业名称', address: '企业名称' }))?.[0]).toBe('REGISTER_MAPPING_INVALID');
    expect(codeOf(() => resolveMapping(headers, { address: '地址' }))).toEqual(['REGISTER_NO_USABLE_COLUMNS', { headers: '信用代码, 企业名称, 地址' }]);
  });
});
