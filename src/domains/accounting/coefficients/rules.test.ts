import { describe, expect, it } from 'vitest';
import { diffRows } from './diff.ts';
import { checkTable, MAX_ERRORS, unitProblem, type CoefficientRow } from './rules.ts';

const HEADER_ZH = ['行业代码', '产品', '原料', '工艺', '规模等级', '污染物', '活动水平单位', '产污系数', '系数单位', '末端治理技术', '去除效率', '排污系数', '运行参数'];
const HEADER_EN = ['industry_code', 'product', 'material', 'process', 'scale', 'pollutant', 'activity_unit', 'gen_coefficient', 'coefficient_unit', 'treatment', 'efficiency', 'discharge_coefficient', 'op_params'];
const GOOD = ['3823', '', '溶剂型涂料', '空气喷涂', '所有规模', 'VOCS', 't', '450', 'kg/t', 'V02', '85', '', '运行时间;催化燃烧温度'];
const industryOk = (c: string) => ['3823', '3360', '0313', '4430'].includes(c);

const lines = (rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));
const check = (rows: string[][]) => checkTable(lines(rows), industryOk);
const withCell = (i: number, v: string) => GOOD.map((c, j) => (j === i ? v : c));
const col = (name: string) => HEADER_ZH.indexOf(name);

describe('checking a coefficient table', () => {
  it('reads a good table with zh or en headers, in any column order, comments skipped', async () => {
    const zh = await check([['# 示例，非官方'], HEADER_ZH, GOOD, ['4430', '', '烟煤', '层燃炉', '', 'SO2', 't', '19*S', 'kg/t', '', '', '', '']]);
    expect(zh.errors).toEqual([]);
    expect(zh.rows).toHaveLength(2);
    expect(zh.rows[0]).toMatchObject({ rowNo: 1, industryCode: '3823', genCoefficient: 450, genFormula: null, efficiency: 85, opParams: ['运行时间', '催化燃烧温度'] });
    expect(zh.rows[1]).toMatchObject({ genCoefficient: null, genFormula: '19*S', treatment: '', efficiency: null });
    const order = [8, 0, 5, 6, 7, 1, 2, 3, 4, 9, 10, 11, 12];
    const en = await check([order.map((i) => HEADER_EN[i].toUpperCase()), order.map((i) => GOOD[i])]);
    expect(en.errors).toEqual([]);
    expect(en.rows[0]).toEqual(zh.rows[0]);
  });

  it('a table with a required column missing is refused at the header', async () => {
    const r = await check([HEADER_ZH.filter((h) => h !== '系数单位'), GOOD.filter((_, i) => i !== col('系数单位'))]);
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([expect.objectContaining({ row: 1, column: '系数单位 / coefficient_unit' })]);
    expect(r.errors[0].message.zh).toContain('缺少');
  });

  it('an unknown or repeated column is an error, optional columns may be absent', async () => {
    const r = await check([[...HEADER_ZH, '备注', '污染物'], [...GOOD, 'x', 'VOCS']]);
    expect(r.errors.map((e) => e.column)).toEqual(['备注', '污染物']);
    const lean = await check([['行业代码', '污染物', '活动水平单位', '产污系数', '系数单位'], ['3823', 'PM', 't', '9.2', 'kg/t']]);
    expect(lean.errors).toEqual([]);
    expect(lean.rows[0]).toMatchObject({ product: '', treatment: '', efficiency: null, opParams: [] });
  });

  it.each([
    ['negative efficiency', col('去除效率'), '-5', '去除效率'],
    ['efficiency above 100%', col('去除效率'), '120', '去除效率'],
    ['efficiency not a number', col('去除效率'), '高', '去除效率'],
    ['negative coefficient', col('产污系数'), '-1', '产污系数'],
    ['coefficient neither number nor formula', col('产污系数'), '19*S*A', '产污系数'],
    ['unknown industry', col('行业代码'), '9999', '行业代码'],
    ['industry not a class', col('行业代码'), '38', '行业代码'],
    ['unknown pollutant', col('污染物'), 'XYZ', '污染物'],
    ['unknown treatment', col('末端治理技术'), 'Z01', '末端治理技术'],
    ['unknown activity unit', col('活动水平单位'), 'barrel', '活动水平单位'],
    ['a unit that does not convert', col('系数单位'), 'kg/10km3', '系数单位'],
    ['a numerator not a mass', col('系数单位'), 'm3/t', '系数单位'],
    ['a unit without a slash', col('系数单位'), 'kg', '系数单位'],
    ['negative discharge coefficient', col('排污系数'), '-2', '排污系数'],
  ])('%s is an error at its row and column', async (_, i, value, column) => {
    const r = await check([HEADER_ZH, GOOD, withCell(i, value)]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 3, column });
    expect(r.errors[0].message.en.length).toBeGreaterThan(5);
  });

  it('an efficiency needs a treatment', async () => {
    const r = await check([HEADER_ZH, withCell(col('末端治理技术'), '')]);
    expect(r.errors).toEqual([expect.objectContaining({ row: 2, column: '去除效率' })]);
  });

  it('a key given twice is an error on the second row', async () => {
    const r = await check([HEADER_ZH, GOOD, withCell(col('产污系数'), '400')]);
    expect(r.errors).toEqual([expect.objectContaining({ row: 3 })]);
    expect(r.errors[0].message.en).toContain('row 2');
  });

  it('collects every error, capped at 200', async () => {
    const bad = Array.from({ length: 150 }, () => withCell(col('去除效率'), '101').map((c, j) => (j === col('污染物') ? 'XYZ' : c)));
    const r = await check([HEADER_ZH, ...bad]);
    expect(r.errors).toHaveLength(MAX_ERRORS);
    expect(r.truncated).toBe(true);
  });

  it('a file with no data row or no header is refused', async () => {
    expect((await check([HEADER_ZH])).errors).toHaveLength(1);
    expect((await check([['# only a comment']])).errors).toHaveLength(1);
  });
});

describe('coefficient units', () => {
  it('converts the denominator to the activity unit\'s dimension', () => {
    expect(unitProblem('kg/t', 't')).toBeNull();
    expect(unitProblem('g/t', '10kt')).toBeNull();
    expect(unitProblem('kg/10km3', 'm3')).toBeNull();
    expect(unitProblem('g/m2', 'm2')).toBeNull();
    expect(unitProblem('kg/head', 'head')).toBeNull();
    expect(unitProblem('kg/head', 'bird')?.en).toContain('does not convert');
    expect(unitProblem('kg/t', '10km3')?.en).toContain('does not convert');
  });
});

describe('diff of two versions', () => {
  const row = (o: Partial<CoefficientRow>): CoefficientRow => ({
    rowNo: 1, industryCode: '3823', product: '', material: '涂料', process: '', scale: '', pollutant: 'VOCS', activityUnit: 't', genCoefficient: 450, genFormula: null,
    coefficientUnit: 'kg/t', treatment: '', efficiency: null, dischargeCoefficient: null, opParams: [], ...o,
  });
  it('matches rows by key, not by row number', () => {
    const before = [row({}), row({ pollutant: 'PM', genCoefficient: 30 }), row({ industryCode: '3360', pollutant: 'COD' })];
    const after = [row({ rowNo: 2 }), row({ rowNo: 1, pollutant: 'PM', genCoefficient: 35 }), row({ rowNo: 3, treatment: 'V02', efficiency: 85 })];
    const d = diffRows(before, after);
    expect(d.added).toEqual([after[2]]);
    expect(d.removed).toEqual([before[2]]);
    expect(d.changed).toEqual([{ key: '3823||涂料|||PM|', before: before[1], after: after[1] }]);
  });
});
