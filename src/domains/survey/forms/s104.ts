// S104 入河（海）排污口情况. The outfall record follows the field practice of census-facts §9:
// locate, photograph, quick-test, estimate flow, base information; how it was found (三级排查)
// is kept with it.
import { bool, code, coords, date, dec, file, formRule, text } from './build.ts';
import { footer } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const S104: FormDefinition = {
  code: 'S104',
  version: 1,
  title: { zh: '入河（海）排污口情况', en: 'Outfalls to rivers and sea' },
  fields: [
    text('outfallCode', '排污口编码', 'Outfall code', { required: true, maxLength: 30 }),
    text('outfallName', '排污口名称', 'Outfall name', { required: true, maxLength: 100 }),
    code('regionCode', '区划代码', 'Region code', 'region', { required: true }),
    coords('location', '排污口位置', 'Outfall location', { required: true }),
    code('kind', '排污口类型', 'Outfall type', 'outfall-kinds', { required: true }),
    code('setup', '设置方式', 'Structure', 'outfall-setups', { required: true }),
    code('dischargeMode', '排放方式', 'Discharge mode', 'discharge-modes', { required: true }),
    code('receivingWater', '受纳水体类型', 'Receiving water type', 'receiving-waters', { required: true }),
    text('receivingName', '受纳水体名称', 'Receiving water name', { required: true, maxLength: 50 }),
    text('responsibleUnit', '责任主体（排污单位）', 'Responsible unit', { maxLength: 100 }),
    dec('estimatedFlow', '估算日排水量', 'Estimated daily flow', { unit: 'm3/d', decimals: 1, max: 1e7 }),
    code('foundBy', '排查方式', 'How it was found', 'search-levels', { required: true }),
    date('foundOn', '排查日期', 'Found on', { required: true, min: '2017-01-01', max: '2021-12-31' }),
    file('photos', '排污口照片', 'Photos of the outfall', { accept: ['image/jpeg', 'image/png', 'image/webp'], maxFiles: 10, required: true }),
    bool('monitored', '是否开展水质监测', 'Water quality monitored', { required: true }),
    ...footer(),
  ],
  rules: [
    formRule('mode-flow', 'warning', 'estimatedFlow', "dischargeMode != '1' or estimatedFlow > 0", '连续排放的排污口未估算排水量', 'A continuously discharging outfall has no flow estimate'),
  ],
};
