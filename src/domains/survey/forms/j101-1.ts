// J101-1 污水处理厂基本情况. Designed after the 集中式 records of census-facts §2 (operator,
// category, rural flag, capacity, population served).
import { REF_DATE, bool, code, date, dec, formRule, int, text } from './build.ts';
import { footer, identity, place } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const J101_1: FormDefinition = {
  code: 'J101-1',
  version: 1,
  title: { zh: '污水处理厂基本情况', en: 'Wastewater plant: basic information' },
  fields: [
    ...identity(),
    code('plantKind', '污水处理厂类型', 'Plant type', 'plant-kinds', { required: true }),
    ...place('厂区位置', 'Plant location'),
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
