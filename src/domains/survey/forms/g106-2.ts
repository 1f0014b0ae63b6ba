// G106-2 废水监测数据: per outlet, the annual flow and mean concentrations; the load follows
// the monitoring formula of census-facts §4, E(t) = Q(t) × C(mg/L) × 10⁻⁶.
import { dec, int } from './build.ts';
import { concentrationRows, footer, identity } from './fragments.ts';
import { monitoringRules, outletMonitoring } from './monitoring.ts';
import type { FormDefinition } from './types.ts';

export const G106_2: FormDefinition = {
  code: 'G106-2',
  version: 1,
  title: { zh: '工业企业废水监测数据', en: 'Wastewater monitoring data' },
  fields: [
    ...identity(),
    outletMonitoring([
      dec('annualFlow', '年排水量', 'Annual discharge', { unit: 't', decimals: 0, required: true, max: 1e11 }),
      int('dischargeDays', '年排水天数', 'Days discharging', { unit: 'd', max: 365 }),
    ], concentrationRows('mg/L', 'water', [
      dec('load', '排放量', 'Load', { unit: 't', calculate: 'round(annualFlow * concentration * 0.000001, 6)' }),
    ])),
    ...footer(),
  ],
  rules: monitoringRules(),
};
