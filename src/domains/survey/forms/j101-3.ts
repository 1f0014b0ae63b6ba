// J101-3 污水处理厂污水监测数据: the monitoring block of G106-2, for the plant's outlet.
import { dec } from './build.ts';
import { concentrationRows, footer, identity } from './fragments.ts';
import { monitoringRules, outletMonitoring } from './monitoring.ts';
import type { FormDefinition } from './types.ts';

export const J101_3: FormDefinition = {
  code: 'J101-3',
  version: 1,
  title: { zh: '污水处理厂污水监测数据', en: 'Wastewater plant: monitoring' },
  fields: [
    ...identity(),
    outletMonitoring([
      dec('annualFlow', '年排水量', 'Annual discharge', { unit: 't', decimals: 0, required: true, max: 1e11 }),
    ], concentrationRows('mg/L', 'water', [
      dec('load', '排放量', 'Load', { unit: 't', calculate: 'round(annualFlow * concentration * 0.000001, 6)' }),
    ])),
    ...footer(),
  ],
  rules: monitoringRules(),
};
