// Y102 加油站油气回收情况. Designed after the filling-station items of the vapour-recovery
// standard GB 20952 (stages I and II, processing unit, online monitoring), with tanks and sales,
// from which the accounting derives evaporation losses.
import { REF_DATE, bool, code, date, dec, formRule, group, int, text, unique } from './build.ts';
import { footer, identity, place } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const Y102: FormDefinition = {
  code: 'Y102',
  version: 1,
  title: { zh: '加油站油气回收情况', en: 'Filling station vapour recovery' },
  fields: [
    ...identity(),
    code('owner', '所属企业类型', 'Owner', 'station-owners', { required: true }),
    ...place('加油站位置', 'Station location'),
    date('openedOn', '开业时间', 'Opened', { min: '1950-01-01', max: REF_DATE }),
    group('tanks', '储罐', 'Tanks', [
      text('tankNo', '储罐编号', 'Tank number', { required: true, maxLength: 20 }),
      code('kind', '储罐类型', 'Tank type', 'tank-kinds', { required: true }),
      code('product', '储存油品', 'Product stored', 'oil-products', { required: true }),
      dec('volume', '容积', 'Volume', { unit: 'm3', decimals: 1, required: true, max: 500, warnMax: 100 }),
    ], { minRows: 1, maxRows: 50 }),
    int('nozzles', '加油枪数量', 'Nozzles', { unit: 'piece', required: true, max: 500 }),
    group('sales', '年销售量', 'Sales in 2017', [
      code('product', '油品', 'Product', 'oil-products', { required: true }),
      dec('amount', '销售量', 'Sold', { unit: 't', decimals: 2, required: true, max: 1e6, warnMax: 50000 }),
    ], { minRows: 1, maxRows: 5 }),
    code('recovery', '油气回收设施', 'Vapour recovery in place', 'vapour-recovery', { multiple: true, required: true }),
    bool('recoveryTested', '是否开展油气回收检测', 'Vapour recovery tested in 2017', { required: true }),
    ...footer(),
  ],
  rules: [
    formRule('stage-1-2', 'warning', 'recovery', "selected(recovery, '1') and selected(recovery, '2')", '未同时具备一、二阶段油气回收，请核实或说明', 'Stages I and II are not both in place; check it or explain'),
    formRule('sold-stored', 'warning', 'product', 'count(filter(tanks, it.product == product)) > 0', '销售的油品没有对应储罐', 'A product is sold but no tank holds it', { context: 'sales' }),
    unique('tanks', 'tankNo', '储罐编号重复', 'The tank number is used twice'),
    unique('sales', 'product', '同一油品填了多行', 'The same product is listed twice'),
  ],
};
