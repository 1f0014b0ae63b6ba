// 污染物 pollutants the forms account for: the bulletin's ten totals (census-facts §1) plus the
// heavy metals and others the industrial forms carry. Codes are ours (the census software's
// own codes are not public); `medium` says water or air, `unit` the unit amounts are kept in.
import type { CodeEntry, CodeTable } from '../types.ts';

const p = (code: string, zh: string, en: string, medium: 'water' | 'air', unit: string): CodeEntry => ({ code, zh, en, attrs: { medium, unit } });

export const POLLUTANTS: CodeEntry[] = [
  p('COD', '化学需氧量', 'COD', 'water', 't'),
  p('NH3N', '氨氮', 'ammonia nitrogen', 'water', 't'),
  p('TN', '总氮', 'total nitrogen', 'water', 't'),
  p('TP', '总磷', 'total phosphorus', 'water', 't'),
  p('OIL', '石油类', 'petroleum', 'water', 't'),
  p('AVOIL', '动植物油', 'animal and vegetable oils', 'water', 't'),
  p('PHENOL', '挥发酚', 'volatile phenols', 'water', 'kg'),
  p('CN', '氰化物', 'cyanide', 'water', 'kg'),
  p('HG', '总汞', 'mercury', 'water', 'kg'),
  p('CD', '总镉', 'cadmium', 'water', 'kg'),
  p('CR', '总铬', 'chromium', 'water', 'kg'),
  p('CR6', '六价铬', 'hexavalent chromium', 'water', 'kg'),
  p('PB', '总铅', 'lead', 'water', 'kg'),
  p('AS', '总砷', 'arsenic', 'water', 'kg'),
  p('SO2', '二氧化硫', 'sulphur dioxide', 'air', 't'),
  p('NOX', '氮氧化物', 'nitrogen oxides', 'air', 't'),
  p('PM', '颗粒物', 'particulate matter', 'air', 't'),
  p('VOCS', '挥发性有机物', 'VOCs', 'air', 't'),
  p('NH3', '氨', 'ammonia', 'air', 't'),
  p('HG_AIR', '汞及其化合物', 'mercury and compounds (air)', 'air', 'kg'),
  p('PB_AIR', '铅及其化合物', 'lead and compounds (air)', 'air', 'kg'),
];

export const POLLUTANT_TABLE: CodeTable = { id: 'pollutants', name: { zh: '污染物', en: 'Pollutants' }, entries: POLLUTANTS };
