// G104-1 一般工业固体废物产生与处理利用信息. Designed after the first census and the annual
// statistics (generated, used, disposed, stored, dumped; cumulative storage), one row per kind.
import { code, dec, formRule, group, text } from './build.ts';
import { footer, identity } from './fragments.ts';
import type { FormDefinition } from './types.ts';

const t = (id: string, zh: string, en: string) => dec(id, zh, en, { unit: 't', decimals: 2, max: 1e9 });

export const G104_1: FormDefinition = {
  code: 'G104-1',
  version: 1,
  title: { zh: '工业企业一般工业固体废物产生与处理利用信息', en: 'General industrial solid waste' },
  fields: [
    ...identity(),
    group('wastes', '一般工业固体废物', 'General industrial solid waste', [
      code('kind', '固体废物种类', 'Kind', 'solid-waste-kinds', { required: true }),
      text('name', '名称（其他种类时填写）', 'Name (for "other")', { relevant: "kind == 'SW99'", required: "kind == 'SW99'", maxLength: 50 }),
      dec('generated', '产生量', 'Generated', { unit: 't', decimals: 2, max: 1e9, required: true }),
      t('usedOnSite', '自行综合利用量', 'Used on site'),
      t('disposedOnSite', '自行处置量', 'Disposed of on site'),
      t('sentForUse', '委托综合利用量', 'Sent out for use'),
      t('sentForDisposal', '委托处置量', 'Sent out for disposal'),
      t('stored', '本年贮存量', 'Stored this year'),
      t('dumped', '倾倒丢弃量', 'Dumped'),
      t('fromStock', '其中：利用处置往年贮存量', 'of which from earlier storage'),
      t('cumulativeStock', '历年累计贮存量', 'Cumulative storage'),
      dec('useRate', '综合利用率', 'Use rate', { unit: '%', calculate: 'round(sum(usedOnSite, sentForUse) / (generated + coalesce(fromStock, 0)) * 100, 2)' }),
    ], { minRows: 1, maxRows: 50 }),
    ...footer(),
  ],
  rules: [
    // 产生量 + 利用处置的往年贮存量 = 利用 + 处置 + 贮存 + 倾倒丢弃 (1% tolerance for rounding)
    formRule('balance', 'blocking', 'generated',
      'abs(generated + coalesce(fromStock, 0) - sum(usedOnSite, disposedOnSite, sentForUse, sentForDisposal, stored, dumped, 0)) <= max(0.01, generated * 0.01)',
      '产生量与利用、处置、贮存、倾倒丢弃量不平衡（差 {diff} 吨）', 'Generated does not balance use, disposal, storage and dumping (off by {diff} t)',
      { context: 'wastes', params: { diff: 'round(generated + coalesce(fromStock, 0) - sum(usedOnSite, disposedOnSite, sentForUse, sentForDisposal, stored, dumped, 0), 2)' } }),
    formRule('dumped', 'warning', 'dumped', 'dumped == 0', '有倾倒丢弃量，请核实或说明', 'Waste was dumped; check it or explain', { context: 'wastes' }),
    formRule('unique-kind', 'blocking', 'kind', "kind == 'SW99' or count(filter(wastes, it.kind == kind)) == 1", '同一固体废物种类填了多行', 'The same kind is listed twice', { context: 'wastes' }),
  ],
};
