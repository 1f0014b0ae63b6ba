// G103-11 含挥发性有机物原辅材料使用信息. Designed (census-facts §3 names only the form): per
// material, amount used and VOC content give the VOCs it carries; capture and treatment
// efficiency give what reaches the air — the mass-balance way the handbook treats solvents.
import { code, dec, formRule, group, text } from './build.ts';
import { footer, identity } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const G103_11: FormDefinition = {
  code: 'G103-11',
  version: 1,
  title: { zh: '工业企业含挥发性有机物原辅材料使用信息', en: 'Use of VOC-containing materials' },
  fields: [
    ...identity(),
    group('materials', '含VOCs原辅材料', 'VOC-containing materials', [
      code('kind', '材料类别', 'Kind', 'voc-materials', { required: true }),
      text('materialName', '材料名称（牌号）', 'Material (brand)', { required: true, maxLength: 100 }),
      dec('used', '使用量', 'Used in 2017', { unit: 't', decimals: 3, required: true, max: 1e8 }),
      dec('vocContent', 'VOCs 含量', 'VOC content', { unit: '%', decimals: 2, required: true, max: 100, warnMin: 1 }),
      dec('vocCarried', 'VOCs 带入量', 'VOCs carried in', { unit: 't', calculate: 'round(used * vocContent / 100, 4)' }),
      dec('captureRate', '收集效率', 'Capture efficiency', { unit: '%', decimals: 1, max: 100 }),
      code('treatment', '末端治理工艺', 'End-of-pipe treatment', 'treatments', { relevant: 'captureRate > 0' }),
      dec('treatmentEfficiency', '治理效率', 'Treatment efficiency', { unit: '%', decimals: 1, max: 100, relevant: 'present(treatment)', required: 'present(treatment)' }),
      dec('recovered', '回收量', 'Recovered', { unit: 't', decimals: 3, max: 1e8 }),
      dec('emitted', 'VOCs 排放量', 'VOCs emitted', {
        unit: 't',
        calculate: 'round(max(0, vocCarried - coalesce(recovered, 0)) * (1 - coalesce(captureRate, 0) / 100 * coalesce(treatmentEfficiency, 0) / 100), 4)',
      }),
    ], { minRows: 1, maxRows: 300 }),
    ...footer(),
  ],
  rules: [
    formRule('voc-tech', 'blocking', 'treatment', "startsWith(treatment, 'V', 'A99')", '所选工艺不是 VOCs 治理工艺', 'The technology chosen does not treat VOCs', { context: 'materials' }),
    formRule('recovered-le-carried', 'blocking', 'recovered', 'recovered <= vocCarried', '回收量大于 VOCs 带入量', 'More recovered than the VOCs carried in', { context: 'materials' }),
  ],
};
