// G101-3 主要原辅材料使用、能源消耗基本情况. Materials and energy after the entities of
// census-facts §3 (material name, code, planned and actual use, unit, category; energy code,
// consumption, unit, use for power and heat, NCV, as-received sulphur and ash, dry ash-free
// volatiles, use as feedstock; water: total, fresh, recycled, self-supplied).
import { bool, code, dec, formRule, group, text, unique } from './build.ts';
import { footer, identity } from './fragments.ts';
import type { FormRule, FormDefinition } from './types.ts';

/** A fuel property checked against the fuel table: physical bounds block, the usual range warns. */
const bounded = (field: string, zh: string, en: string): FormRule[] => [
  formRule(`${field}-physical`, 'blocking', field, `between(${field}, lookup('fuels', fuelCode, '${field}Min'), lookup('fuels', fuelCode, '${field}Max'))`,
    `${zh}（{value}）超出该燃料的物理可能范围 {min}–{max}`, `${en} ({value}) is outside what this fuel can have, {min}–{max}`,
    { context: 'fuels', params: { value: field, min: `lookup('fuels', fuelCode, '${field}Min')`, max: `lookup('fuels', fuelCode, '${field}Max')` } }),
  formRule(`${field}-typical`, 'warning', field, `between(${field}, lookup('fuels', fuelCode, '${field}TypMin'), lookup('fuels', fuelCode, '${field}TypMax'))`,
    `${zh}（{value}）不在该燃料的通常范围 {min}–{max}，请核实或说明`, `${en} ({value}) is outside the usual {min}–{max} for this fuel; check it or explain`,
    { context: 'fuels', params: { value: field, min: `lookup('fuels', fuelCode, '${field}TypMin')`, max: `lookup('fuels', fuelCode, '${field}TypMax')` } }),
];

const solid = "lookup('fuels', fuelCode, 'gas') == false";

export const G101_3: FormDefinition = {
  code: 'G101-3',
  version: 1,
  title: { zh: '工业企业主要原辅材料使用、能源消耗基本情况', en: 'Raw and auxiliary materials, energy use' },
  fields: [
    ...identity(),
    group('materials', '主要原辅材料', 'Main raw and auxiliary materials', [
      text('materialCode', '原辅材料代码', 'Material code', { maxLength: 20 }),
      text('materialName', '原辅材料名称', 'Material', { required: true, maxLength: 100 }),
      code('category', '类别', 'Category', 'material-categories', { required: true }),
      code('unit', '计量单位', 'Unit', 'units', { required: true }),
      dec('plannedUse', '设计使用量', 'Planned use', { unitField: 'unit', decimals: 3, max: 1e10 }),
      dec('actualUse', '实际使用量', 'Actual use in 2017', { unitField: 'unit', decimals: 3, max: 1e10, required: true }),
    ], { maxRows: 300 }),
    group('fuels', '能源消耗', 'Energy use', [
      code('fuelCode', '能源名称', 'Fuel', 'fuels', { required: true }),
      code('unit', '计量单位', 'Unit', 'units', {
        required: true,
        rules: [{ id: 'unit-fits', severity: 'blocking', assert: "convert(1, unit, lookup('fuels', fuelCode, 'unit')) != null", message: { zh: '计量单位与该能源不符（固液体用质量，气体用体积）', en: 'The unit does not fit this fuel (mass for solids and liquids, volume for gases)' } }],
      }),
      dec('consumption', '消耗量', 'Consumption', { unitField: 'unit', decimals: 3, max: 1e10, required: true }),
      dec('forPower', '其中：发电用', 'of which for power', { unitField: 'unit', decimals: 3, max: 1e10 }),
      dec('forHeat', '其中：供热用', 'of which for heat supply', { unitField: 'unit', decimals: 3, max: 1e10 }),
      dec('asFeedstock', '其中：作为原料', 'of which as feedstock', { unitField: 'unit', decimals: 3, max: 1e10 }),
      dec('ncv', '低位发热量', 'Net calorific value', { decimals: 2, max: 60, required: true, hint: { zh: '固液体 MJ/kg，气体 MJ/m³', en: 'MJ/kg, or MJ/m³ for gases' } }),
      dec('sulphur', '收到基硫分', 'Sulphur, as received', { unit: '%', decimals: 3, max: 100, relevant: solid, required: solid }),
      dec('ash', '收到基灰分', 'Ash, as received', { unit: '%', decimals: 2, max: 100, relevant: `${solid} and lookup('fuels', fuelCode, 'ashMax') != null` }),
      dec('volatiles', '干燥无灰基挥发分', 'Volatiles, dry ash-free', { unit: '%', decimals: 2, max: 100, relevant: "fuelCode in ['01', '02', '03', '04']" }),
      dec('energyGJ', '折合热量', 'Energy content', {
        unit: 'GJ',
        calculate: "if(lookup('fuels', fuelCode, 'gas'), convert(consumption, unit, 'm3') * ncv / 1000, convert(consumption, unit, 'kg') * ncv / 1000)",
      }),
    ], { maxRows: 50 }),
    dec('electricity', '用电量', 'Electricity used', { unit: '10kkWh', decimals: 2, max: 1e8, required: true }),
    dec('tapWater', '取水量：自来水', 'Water intake: tap water', { unit: 't', decimals: 0, max: 1e11 }),
    dec('selfSupplied', '取水量：自备水', 'Water intake: self-supplied', { unit: 't', decimals: 0, max: 1e11 }),
    dec('otherWater', '取水量：其他（含再生水）', 'Water intake: other (incl. reclaimed)', { unit: 't', decimals: 0, max: 1e11 }),
    dec('intakeTotal', '取水总量', 'Total water intake', { unit: 't', calculate: 'sum(tapWater, selfSupplied, otherWater)' }),
    dec('recycledWater', '重复用水量', 'Recycled water', { unit: 't', decimals: 0, max: 1e12 }),
    dec('reuseRate', '水重复利用率', 'Water reuse rate', { unit: '%', calculate: 'round(recycledWater / (recycledWater + intakeTotal) * 100, 2)' }),
    bool('hasSelfWell', '是否有自备水源', 'Has its own water source', { designed: true }),
    ...footer(),
  ],
  rules: [
    formRule('uses-within', 'blocking', 'consumption', 'sum(forPower, forHeat, asFeedstock) <= consumption', '发电、供热和原料用量之和（{parts}）超过消耗量', 'Power, heat and feedstock use ({parts}) exceed consumption', {
      context: 'fuels', params: { parts: 'sum(forPower, forHeat, asFeedstock)' },
    }),
    ...bounded('ncv', '低位发热量', 'Net calorific value'),
    ...bounded('sulphur', '收到基硫分', 'Sulphur'),
    ...bounded('ash', '收到基灰分', 'Ash'),
    unique('fuels', 'fuelCode', '同一能源填了多行，请合并', 'The same fuel is listed twice; merge the rows'),
    formRule('self-well', 'warning', 'selfSupplied', 'hasSelfWell != false or selfSupplied == null or selfSupplied == 0', '无自备水源，却填了自备水取水量', 'Self-supplied water is reported without an own water source'),
  ],
};
