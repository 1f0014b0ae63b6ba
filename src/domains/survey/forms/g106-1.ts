// G106-1 污染物产排污系数核算信息: one row per outlet × accounting step × pollutant, with the
// inputs of census-facts §4 (activity level and unit, generation coefficient, the parameter in
// it such as sulphur content, treatment technology, removal efficiency, up to 3 operating
// parameters, the permit report's figure). Generated and emitted amounts are calculated:
//   generated = coefficient × activity (× parameter, when the coefficient is per % of it)
//   emitted   = generated × (1 − η·k)          [unverified formula, census-facts §4]
import { code, dec, formRule, group, text } from './build.ts';
import { footer, identity } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const G106_1: FormDefinition = {
  code: 'G106-1',
  version: 1,
  title: { zh: '工业企业污染物产排污系数核算信息', en: 'Emission accounting by coefficients' },
  fields: [
    ...identity(),
    group('rows', '核算信息', 'Accounting rows', [
      text('outletCode', '排放口编号', 'Outlet code', { required: true, maxLength: 20 }),
      text('step', '核算环节', 'Accounting step', { required: true, maxLength: 50, hint: { zh: '如 锅炉、印染工序', en: 'e.g. boiler, dyeing' } }),
      code('activityKind', '活动水平类型', 'Activity kind', 'activity-kinds', { required: true }),
      text('productName', '产品名称', 'Product', { relevant: "activityKind == 'product'", required: "activityKind == 'product'", maxLength: 100 }),
      text('materialName', '原料名称', 'Raw material', { relevant: "activityKind == 'material'", required: "activityKind == 'material'", maxLength: 100 }),
      code('fuelCode', '燃料', 'Fuel', 'fuels', { relevant: "activityKind == 'fuel'", required: "activityKind == 'fuel'" }),
      text('process', '生产工艺', 'Process', { maxLength: 100 }),
      text('scale', '生产规模等级', 'Scale grade', { maxLength: 50 }),
      code('activityUnit', '活动水平单位', 'Activity unit', 'units', { required: true }),
      dec('activity', '活动水平', 'Activity level', { unitField: 'activityUnit', decimals: 3, required: true, max: 1e10 }),
      code('pollutant', '污染物', 'Pollutant', 'pollutants', { required: true }),
      dec('genCoefficient', '产污系数', 'Generation coefficient', { decimals: 6, required: true, max: 1e6, hint: { zh: '千克/活动水平单位', en: 'kg per activity unit' } }),
      dec('parameter', '系数中参数取值', 'Parameter in the coefficient', { decimals: 4, max: 1e6, hint: { zh: '如硫分 S、灰分 A（%）', en: 'e.g. sulphur S or ash A (%)' } }),
      dec('generated', '产生量', 'Generated', { unit: 't', calculate: 'round(genCoefficient * activity * coalesce(parameter, 1) / 1000, 6)' }),
      code('treatment', '污染治理技术', 'Treatment technology', 'treatments'),
      dec('efficiency', '平均去除效率', 'Mean removal efficiency', { unit: '%', decimals: 2, max: 100, relevant: 'present(treatment)', required: 'present(treatment)' }),
      group('opParams', '治理设施实际运行参数', 'Operating parameters', [
        text('name', '参数名称', 'Parameter', { required: true, maxLength: 50 }),
        dec('value', '参数值', 'Value', { required: true, decimals: 4, max: 1e9, hint: { zh: '单位填在“参数单位”', en: 'in the unit given beside it' } }),
        text('unitText', '参数单位', 'Unit', { maxLength: 20 }),
      ], { maxRows: 3, relevant: 'present(treatment)' }),
      dec('kFactor', '实际运行率 k', 'Operation factor k', { decimals: 3, max: 1, hint: { zh: '0–1，按手册由实际运行参数确定', en: '0–1, from the operating parameters by the handbook' }, relevant: 'present(treatment)', required: 'present(treatment)' }),
      dec('emitted', '排放量', 'Emitted', { unit: 't', calculate: 'round(generated * (1 - coalesce(efficiency, 0) / 100 * coalesce(kFactor, 0)), 6)' }),
      dec('permitReported', '排污许可执行报告排放量', 'Emission in the permit report', { unit: 't', decimals: 4, max: 1e8 }),
    ], { minRows: 1, maxRows: 500 }),
    ...footer(),
  ],
  rules: [
    formRule('tech-treats', 'blocking', 'treatment', "contains(lookup('treatments', treatment, 'removes'), pollutant)",
      '所选治理技术不去除该污染物', 'The technology chosen does not remove this pollutant', { context: 'rows' }),
    formRule('eta-usual', 'warning', 'efficiency', "between(efficiency, lookup('treatments', treatment, 'etaMin'), lookup('treatments', treatment, 'etaMax'))",
      '去除效率不在该技术的通常范围（{min}–{max}%），请核实或说明', 'Removal efficiency outside the usual {min}–{max}% of this technology; check it or explain',
      { context: 'rows', params: { min: "lookup('treatments', treatment, 'etaMin')", max: "lookup('treatments', treatment, 'etaMax')" } }),
    formRule('k-low', 'warning', 'kFactor', 'kFactor >= 0.5', '实际运行率低于 0.5，请说明治理设施运行情况', 'Operation factor below 0.5; explain how the facility ran', { context: 'rows' }),
    formRule('permit-agrees', 'warning', 'permitReported', 'permitReported == null or abs(emitted - permitReported) <= max(0.001, permitReported * 0.3)',
      '核算排放量（{e} 吨）与排污许可执行报告（{p} 吨）相差 30% 以上，请核实或说明', 'Accounted emission ({e} t) and the permit report ({p} t) differ by more than 30%; check or explain',
      { context: 'rows', params: { e: 'emitted', p: 'permitReported' } }),
  ],
};
