// G102 废水治理与排放情况. Census-facts §3 names only the form; fields are designed like the
// first census's wastewater table and the discharge permits: totals, treatment facilities
// (technology, capacity, days run, volume treated) and outlets (destination, receiving water).
import { code, coords, dec, formRule, group, int, rule, text, unique } from './build.ts';
import { footer, identity } from './fragments.ts';
import type { FormDefinition } from './types.ts';

const toWater = "destination in ['A', 'B']";

export const G102: FormDefinition = {
  code: 'G102',
  version: 1,
  title: { zh: '工业企业废水治理与排放情况', en: 'Wastewater treatment and discharge' },
  fields: [
    ...identity(),
    dec('generated', '工业废水产生量', 'Industrial wastewater generated', { unit: 't', decimals: 0, max: 1e11, required: true }),
    dec('discharged', '工业废水排放量', 'Industrial wastewater discharged', { unit: 't', decimals: 0, max: 1e11, required: true }),
    group('facilities', '废水治理设施', 'Wastewater treatment facilities', [
      text('facilityNo', '设施编号', 'Facility number', { required: true, maxLength: 20 }),
      text('facilityName', '设施名称', 'Facility name', { maxLength: 100 }),
      code('technology', '处理工艺', 'Technology', 'treatments', {
        required: true,
        rules: [rule('water', 'blocking', "lookup('treatments', technology, 'medium') == 'water'", '所选工艺不是废水处理工艺', 'The technology chosen does not treat water')],
      }),
      dec('designCapacity', '设计处理能力', 'Design capacity', { unit: 'm3/d', decimals: 1, required: true, max: 1e7 }),
      int('runDays', '年运行天数', 'Days run in 2017', { unit: 'd', required: true, max: 365 }),
      dec('treated', '年实际处理水量', 'Water treated in 2017', { unit: 't', decimals: 0, required: true, max: 1e11 }),
    ], { maxRows: 100 }),
    group('outlets', '废水排放口', 'Wastewater outlets', [
      text('outletCode', '排放口编号', 'Outlet code', { required: true, maxLength: 20, hint: { zh: '与排污许可证一致，如 DW001', en: 'as in the discharge permit, e.g. DW001' } }),
      text('outletName', '排放口名称', 'Outlet name', { maxLength: 100 }),
      coords('location', '排放口位置', 'Outlet location', { required: true }),
      code('destination', '排水去向', 'Destination', 'discharge-destinations', { required: true }),
      code('receivingWater', '受纳水体类型', 'Receiving water type', 'receiving-waters', { relevant: toWater, required: toWater }),
      text('receivingName', '受纳水体名称', 'Receiving water name', { relevant: toWater, required: toWater, maxLength: 50 }),
      text('receivingUnit', '接纳单位名称', 'Receiving plant or unit', { relevant: "destination in ['E', 'H', 'K']", required: "destination in ['E', 'H', 'K']", maxLength: 100 }),
      dec('outletDischarged', '排放口年排水量', 'Discharged through this outlet', { unit: 't', decimals: 0, required: true, max: 1e11 }),
    ], { maxRows: 50 }),
    ...footer(),
  ],
  rules: [
    formRule('discharged-le-generated', 'warning', 'discharged', 'discharged <= generated * 1.05', '排放量大于产生量（{d} > {g} 吨），请核实或说明（如混入雨水）', 'More discharged than generated ({d} > {g} t); check it or explain (e.g. rainwater)', { params: { d: 'discharged', g: 'generated' } }),
    formRule('outlets-add-up', 'blocking', 'outlets', 'count(outlets) == 0 or abs(sum(outlets.outletDischarged) - discharged) <= max(1, discharged * 0.01)', '各排放口排水量之和（{s} 吨）与工业废水排放量（{d} 吨）不符', 'Outlets add up to {s} t, not the {d} t discharged', { params: { s: 'sum(outlets.outletDischarged)', d: 'discharged' } }),
    formRule('needs-outlet', 'blocking', 'outlets', 'discharged == 0 or count(outlets) > 0', '有废水排放时须填写排放口', 'Wastewater is discharged, so an outlet is required'),
    // Wastewater is counted in t and capacity in m³/d: 1 t is taken as 1 m³.
    formRule('capacity', 'warning', 'treated', 'treated <= designCapacity * runDays * 1.1', '处理水量超过设计能力 × 运行天数，请核实或说明', 'More water treated than capacity × days allows; check it or explain', { context: 'facilities' }),
    unique('outlets', 'outletCode', '排放口编号重复', 'The outlet code is used twice'),
  ],
};
