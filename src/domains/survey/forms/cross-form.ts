// Checks across the forms of one source. Each runs on one form (where the issue points) and
// only when every form it reads is in the set, so a draft of one form is not flooded with
// complaints about forms not yet sent.
import type { CrossFormRule, Severity } from './types.ts';

const x = (form: string, needs: string[], id: string, severity: Severity, field: string, assert: string, zh: string, en: string, o: Partial<CrossFormRule> = {}): CrossFormRule => ({
  form, needs, id: `${form}.${id}`, severity, field, assert, message: { zh, en }, ...o,
});

/** The unit named on every form of a source must be the one its first form names. */
const sameUnit = (first: string, forms: string[]): CrossFormRule[] =>
  forms.flatMap((f) => [
    x(f, [first], 'same-credit-code', 'blocking', 'creditCode', `creditCode == form('${first}').creditCode`, `统一社会信用代码与 ${first} 不一致`, `The credit code differs from ${first}'s`),
    x(f, [first], 'same-name', 'warning', 'unitName', `unitName == form('${first}').unitName`, `单位名称与 ${first} 不一致，请核实或说明`, `The unit name differs from ${first}'s; check it or explain`),
  ]);

// Sums of a matching row field in another form, converted to this row's activity unit.
const matched = (path: string, match: string, amount: string, unit: string) =>
  `sum(map(filter(${path}, ${match}), convert(it.${amount}, it.${unit}, activityUnit)))`;
const exists = (path: string, match: string) => `count(filter(${path}, ${match})) > 0`;

const PRODUCTS = "form('G101-2').products";
const FUELS = "form('G101-3').fuels";
const MATERIALS = "form('G101-3').materials";
const byProduct = 'it.productName == productName';
const byFuel = 'it.fuelCode == fuelCode';
const byMaterial = 'it.materialName == materialName';

export const CROSS_FORM_RULES: CrossFormRule[] = [
  ...sameUnit('G101-1', ['G101-2', 'G101-3', 'G102', 'G103-1', 'G103-11', 'G104-1', 'G104-2', 'G106-1', 'G106-2', 'G106-3', 'G107']),
  ...sameUnit('J101-1', ['J101-2', 'J101-3']),

  x('G101-2', ['G101-1'], 'idle-no-output', 'blocking', 'actualOutput', "form('G101-1').operatingState != '2' or actualOutput == 0",
    'G101-1 填报全年停产，但有实际产量', 'G101-1 says idle all year, yet there is output', { context: 'products' }),
  x('G103-1', ['G101-1'], 'boiler-count', 'blocking', 'boilers', "count(boilers) == form('G101-1').boilerCount",
    '锅炉台数（{n}）与 G101-1 填报的数量（{d}）不一致', '{n} boilers listed, but G101-1 declares {d}', { params: { n: 'count(boilers)', d: "form('G101-1').boilerCount" } }),
  x('G103-1', ['G101-1'], 'boiler-hours', 'warning', 'runHours', "runHours <= coalesce(form('G101-1').operatingHours, 8760)",
    '锅炉运行时间超过企业正常生产时间，请核实或说明（如冬季供暖）', 'The boiler ran longer than the plant produced; check it or explain (e.g. winter heating)', { context: 'boilers' }),
  x('G101-3', ['G103-1'], 'boiler-fuel', 'blocking', 'consumption',
    `sum(map(filter(form('G103-1').boilers, ${byFuel}), convert(it.fuelUse, it.fuelUnit, unit))) <= consumption * 1.01`,
    '锅炉燃料消耗量之和（{b}）超过企业该燃料消耗量（{c}）', 'Boilers burn {b} of this fuel, more than the {c} the unit consumed',
    { context: 'fuels', params: { b: `sum(map(filter(form('G103-1').boilers, ${byFuel}), convert(it.fuelUse, it.fuelUnit, unit)))`, c: 'consumption' } }),
  x('G102', ['G101-3'], 'water-balance', 'warning', 'discharged', "form('G101-3').intakeTotal == null or discharged <= form('G101-3').intakeTotal * 1.1",
    '废水排放量超过取水总量，请核实或说明', 'More wastewater discharged than water taken in; check it or explain'),

  // G106-1's activity levels must be found in, and not exceed, what G101-2 and G101-3 report.
  x('G106-1', ['G101-2'], 'product-known', 'blocking', 'productName', exists(PRODUCTS, byProduct),
    '产品不在 G101-2 的主要产品中', 'This product is not among G101-2\'s products', { context: 'rows', when: "activityKind == 'product'" }),
  x('G106-1', ['G101-2'], 'product-unit', 'blocking', 'activityUnit', `any(map(filter(${PRODUCTS}, ${byProduct}), convert(1, it.unit, activityUnit) != null))`,
    '活动水平单位无法换算为 G101-2 的产品计量单位', 'The activity unit does not convert to the product\'s unit in G101-2', { context: 'rows', when: `activityKind == 'product' and ${exists(PRODUCTS, byProduct)}` }),
  x('G106-1', ['G101-2'], 'product-activity', 'blocking', 'activity', `activity <= ${matched(PRODUCTS, byProduct, 'actualOutput', 'unit')} * 1.05`,
    '活动水平（{a}）超过 G101-2 该产品的实际产量（{o}）', 'Activity level ({a}) exceeds the product\'s output in G101-2 ({o})',
    { context: 'rows', when: `activityKind == 'product' and ${exists(PRODUCTS, byProduct)}`, params: { a: 'activity', o: matched(PRODUCTS, byProduct, 'actualOutput', 'unit') } }),
  x('G106-1', ['G101-3'], 'fuel-known', 'blocking', 'fuelCode', exists(FUELS, byFuel),
    '燃料不在 G101-3 的能源消耗中', 'This fuel is not among G101-3\'s energy use', { context: 'rows', when: "activityKind == 'fuel'" }),
  x('G106-1', ['G101-3'], 'fuel-activity', 'blocking', 'activity', `activity <= ${matched(FUELS, byFuel, 'consumption', 'unit')} * 1.05`,
    '活动水平（{a}）超过 G101-3 该燃料的消耗量（{o}）', 'Activity level ({a}) exceeds the fuel consumed in G101-3 ({o})',
    { context: 'rows', when: `activityKind == 'fuel' and ${exists(FUELS, byFuel)}`, params: { a: 'activity', o: matched(FUELS, byFuel, 'consumption', 'unit') } }),
  x('G106-1', ['G101-3'], 'material-known', 'blocking', 'materialName', exists(MATERIALS, byMaterial),
    '原料不在 G101-3 的原辅材料中', 'This material is not among G101-3\'s materials', { context: 'rows', when: "activityKind == 'material'" }),
  x('G106-1', ['G101-3'], 'material-activity', 'blocking', 'activity', `activity <= ${matched(MATERIALS, byMaterial, 'actualUse', 'unit')} * 1.05`,
    '活动水平（{a}）超过 G101-3 该原料的使用量（{o}）', 'Activity level ({a}) exceeds the material used in G101-3 ({o})',
    { context: 'rows', when: `activityKind == 'material' and ${exists(MATERIALS, byMaterial)}`, params: { a: 'activity', o: matched(MATERIALS, byMaterial, 'actualUse', 'unit') } }),
  x('G106-1', ['G101-3'], 'sulphur-agrees', 'warning', 'parameter', `abs(parameter - max(map(filter(${FUELS}, ${byFuel}), it.sulphur))) <= max(0.01, parameter * 0.1)`,
    '硫分取值（{p}%）与 G101-3 填报的燃料硫分（{s}%）不一致，请核实或说明', 'Sulphur used ({p}%) differs from the fuel\'s sulphur in G101-3 ({s}%); check it or explain',
    { context: 'rows', when: "activityKind == 'fuel' and pollutant == 'SO2' and present(parameter)", params: { p: 'parameter', s: `max(map(filter(${FUELS}, ${byFuel}), it.sulphur))` } }),

  x('G106-2', ['G102'], 'outlet-known', 'blocking', 'outletCode', "count(filter(form('G102').outlets, it.outletCode == outletCode)) > 0",
    '排放口不在 G102 的废水排放口中', 'This outlet is not among G102\'s outlets', { context: 'outlets' }),
  x('G106-2', ['G102'], 'flow-agrees', 'warning', 'annualFlow',
    "abs(annualFlow - sum(map(filter(form('G102').outlets, it.outletCode == outletCode), it.outletDischarged))) <= annualFlow * 0.1",
    '监测年排水量与 G102 该排放口排水量相差 10% 以上，请核实或说明', 'Monitored flow and G102\'s figure for this outlet differ by more than 10%; check it or explain',
    { context: 'outlets', when: "count(filter(form('G102').outlets, it.outletCode == outletCode)) > 0" }),
  x('G106-3', ['G101-1'], 'hours', 'warning', 'hours', "hours <= coalesce(form('G101-1').operatingHours, 8760)",
    '排放时间超过企业正常生产时间，请核实或说明', 'Emitting longer than the plant produced; check it or explain', { context: 'outlets' }),

  x('J101-2', ['J101-1'], 'capacity', 'warning', 'treated', "convert(treated, '10km3', 'm3') <= form('J101-1').designCapacity * runDays * 1.2",
    '处理量超过设计能力 × 运行天数的 120%，请核实或说明', 'Treated more than 120% of capacity × days; check it or explain'),
  x('S105', ['S104'], 'same-outfall', 'blocking', 'outfallCode', "outfallCode == form('S104').outfallCode", '排污口编码与 S104 不一致', 'The outfall code differs from S104\'s'),
  x('N101-2', ['N101-1'], 'same-farm', 'blocking', 'farmName', "farmName == form('N101-1').farmName", '养殖场名称与 N101-1 不一致', 'The farm name differs from N101-1\'s'),
  x('N101-2', ['N101-1'], 'main-species', 'blocking', 'herds', "count(filter(herds, it.species == form('N101-1').mainSpecies)) > 0",
    'N101-1 的主要畜禽种类不在养殖规模中', 'N101-1\'s main species is missing from the herds'),
];
