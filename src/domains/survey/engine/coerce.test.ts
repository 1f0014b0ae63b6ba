import { describe, expect, it } from 'vitest';
import { CODE_TABLES } from '../forms/code-tables/index.ts';
import { bool, code, coords, date, dec, file, int, period, text } from '../forms/build.ts';
import { EXAMPLE_CREDIT_CODE, EXAMPLE_ORG_CODE } from '../forms/example-set.ts';
import { coerceValue, isEmptyAnswer, type CoerceContext } from './coerce.ts';

const ctx: CoerceContext = {
  codes: new Map(CODE_TABLES.map((t) => [t.id, new Map(t.entries.map((e) => [e.code, e]))])),
  units: new Map([['t', { zh: '吨', en: 't' }]]),
  checks: { industry: (c) => c === '1713' },
};
type F = Parameters<typeof coerceValue>[0];
const value = (f: F, raw: unknown) => {
  const c = coerceValue(f, raw, ctx);
  return c.ok ? c.value : { rule: c.rule, en: c.message.en, zh: c.message.zh };
};

describe('numbers', () => {
  const amount = dec('amount', '产量', 'Output', { unit: 't', max: 1000, decimals: 2, min: 0 });
  const count = int('count', '数量', 'Count', { max: 100 });

  it('takes numbers and plain numeric text', () => {
    expect(value(amount, 12.5)).toBe(12.5);
    expect(value(amount, ' 12.50 ')).toBe(12.5);
    expect(value(amount, '.5')).toBe(0.5);
    expect(value(count, '42')).toBe(42);
  });

  it('refuses NaN, Infinity (JSON 1e309), exponents, separators and words', () => {
    expect(value(amount, JSON.parse('{"x":1e309}').x)).toMatchObject({ rule: 'field.type', en: '"Output" is not a finite number' });
    expect(value(amount, NaN)).toMatchObject({ rule: 'field.type' });
    expect(value(amount, -Infinity)).toMatchObject({ rule: 'field.type' });
    for (const bad of ['1e309', '1e3', '1,000', '12 t', 'abc', '', '0x10', true, [1], { v: 1 }]) {
      expect(value(amount, bad)).toMatchObject({ rule: 'field.type', en: '"Output" must be a number' });
    }
  });

  it('checks bounds with the unit, whole numbers and decimal places', () => {
    expect(value(amount, 1000.01)).toMatchObject({ rule: 'field.range', en: '"Output" cannot be more than 1000 t', zh: '「产量」不能大于 1000 吨' });
    expect(value(amount, -1)).toMatchObject({ rule: 'field.range', en: '"Output" cannot be less than 0 t' });
    expect(value(amount, '1.234')).toMatchObject({ rule: 'field.decimals' });
    expect(value(amount, 1.234)).toMatchObject({ rule: 'field.decimals' });
    expect(value(amount, 0.1 + 0.2)).toBeCloseTo(0.3);
    // Large values too (a relative tolerance once let a half unit of the last place through).
    const big = dec('big', '产量', 'Output', { decimals: 2, min: 0 });
    expect(value(big, 1234567.891)).toMatchObject({ rule: 'field.decimals' });
    expect(value(big, 1234567.89)).toBe(1234567.89);
    expect(value(big, 12345678901.23)).toBe(12345678901.23);
    expect(value(count, 1.5)).toMatchObject({ rule: 'field.type', en: '"Count" must be a whole number' });
    expect(value(count, 2 ** 60)).toMatchObject({ rule: 'field.type' });
  });
});

describe('text', () => {
  it('trims, limits length and refuses control characters', () => {
    const name = text('name', '名称', 'Name', { maxLength: 5 });
    expect(value(name, '  普查  ')).toBe('普查');
    expect(value(name, '一二三四五六')).toMatchObject({ rule: 'field.length' });
    expect(value(name, 'a\u0000b')).toMatchObject({ rule: 'field.type' });
    expect(value(name, 12)).toMatchObject({ rule: 'field.type', en: '"Name" must be text' });
  });

  it('checks formats: credit code, organisation code, phone, waste code', () => {
    const cc = text('cc', '统一社会信用代码', 'Credit code', { format: 'credit-code' });
    expect(value(cc, EXAMPLE_CREDIT_CODE.toLowerCase())).toBe(EXAMPLE_CREDIT_CODE);
    expect(value(cc, '91350100M000100Y4Z')).toMatchObject({ rule: 'field.format' });
    expect(value(text('oc', '组织机构代码', 'Org code', { format: 'org-code' }), EXAMPLE_ORG_CODE)).toBe(EXAMPLE_ORG_CODE);
    const phone = text('p', '电话', 'Phone', { format: 'phone' });
    expect(value(phone, '0577-61234567')).toBe('0577-61234567');
    expect(value(phone, '13905771234')).toBe('13905771234');
    expect(value(phone, '12345')).toMatchObject({ rule: 'field.format' });
    expect(value(text('w', '代码', 'Code', { format: 'waste-code' }), '900-41-49')).toMatchObject({ rule: 'field.format' });
  });
});

describe('codes', () => {
  it('must be text in the table', () => {
    const fuel = code('fuel', '燃料', 'Fuel', 'fuels');
    expect(value(fuel, '01')).toBe('01');
    expect(value(fuel, 1)).toMatchObject({ rule: 'field.type' });
    expect(value(fuel, '77')).toMatchObject({ rule: 'field.code', en: '"Fuel": code 77 is not in the code table' });
  });

  it('takes industry codes through the injected check, and regions by format', () => {
    const ind = code('ind', '行业', 'Industry', 'industry');
    expect(value(ind, '1713')).toBe('1713');
    expect(value(ind, '9999')).toMatchObject({ rule: 'field.code' });
    const reg = code('reg', '区划', 'Region', 'region');
    expect(value(reg, '330382')).toBe('330382');
    expect(value(reg, '330382101000')).toBe('330382101000');
    expect(value(reg, '3303')).toMatchObject({ rule: 'field.code' });
  });

  it('lists several, without repeats, never more than the table holds', () => {
    const m = code('m', '矿种', 'Minerals', 'radioactive-minerals', { multiple: true });
    expect(value(m, ['01', '01', '09'])).toEqual(['01', '09']);
    expect(value(m, '01')).toMatchObject({ rule: 'field.type' });
    expect(value(m, ['01', 'x'])).toMatchObject({ rule: 'field.code' });
    expect(value(m, Array(16).fill('01'))).toMatchObject({ rule: 'field.length' });
  });
});

describe('booleans, dates, periods, coordinates, files', () => {
  it('booleans are true or false only', () => {
    const b = bool('b', '是否', 'Flag');
    expect(value(b, false)).toBe(false);
    expect(value(b, 'true')).toMatchObject({ rule: 'field.type' });
    expect(value(b, 1)).toMatchObject({ rule: 'field.type' });
  });

  it('dates are real calendar dates within bounds', () => {
    const d = date('d', '日期', 'Date', { min: '2000-01-01', max: '2017-12-31' });
    expect(value(d, '2016-02-29')).toBe('2016-02-29');
    expect(value(d, '2017-02-29')).toMatchObject({ rule: 'field.date' });
    expect(value(d, '2017-1-5')).toMatchObject({ rule: 'field.date' });
    expect(value(d, '2018-01-01')).toMatchObject({ rule: 'field.range' });
  });

  it('periods run forward inside 2017', () => {
    const p = period('p', '期间', 'Period');
    expect(value(p, { from: '2017-03-01', to: '2017-10-31' })).toEqual({ from: '2017-03-01', to: '2017-10-31' });
    expect(value(p, { from: '2017-10-31', to: '2017-03-01' })).toMatchObject({ rule: 'field.range' });
    expect(value(p, { from: '2016-12-01', to: '2017-03-01' })).toMatchObject({ rule: 'field.range' });
    expect(value(p, '2017')).toMatchObject({ rule: 'field.type' });
  });

  it('coordinates are finite and in China', () => {
    const c = coords('c', '位置', 'Location');
    expect(value(c, { lat: 28.05, lng: 120.97, extra: 1 })).toEqual({ lat: 28.05, lng: 120.97 });
    expect(value(c, { lat: 120.97, lng: 28.05 })).toMatchObject({ rule: 'field.range' });
    expect(value(c, { lat: '28', lng: 120 })).toMatchObject({ rule: 'field.type' });
    expect(value(c, { lat: NaN, lng: 120 })).toMatchObject({ rule: 'field.type' });
  });

  it('files are references of accepted types, up to maxFiles', () => {
    const f = file('f', '照片', 'Photos', { accept: ['image/jpeg'], maxFiles: 2 });
    expect(value(f, { id: 'abc-1', type: 'image/jpeg', name: 'gate.jpg' })).toEqual([{ id: 'abc-1', type: 'image/jpeg', name: 'gate.jpg' }]);
    expect(value(f, { id: 'abc', type: 'application/x-msdownload' })).toMatchObject({ rule: 'field.file-type' });
    expect(value(f, { id: '../etc/passwd', type: 'image/jpeg' })).toMatchObject({ rule: 'field.type' });
    expect(value(f, Array(3).fill({ id: 'a', type: 'image/jpeg' }))).toMatchObject({ rule: 'field.length' });
  });

  it('counts absent, null, blank and empty lists as unanswered', () => {
    for (const v of [undefined, null, '', '  ', []]) expect(isEmptyAnswer(v)).toBe(true);
    for (const v of [0, false, 'x', [0]]) expect(isEmptyAnswer(v)).toBe(false);
  });
});
