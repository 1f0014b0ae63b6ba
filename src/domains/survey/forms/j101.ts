// J101-1/-2/-3 污水处理厂: basic information, operation and monitoring. Designed after the
// 集中式 records of census-facts §2 (operator, category, rural flag, capacity, population
// served) and the usual operation ledger (water treated, energy, sludge, influent and effluent).
import { REF_DATE, bool, code, coords, date, dec, formRule, group, int, text } from './build.ts';
import { concentrationRows, footer, identity } from './fragments.ts';
import { monitoringRules, outletMonitoring } from './monitoring.ts';
import type { FormDefinition } from './types.ts';

export const J101_1: FormDefinition = {
  code: 'J101-1',
  version: 1,
  title: { zh: '污水处理厂基本情况', en: 'Wastewater plant: basic information' },
  fields: [
    ...identity(),
    code('plantKind', '污水处理厂类型', 'Plant type', 'plant-kinds', { required: true }),
    code('regionCode', '区划代码', 'Region code', 'region', { required: true }),
    text('address', '详细地址', 'Address', { required: true, maxLength: 200 }),
    coords('location', '厂区位置', 'Plant location', { required: true }),
    date('startedOn', '投运时间', 'In operation since', { required: true, min: '1950-01-01', max: REF_DATE }),
    dec('designCapacity', '设计处理能力', 'Design capacity', { unit: 'm3/d', decimals: 0, required: true, max: 1e7 }),
    code('process', '主体处理工艺', 'Main process', 'treatments', { required: true }),
    text('effluentStandard', '执行排放标准及级别', 'Effluent standard and grade', { required: true, maxLength: 60, hint: { zh: '如 GB 18918-2002 一级 A', en: 'e.g. GB 18918-2002 class 1A' } }),
    code('receivingWater', '受纳水体类型', 'Receiving water type', 'receiving-waters', { required: true }),
    text('receivingName', '受纳水体名称', 'Receiving water name', { required: true, maxLength: 50 }),
    int('servedPopulation', '服务人口', 'Population served', { max: 3e7 }),
    dec('servedArea', '服务面积', 'Area served', { unit: 'km2', decimals: 2, max: 1e5 }),
    bool('monitored', '是否有进出水监测数据', 'Has influent and effluent monitoring', { required: true }),
    ...footer(),
  ],
  rules: [
    formRule('process-water', 'blocking', 'process', "lookup('treatments', process, 'medium') == 'water'", '主体处理工艺应为废水处理工艺', 'The main process must be a water treatment'),
    formRule('rural-size', 'warning', 'designCapacity', "plantKind != '3' or designCapacity <= 5000", '农村集中式污水处理设施设计能力超过 5000 立方米/日，请核实类型', 'A rural facility above 5,000 m³/d; check the plant type'),
  ],
};

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
    formRule('unique-pollutant', 'blocking', 'pollutant', 'count(filter(quality, it.pollutant == pollutant)) == 1', '同一污染物填了多行', 'The same pollutant is listed twice', { context: 'quality' }),
  ],
};

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
