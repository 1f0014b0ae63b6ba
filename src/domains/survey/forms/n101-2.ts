// N101-2 规模畜禽养殖场养殖规模与粪污处理情况: herds per species against the scale thresholds,
// and the usual manure questions (how it is removed, stored and used). Designed.
import { code, dec, formRule, group, int, text, unique } from './build.ts';
import { footer } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const N101_2: FormDefinition = {
  code: 'N101-2',
  version: 1,
  title: { zh: '规模畜禽养殖场养殖规模与粪污处理情况', en: 'Livestock farm: herd and manure treatment' },
  fields: [
    text('farmName', '养殖场名称', 'Farm name', { required: true, maxLength: 100 }),
    group('herds', '养殖规模', 'Herds', [
      code('species', '畜禽种类', 'Species', 'livestock-species', { required: true }),
      int('stock', '年末存栏量', 'Stock at year end', { required: true, max: 1e8 }),
      int('sold', '全年出栏量', 'Sold or slaughtered in 2017', { required: true, max: 1e9 }),
      code('cleaning', '清粪方式', 'Manure removal', 'cleaning-methods', { required: true }),
    ], { minRows: 1, maxRows: 5 }),
    code('manureRoutes', '粪污处理利用方式', 'Manure treatment and use', 'manure-routes', { multiple: true, required: true }),
    dec('storageVolume', '粪污贮存设施容积', 'Manure storage volume', { unit: 'm3', decimals: 0, max: 1e7 }),
    dec('digesterVolume', '沼气池容积', 'Biogas digester volume', { unit: 'm3', decimals: 0, max: 1e7, relevant: "selected(manureRoutes, '2')", required: "selected(manureRoutes, '2')" }),
    dec('fieldArea', '配套消纳用地面积', 'Land for spreading', { unit: 'mu', decimals: 1, max: 1e7, relevant: "selected(manureRoutes, '4')", required: "selected(manureRoutes, '4')" }),
    dec('useRate', '粪污综合利用率', 'Manure use rate', { unit: '%', decimals: 1, max: 100, required: true, warnMin: 50 }),
    ...footer(),
  ],
  rules: [
    unique('herds', 'species', '同一畜禽种类填了多行', 'The same species is listed twice'),
    formRule('scale', 'warning', 'species',
      "if(lookup('livestock-species', species, 'basis') == 'sold', sold, stock) >= lookup('livestock-species', species, 'threshold')",
      '未达到规模养殖标准（{basis} ≥ {threshold}），可能应填报 N202，请核实或说明', 'Below the scale threshold ({basis} ≥ {threshold}); the farm may belong on N202; check it or explain',
      { context: 'herds', params: { basis: "if(lookup('livestock-species', species, 'basis') == 'sold', '出栏/sold', '存栏/stock')", threshold: "lookup('livestock-species', species, 'threshold')" } }),
    formRule('digester-only', 'warning', 'storageVolume', 'present(storageVolume) or not selected(manureRoutes, \'5\')', '选择了贮存方式但未填贮存设施容积', 'Storage is chosen but no storage volume is given'),
  ],
};
