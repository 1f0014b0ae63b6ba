// G104-2 危险废物产生与处理利用信息. Designed after the 2016 national list (category and 8-digit
// waste code) and the hazardous-waste management ledgers: stock at the start and end of 2017,
// generated, used and disposed on site, sent to licensed units.
import { code, dec, formRule, group, text } from './build.ts';
import { footer, identity } from './fragments.ts';
import type { FormDefinition } from './types.ts';

const t = (id: string, zh: string, en: string) => dec(id, zh, en, { unit: 't', decimals: 3, max: 1e8 });

export const G104_2: FormDefinition = {
  code: 'G104-2',
  version: 1,
  title: { zh: '工业企业危险废物产生与处理利用信息', en: 'Hazardous waste' },
  fields: [
    ...identity(),
    group('wastes', '危险废物', 'Hazardous waste', [
      code('category', '危险废物类别', 'Category', 'hazardous-waste-categories', { required: true }),
      text('wasteCode', '危险废物代码', 'Waste code', { required: true, format: 'waste-code', hint: { zh: '如 900-041-49', en: 'e.g. 900-041-49' } }),
      text('name', '危险废物名称', 'Name', { maxLength: 100 }),
      t('stockStart', '上年末贮存量', 'Stock at the end of 2016'),
      dec('generated', '产生量', 'Generated', { unit: 't', decimals: 3, max: 1e8, required: true }),
      t('usedOnSite', '自行综合利用量', 'Used on site'),
      t('disposedOnSite', '自行处置量', 'Disposed of on site'),
      t('sentOut', '送持证单位量', 'Sent to licensed units'),
      text('recipient', '接收单位名称', 'Receiving unit', { relevant: 'sentOut > 0', required: 'sentOut > 0', maxLength: 100 }),
      text('recipientLicence', '接收单位经营许可证号', 'Receiving unit licence', { relevant: 'sentOut > 0', maxLength: 40 }),
      t('stockEnd', '本年末贮存量', 'Stock at the end of 2017'),
    ], { minRows: 1, maxRows: 100 }),
    ...footer(),
  ],
  rules: [
    formRule('balance', 'blocking', 'stockEnd',
      'abs(coalesce(stockStart, 0) + generated - sum(usedOnSite, disposedOnSite, sentOut, stockEnd, 0)) <= max(0.001, generated * 0.01)',
      '上年末贮存 + 产生 ≠ 利用 + 处置 + 外送 + 年末贮存（差 {diff} 吨）', 'Opening stock + generated ≠ used + disposed + sent out + closing stock (off by {diff} t)',
      { context: 'wastes', params: { diff: 'round(coalesce(stockStart, 0) + generated - sum(usedOnSite, disposedOnSite, sentOut, stockEnd, 0), 3)' } }),
    formRule('code-category', 'blocking', 'wasteCode', "endsWith(wasteCode, '-' + substr(category, 2))", '危险废物代码的末两位应与类别一致（如 HW49 → …-49）', 'The waste code must end in its category number (HW49 → …-49)', { context: 'wastes' }),
    formRule('long-storage', 'warning', 'stockEnd', 'stockEnd <= generated', '年末贮存量超过全年产生量（贮存一般不超过一年），请核实或说明', 'Closing stock exceeds a year of generation (storage is normally under a year); check it or explain', { context: 'wastes' }),
  ],
};
