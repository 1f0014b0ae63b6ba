// 计量单位 units. Each names its dimension and its factor to that dimension's base unit, so
// convert(x, from, to) works between any two units of one dimension and refuses across them.
import type { CodeTable, UnitEntry } from '../types.ts';

const u = (code: string, zh: string, en: string, dim: string, factor: number): UnitEntry => ({ code, zh, en, attrs: { dim, factor } });

export const UNITS: UnitEntry[] = [
  // mass, base kg
  u('g', '克', 'g', 'mass', 0.001),
  u('kg', '千克', 'kg', 'mass', 1),
  u('t', '吨', 't', 'mass', 1000),
  u('10kt', '万吨', '10 kt', 'mass', 1e7),
  // volume, base m³
  u('L', '升', 'L', 'volume', 0.001),
  u('m3', '立方米', 'm³', 'volume', 1),
  u('10km3', '万立方米', '10,000 m³', 'volume', 1e4),
  u('100Mm3', '亿立方米', '100 million m³', 'volume', 1e8),
  // area, base m²
  u('m2', '平方米', 'm²', 'area', 1),
  u('mu', '亩', 'mu', 'area', 10000 / 15),
  u('ha', '公顷', 'ha', 'area', 1e4),
  u('km2', '平方千米', 'km²', 'area', 1e6),
  // length, base m
  u('m', '米', 'm', 'length', 1),
  u('km', '千米', 'km', 'length', 1000),
  u('10km', '万米', '10 km', 'length', 1e4),
  // energy, base MJ
  u('kWh', '千瓦时', 'kWh', 'energy', 3.6),
  u('10kkWh', '万千瓦时', '10 MWh', 'energy', 36000),
  u('GJ', '吉焦', 'GJ', 'energy', 1000),
  u('MJ', '兆焦', 'MJ', 'energy', 1),
  // power, base kW
  u('kW', '千瓦', 'kW', 'power', 1),
  u('MW', '兆瓦', 'MW', 'power', 1000),
  // calorific value per mass, base MJ/kg
  u('MJ/kg', '兆焦/千克', 'MJ/kg', 'calorific-mass', 1),
  u('kJ/kg', '千焦/千克', 'kJ/kg', 'calorific-mass', 0.001),
  u('kcal/kg', '千卡/千克', 'kcal/kg', 'calorific-mass', 0.0041868),
  // calorific value per volume, base MJ/m³
  u('MJ/m3', '兆焦/立方米', 'MJ/m³', 'calorific-volume', 1),
  u('kJ/m3', '千焦/立方米', 'kJ/m³', 'calorific-volume', 0.001),
  // mass concentration, base mg/m³ (= µg/L); 1 mg/L = 1000 mg/m³
  u('mg/m3', '毫克/立方米', 'mg/m³', 'concentration', 1),
  u('g/m3', '克/立方米', 'g/m³', 'concentration', 1000),
  u('mg/L', '毫克/升', 'mg/L', 'concentration', 1000),
  u('ug/L', '微克/升', 'µg/L', 'concentration', 1),
  // flow, base m³/h
  u('m3/h', '立方米/小时', 'm³/h', 'flow', 1),
  u('m3/d', '立方米/日', 'm³/d', 'flow', 1 / 24),
  u('10km3/d', '万立方米/日', '10,000 m³/d', 'flow', 1e4 / 24),
  // steam (boiler) capacity, base t/h; 1 MW thermal ≈ 1.4 t/h is an approximation, so power stays apart
  u('t/h', '蒸吨/小时', 't/h', 'steam', 1),
  // time, base h
  u('h', '小时', 'h', 'time', 1),
  u('d', '天', 'd', 'time', 24),
  // share, base %
  u('%', '百分比', '%', 'share', 1),
  // radioactivity
  u('Bq/g', '贝可/克', 'Bq/g', 'specific-activity', 1),
  u('Bq/kg', '贝可/千克', 'Bq/kg', 'specific-activity', 0.001),
  u('nGy/h', '纳戈瑞/小时', 'nGy/h', 'dose-rate', 1),
  u('uGy/h', '微戈瑞/小时', 'µGy/h', 'dose-rate', 1000),
  // counts that never convert to one another
  u('head', '头', 'head', 'count-head', 1),
  u('bird', '羽', 'birds', 'count-bird', 1),
  u('piece', '个/台/件', 'pieces', 'count-piece', 1),
  u('10kpiece', '万个/万台/万件', '10,000 pieces', 'count-piece', 1e4),
];

export const UNIT_TABLE: CodeTable = { id: 'units', name: { zh: '计量单位', en: 'Units' }, entries: UNITS };
