// G103-1 锅炉/燃气轮机废气治理与排放情况: one row per boiler or turbine. Census-facts §3 lists
// the waste-gas facility's name, outlet, design capacity and daily running hours; the rest
// (fuel, the three treatment stages, stack) is designed after the boiler tables of the
// discharge permits.
import { bool, formRule, group, text, unique } from './build.ts';
import { boilerRow, footer, identity } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const G103_1: FormDefinition = {
  code: 'G103-1',
  version: 1,
  title: { zh: '工业企业锅炉/燃气轮机废气治理与排放情况', en: 'Boilers and gas turbines: waste gas' },
  fields: [
    ...identity(),
    group('boilers', '锅炉/燃气轮机', 'Boilers and gas turbines', boilerRow([
      text('outletCode', '对应排放口编号', 'Outlet code', { required: true, maxLength: 20, hint: { zh: '如 DA001', en: 'e.g. DA001' } }),
      bool('autoMonitor', '是否安装自动监测', 'Automatic monitoring installed', { required: true }),
    ]), { minRows: 1, maxRows: 500 }),
    ...footer(),
  ],
  rules: [
    unique('boilers', 'boilerNo', '锅炉编号重复', 'The boiler number is used twice'),
    formRule('fuel-unit', 'blocking', 'fuelUnit', "convert(1, fuelUnit, lookup('fuels', fuelCode, 'unit')) != null", '燃料计量单位与燃料不符', 'The unit does not fit the fuel', { context: 'boilers' }),
    formRule('coal-needs-dust', 'warning', 'dustTech', "not (fuelCode in ['01', '02', '03', '04', '19']) or present(dustTech)", '燃煤锅炉未填除尘工艺，请核实或说明', 'A coal-fired boiler without dust removal; check it or explain', { context: 'boilers' }),
    formRule('large-coal-needs-ds', 'warning', 'dsTech', "not (fuelCode in ['01', '02', '03', '04', '19'] and capacity >= 35) or present(dsTech)", '35 蒸吨及以上燃煤锅炉未填脱硫工艺，请核实或说明', 'A coal-fired boiler of 35 t/h or more without desulphurisation; check it or explain', { context: 'boilers' }),
  ],
};
