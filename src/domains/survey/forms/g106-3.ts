// G106-3 废气监测数据: per outlet, standard flow, hours and mean concentrations; the load follows
// census-facts §4: concentration (mg/m³) × standard flow (m³/h) × hours × 10⁻⁹ = t.
import { YEAR_HOURS, dec, int } from './build.ts';
import { concentrationRows, footer, identity } from './fragments.ts';
import { monitoringRules, outletMonitoring } from './monitoring.ts';
import type { FormDefinition } from './types.ts';

export const G106_3: FormDefinition = {
  code: 'G106-3',
  version: 1,
  title: { zh: '工业企业废气监测数据', en: 'Waste-gas monitoring data' },
  fields: [
    ...identity(),
    outletMonitoring([
      dec('flow', '标态烟气流量', 'Flue-gas flow (standard)', { unit: 'm3/h', decimals: 0, required: true, max: 1e8, warnMax: 5e6 }),
      int('hours', '年排放时间', 'Hours emitting', { unit: 'h', required: true, max: YEAR_HOURS }),
      dec('oxygen', '基准氧含量', 'Reference oxygen', { unit: '%', decimals: 1, max: 21 }),
    ], concentrationRows('mg/m3', 'air', [
      dec('load', '排放量', 'Load', { unit: 't', calculate: 'round(concentration * flow * hours * 0.000000001, 6)' }),
    ])),
    ...footer(),
  ],
  rules: monitoringRules(),
};
