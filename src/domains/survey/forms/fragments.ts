// Pieces several forms share: the header and footer every form carries, a monitored
// concentration table, the three treatment stages of a combustion unit, and a boiler row.
import { code, coords, date, dec, group, int, rule, text, YEAR_HOURS } from './build.ts';
import type { Field, GroupField } from './types.ts';

/** Each form's header: the unit it is about (every industrial form repeats it, as on paper). */
export const identity = (): Field[] => [
  text('creditCode', '统一社会信用代码', 'Unified social credit code', { format: 'credit-code', required: 'empty(orgCode)' }),
  text('orgCode', '组织机构代码', 'Organisation code', { format: 'org-code', required: 'empty(creditCode)' }),
  text('unitName', '单位详细名称', 'Unit name', { required: true, maxLength: 100 }),
];

/** Where the source is: region code, address and the point captured on site. */
export const place = (zh: string, en: string): Field[] => [
  code('regionCode', '区划代码', 'Region code', 'region', { required: true }),
  text('address', '详细地址', 'Address', { required: true, maxLength: 200 }),
  coords('location', zh, en, { required: true }),
];

/** Each form's footer: who answers for it. */
export const footer = (): Field[] => [
  text('headName', '单位负责人', 'Head of unit', { required: true, maxLength: 30 }),
  text('filledBy', '填表人', 'Filled in by', { required: true, maxLength: 30 }),
  text('phone', '联系电话', 'Phone', { required: true, format: 'phone' }),
  date('reportDate', '报出日期', 'Date reported', { required: true, min: '2018-01-01', max: '2019-12-31' }),
];

/** Monitored results (G106-2, G106-3, S105, J101-3): pollutant, mean concentration, limit, plus `extra` (e.g. the load it implies). */
export const concentrationRows = (unit: 'mg/L' | 'mg/m3', medium: 'water' | 'air', extra: Field[] = []): GroupField =>
  group('results', '监测结果', 'Results', [
    code('pollutant', '污染物', 'Pollutant', 'pollutants', {
      required: true,
      rules: [rule('medium', 'blocking', `lookup('pollutants', pollutant, 'medium') == '${medium}'`, '该污染物不属于本表的监测介质', 'This pollutant is not measured in this medium')],
    }),
    dec('concentration', '平均浓度', 'Mean concentration', { unit, required: true, decimals: 4, max: 1e6 }),
    dec('limit', '排放标准限值', 'Emission limit', { unit, decimals: 4, max: 1e6 }),
    int('samples', '有效监测次数/天数', 'Valid samples or days', { max: 8784 }),
    ...extra,
  ], { minRows: 1, maxRows: 50 });

/**
 * The treatment stages of a combustion unit (脱硫 / 脱硝 / 除尘): technology and removal
 * efficiency, whose technology must treat that pollutant and whose efficiency should sit in the
 * technology's usual range.
 */
export const treatmentStages = (): Field[] =>
  ([['ds', '脱硫', 'Desulphurisation', 'S'], ['dn', '脱硝', 'Denitrification', 'N'], ['dust', '除尘', 'Dust removal', 'D']] as const).flatMap(([p, zh, en, letter]) => [
    code(`${p}Tech`, `${zh}工艺`, `${en} technology`, 'treatments', {
      rules: [rule('kind', 'blocking', `startsWith(${p}Tech, '${letter}', 'A99')`, `所选工艺不是${zh}工艺`, `The technology chosen is not one of ${en.toLowerCase()}`)],
    }),
    dec(`${p}Efficiency`, `${zh}效率`, `${en} efficiency`, {
      unit: '%', max: 100, decimals: 2, relevant: `present(${p}Tech)`, required: `present(${p}Tech)`,
      rules: [rule('usual', 'warning', `between(${p}Efficiency, lookup('treatments', ${p}Tech, 'etaMin'), lookup('treatments', ${p}Tech, 'etaMax'))`,
        `${zh}效率不在该工艺的通常范围（{min}–{max}%），请核实或说明`, `${en} efficiency is outside the usual {min}–{max}% of this technology; check it or explain`,
        { params: { min: `lookup('treatments', ${p}Tech, 'etaMin')`, max: `lookup('treatments', ${p}Tech, 'etaMax')` } })],
    }),
  ]);

/** One boiler or gas turbine (G103-1, S103). */
export const boilerRow = (extra: Field[] = []): Field[] => [
  text('boilerNo', '锅炉编号', 'Boiler number', { required: true, maxLength: 20 }),
  code('kind', '锅炉/燃机类型', 'Type', 'boiler-kinds', { required: true }),
  code('use', '用途', 'Use', 'boiler-uses', { required: true }),
  dec('capacity', '额定出力', 'Rated capacity', { unit: 't/h', decimals: 1, required: true, max: 3000, warnMax: 2500 }),
  code('fuelCode', '主要燃料', 'Main fuel', 'fuels', { required: true }),
  code('fuelUnit', '燃料计量单位', 'Fuel unit', 'units', { required: true }),
  dec('fuelUse', '燃料消耗量', 'Fuel used', { unitField: 'fuelUnit', decimals: 3, required: true, max: 1e9 }),
  int('runHours', '年运行时间', 'Hours run in 2017', { unit: 'h', required: true, max: YEAR_HOURS }),
  ...treatmentStages(),
  dec('stackHeight', '排气筒高度', 'Stack height', { unit: 'm', decimals: 1, max: 400 }),
  ...extra,
];
