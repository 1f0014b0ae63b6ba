// J101-2 污水处理厂运行情况. Designed after the usual operation ledger: water treated, energy,
// sludge and its disposal, influent and effluent quality (from which removed and discharged
// loads are calculated).
import { code, dec, formRule, group, int, unique } from './build.ts';
import { footer, identity } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const J101_2: FormDefinition = {
  code: 'J101-2',
  version: 1,
  title: { zh: '污水处理厂运行情况', en: 'Wastewater plant: operation' },
  fields: [
    ...identity(),
    int('runDays', '年运行天数', 'Days run in 2017', { unit: 'd', required: true, max: 365 }),
    dec('treated', '污水实际处理量', 'Wastewater treated', { unit: '10km3', decimals: 2, required: true, max: 1e6 }),
    dec('reclaimed', '再生水利用量', 'Reclaimed water used', { unit: '10km3', decimals: 2, max: 1e6 }),
    dec('electricity', '用电量', 'Electricity used', { unit: '10kkWh', decimals: 2, max: 1e6 }),
    dec('sludge', '污泥产生量（干重）', 'Sludge generated (dry)', { unit: 't', decimals: 1, required: true, max: 1e7 }),
    group('sludgeRoutes', '污泥处置', 'Sludge disposal', [
      code('route', '处置方式', 'Route', 'sludge-routes', { required: true }),
      dec('amount', '处置量（干重）', 'Amount (dry)', { unit: 't', decimals: 1, required: true, max: 1e7 }),
    ], { maxRows: 6 }),
    group('quality', '进出水水质（年均）', 'Influent and effluent (annual mean)', [
      code('pollutant', '污染物', 'Pollutant', 'pollutants', { required: true }),
      dec('influent', '进水浓度', 'Influent', { unit: 'mg/L', decimals: 2, required: true, max: 1e5 }),
      dec('effluent', '出水浓度', 'Effluent', { unit: 'mg/L', decimals: 3, required: true, max: 1e5 }),
      // 万m³ × mg/L: 1 万m³ = 10⁷ L, so mg → t is × 10⁷ ÷ 10⁹ = × 0.01
      dec('removed', '削减量', 'Removed', { unit: 't', calculate: "round(convert(treated, '10km3', 'L') * (influent - effluent) / 1000000000, 4)" }),
      dec('discharged', '排放量', 'Discharged', { unit: 't', calculate: "round(convert(treated, '10km3', 'L') * effluent / 1000000000, 4)" }),
    ], { minRows: 1, maxRows: 20 }),
    ...footer(),
  ],
  rules: [
    formRule('effluent-lower', 'warning', 'effluent', 'effluent <= influent', '出水浓度高于进水浓度，请核实或说明', 'Effluent is more concentrated than influent; check it or explain', { context: 'quality' }),
    formRule('sludge-routes', 'blocking', 'sludgeRoutes', 'count(sludgeRoutes) == 0 or sum(sludgeRoutes.amount) <= sludge * 1.01', '污泥处置量之和超过污泥产生量', 'More sludge disposed of than generated'),
    unique('quality', 'pollutant', '同一污染物填了多行', 'The same pollutant is listed twice'),
  ],
};
