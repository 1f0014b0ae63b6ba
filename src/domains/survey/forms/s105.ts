// S105 入河（海）排污口水质监测数据: a sample taken at the outfall of S104 and its results.
import { date, dec, formRule, text } from './build.ts';
import { concentrationRows, footer } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const S105: FormDefinition = {
  code: 'S105',
  version: 1,
  title: { zh: '入河（海）排污口水质监测数据', en: 'Outfall water-quality monitoring' },
  fields: [
    text('outfallCode', '排污口编码', 'Outfall code', { required: true, maxLength: 30 }),
    date('sampledOn', '采样日期', 'Sampled on', { required: true, min: '2017-01-01', max: '2021-12-31' }),
    dec('flow', '监测时排水量', 'Flow when sampled', { unit: 'm3/d', decimals: 1, max: 1e7 }),
    concentrationRows('mg/L', 'water'),
    ...footer(),
  ],
  rules: [
    formRule('over-limit', 'warning', 'concentration', 'limit == null or concentration <= limit', '浓度（{c}）超过限值（{l}），请核实或说明', 'Concentration ({c}) exceeds the limit ({l}); check it or explain', { context: 'results', params: { c: 'concentration', l: 'limit' } }),
  ],
};
