// G101-2 主要产品、生产工艺基本情况. Product rows after census-facts §3 (product code and name,
// designed and actual annual output, unit); the process rows are designed (name, product made,
// main equipment) so that G106-1 can name the process it accounts.
import { code, dec, formRule, group, int, text, unique } from './build.ts';
import { footer, identity } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const G101_2: FormDefinition = {
  code: 'G101-2',
  version: 1,
  title: { zh: '工业企业主要产品、生产工艺基本情况', en: 'Main products and production processes' },
  fields: [
    ...identity(),
    group('products', '主要产品', 'Main products', [
      text('productCode', '产品代码', 'Product code', { maxLength: 20, hint: { zh: '统计用产品分类目录代码', en: 'code of the statistical product catalogue' } }),
      text('productName', '产品名称', 'Product name', { required: true, maxLength: 100 }),
      code('unit', '计量单位', 'Unit', 'units', { required: true }),
      dec('designCapacity', '设计生产能力', 'Design capacity', { unitField: 'unit', decimals: 3, max: 1e10 }),
      dec('actualOutput', '实际产量', 'Actual output in 2017', { unitField: 'unit', decimals: 3, max: 1e10, required: true }),
    ], { minRows: 1, maxRows: 200 }),
    group('processes', '主要生产工艺', 'Main processes', [
      text('processName', '生产工艺名称', 'Process', { required: true, maxLength: 100 }),
      text('productName', '对应产品名称', 'Product made', { maxLength: 100 }),
      text('equipment', '主要生产设施', 'Main equipment', { maxLength: 200 }),
      int('equipmentCount', '设施数量', 'Number of units of equipment', { unit: 'piece', max: 10000 }),
    ], { maxRows: 200, designed: true }),
    ...footer(),
  ],
  rules: [
    formRule('over-capacity', 'warning', 'actualOutput', 'designCapacity == null or actualOutput <= designCapacity * 1.2', '实际产量超过设计生产能力 20% 以上（{ratio}%），请核实或说明', 'Output exceeds design capacity by more than 20% ({ratio}%); check it or explain', {
      context: 'products', params: { ratio: 'round(actualOutput / designCapacity * 100, 1)' },
    }),
    unique('products', 'productName', '同一产品名称填了多行，请合并', 'The same product is listed twice; merge the rows'),
    formRule('process-product', 'warning', 'productName', 'productName == null or count(filter(products, it.productName == productName)) > 0', '工艺对应的产品不在主要产品中', 'The process makes a product not listed among the main products', { context: 'processes' }),
  ],
};
