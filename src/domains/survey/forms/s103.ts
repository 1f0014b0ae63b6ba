// S103 非工业企业单位锅炉污染及防治情况: boilers of schools, hospitals, hotels and district
// heating (the domestic-boiler records of census-facts §2: owner unit, coordinates, number of
// boilers). Each boiler row is the one G103-1 uses.
import { code, formRule, group, text, unique } from './build.ts';
import { boilerRow, footer, place } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const S103: FormDefinition = {
  code: 'S103',
  version: 1,
  title: { zh: '非工业企业单位锅炉污染及防治情况', en: 'Boilers of non-industrial units' },
  fields: [
    text('unitName', '锅炉使用单位名称', 'Owner unit', { required: true, maxLength: 100 }),
    text('creditCode', '统一社会信用代码', 'Unified social credit code', { format: 'credit-code' }),
    code('ownerKind', '单位类型', 'Owner type', 'boiler-owners', { required: true }),
    ...place('锅炉房位置', 'Boiler house location'),
    group('boilers', '锅炉', 'Boilers', boilerRow(), { minRows: 1, maxRows: 100 }),
    ...footer(),
  ],
  rules: [
    unique('boilers', 'boilerNo', '锅炉编号重复', 'The boiler number is used twice'),
    formRule('heating-hours', 'warning', 'runHours', "use != '4' or runHours <= 4000", '供暖锅炉年运行超过 4000 小时，请核实或说明', 'A heating boiler ran more than 4,000 h; check it or explain', { context: 'boilers' }),
  ],
};
