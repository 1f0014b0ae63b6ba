// 报表目录 the catalogue: every form of the second census's 报表制度 (census-facts §3), who fills
// it and when it applies. Agricultural forms use prefix N. `applies` reads the answers of
// G101-1 (and a few others), where the paper form asks "是否有…" before the detail forms.
import type { CatalogueEntry, Category, SourceKind } from './types.ts';

/**
 * GB/T 4754-2017 classes of the mining and smelting of minerals that may carry natural
 * radionuclides (census-facts §9: 8 key industries / 15 mineral kinds; the official list was
 * not retrieved) [unverified]. A unit outside them can still declare such minerals in G101-1.
 */
export const RADIOACTIVE_INDUSTRIES = [
  '0610', '0620', '0690', // coal (stone coal)
  '0810', // iron ore
  '0911', '0912', '0913', '0914', '0916', // copper, lead-zinc, nickel, tin, aluminium ores
  '0931', '0932', '0939', // tungsten-molybdenum, rare earths, other rare metals (Nb/Ta, Zr)
  '1020', // chemical minerals (phosphate)
  '2622', // phosphate fertiliser
  '3110', // ironmaking
  '3211', '3212', '3213', '3214', '3216', // copper, lead-zinc, nickel, tin, aluminium smelting
  '3231', '3232', '3239', // tungsten-molybdenum, rare earth, other rare metal smelting
];

/**
 * A G101-1 declaration: unknown until G101-1 is in hand; then a flag left out (not asked for this
 * industry, or not yet answered) counts as "no".
 */
const declared = (form: string, test: string) => `if(form('${form}') == null, null, ${test})`;
const g101 = (flag: string) => declared('G101-1', `coalesce(form('G101-1').${flag}, false)`);

const e = (
  code: string,
  zh: string,
  en: string,
  category: Category,
  kinds: SourceKind[],
  defined: boolean,
  extra: Partial<CatalogueEntry> = {},
): CatalogueEntry => ({ code, name: { zh, en }, category, kinds, defined, ...extra });

const ENT: SourceKind[] = ['enterprise'];

export const CATALOGUE: CatalogueEntry[] = [
  // 工业源 industrial
  e('G101-1', '工业企业基本情况', 'Basic information of the industrial enterprise', 'G', ENT, true),
  e('G101-2', '工业企业主要产品、生产工艺基本情况', 'Main products and production processes', 'G', ENT, true),
  e('G101-3', '工业企业主要原辅材料使用、能源消耗基本情况', 'Raw and auxiliary materials, energy use', 'G', ENT, true),
  e('G102', '工业企业废水治理与排放情况', 'Wastewater treatment and discharge', 'G', ENT, true, { applies: g101('hasWastewater') }),
  e('G103-1', '工业企业锅炉/燃气轮机废气治理与排放情况', 'Boilers and gas turbines: waste gas', 'G', ENT, true, { applies: declared('G101-1', "coalesce(form('G101-1').boilerCount, 0) > 0") }),
  e('G103-2', '工业企业炉窑废气治理与排放情况', 'Industrial kilns and furnaces: waste gas', 'G', ENT, false, { applies: declared('G101-1', "coalesce(form('G101-1').kilnCount, 0) > 0"), note: 'Per kiln: type, fuel, capacity, treatment and outlets.' }),
  e('G103-3', '钢铁与炼焦企业炼焦废气治理与排放情况', 'Coking: waste gas', 'G', ENT, false, { applies: g101('hasCoking') }),
  e('G103-4', '钢铁企业烧结/球团废气治理与排放情况', 'Sintering and pelletising: waste gas', 'G', ENT, false, { applies: g101('hasSintering') }),
  e('G103-5', '钢铁企业炼铁生产废气治理与排放情况', 'Ironmaking: waste gas', 'G', ENT, false, { applies: g101('hasIronmaking') }),
  e('G103-6', '钢铁企业炼钢生产废气治理与排放情况', 'Steelmaking: waste gas', 'G', ENT, false, { applies: g101('hasSteelmaking') }),
  e('G103-7', '水泥企业熟料生产废气治理与排放情况', 'Cement clinker: waste gas', 'G', ENT, false, { applies: g101('hasClinker') }),
  e('G103-8', '石化企业工艺加热炉废气治理与排放情况', 'Petrochemical process heaters: waste gas', 'G', ENT, false, { applies: g101('hasProcessHeater') }),
  e('G103-9', '石化企业生产工艺废气治理与排放情况', 'Petrochemical process waste gas', 'G', ENT, false, { applies: g101('hasPetrochemProcess') }),
  e('G103-10', '工业企业有机液体储罐、装载信息', 'Organic liquid tanks and loading', 'G', ENT, false, { applies: g101('hasOrganicTanks') }),
  e('G103-11', '工业企业含挥发性有机物原辅材料使用信息', 'Use of VOC-containing materials', 'G', ENT, true, { applies: g101('usesVocMaterials') }),
  e('G103-12', '工业企业固体物料堆存信息', 'Open storage of solid materials', 'G', ENT, false, { applies: g101('hasMaterialYards') }),
  e('G103-13', '工业企业其他废气治理与排放情况', 'Other waste gas', 'G', ENT, false, { applies: g101('hasOtherWasteGas') }),
  e('G104-1', '工业企业一般工业固体废物产生与处理利用信息', 'General industrial solid waste', 'G', ENT, true, { applies: g101('hasSolidWaste') }),
  e('G104-2', '工业企业危险废物产生与处理利用信息', 'Hazardous waste', 'G', ENT, true, { applies: g101('hasHazardousWaste') }),
  e('G105', '工业企业突发环境事件风险信息', 'Environmental emergency risk', 'G', ENT, false, { applies: g101('hasRiskSubstances'), note: 'Risk substances held, quantities, emergency plan.' }),
  e('G106-1', '工业企业污染物产排污系数核算信息', 'Emission accounting by coefficients', 'G', ENT, true, { applies: `${g101('hasWastewater')} or ${g101('hasWasteGas')}` }),
  e('G106-2', '工业企业废水监测数据', 'Wastewater monitoring data', 'G', ENT, true, { applies: g101('hasWaterMonitoring') }),
  e('G106-3', '工业企业废气监测数据', 'Waste-gas monitoring data', 'G', ENT, true, { applies: g101('hasGasMonitoring') }),
  e('G107', '伴生放射性矿产企业含放射性固体物料及废物情况', 'Associated radioactive minerals: solid materials and waste', 'G', ENT, true, {
    applies: `startsWith(industry, ${RADIOACTIVE_INDUSTRIES.map((c) => `'${c}'`).join(', ')}) or ${g101('radioactiveMinerals')}`,
  }),
  e('G108', '园区环境管理信息', 'Industrial park environmental management', 'G', ['park'], false, { note: 'Park name, level, area, enterprises, central wastewater treatment, monitoring.' }),

  // 农业源 agricultural
  e('N101-1', '规模畜禽养殖场基本情况', 'Livestock farm at scale: basic information', 'N', ['livestock-farm'], true),
  e('N101-2', '规模畜禽养殖场养殖规模与粪污处理情况', 'Livestock farm: herd and manure treatment', 'N', ['livestock-farm'], true),
  e('N201-1', '县（区、市、旗）种植业基本情况', 'County crop farming: basic information', 'N', ['county'], false),
  e('N201-2', '县（区、市、旗）农作物播种、覆膜与机械收获面积情况', 'County sown, film-mulched and machine-harvested areas', 'N', ['county'], false),
  e('N201-3', '县（区、市、旗）秸秆产生与利用情况', 'County straw generation and use', 'N', ['county'], false),
  e('N202', '县（区、市、旗）规模以下养殖户养殖量及粪污处理情况', 'County small livestock holdings and manure', 'N', ['county'], false),
  e('N203', '县（区、市、旗）水产养殖基本情况', 'County aquaculture', 'N', ['county'], false),

  // 生活源 domestic
  e('S101', '重点区域生活源社区（行政村）燃煤使用情况', 'Coal use of communities in key regions', 'S', ['village'], false),
  e('S102', '行政村生活污染基本信息', 'Village domestic pollution', 'S', ['village'], false),
  e('S103', '非工业企业单位锅炉污染及防治情况', 'Boilers of non-industrial units', 'S', ['non-industrial-boiler'], true),
  e('S104', '入河（海）排污口情况', 'Outfalls to rivers and sea', 'S', ['outfall'], true),
  e('S105', '入河（海）排污口水质监测数据', 'Outfall water-quality monitoring', 'S', ['outfall'], true, { applies: declared('S104', "coalesce(form('S104').monitored, false)") }),
  e('S106', '农村居民能源使用情况抽样调查', 'Sample survey of rural household energy use', 'S', ['household-sample'], false),
  e('S201', '城市生活污染基本信息', 'Urban domestic pollution', 'S', ['city'], false),
  e('S202', '县域城镇生活污染基本信息', 'County-town domestic pollution', 'S', ['county'], false),

  // 集中式污染治理设施 centralised
  e('J101-1', '污水处理厂基本情况', 'Wastewater plant: basic information', 'J', ['wastewater-plant'], true),
  e('J101-2', '污水处理厂运行情况', 'Wastewater plant: operation', 'J', ['wastewater-plant'], true),
  e('J101-3', '污水处理厂污水监测数据', 'Wastewater plant: monitoring', 'J', ['wastewater-plant'], true, { applies: declared('J101-1', "coalesce(form('J101-1').monitored, false)") }),
  e('J102-1', '生活垃圾集中处置场（厂）基本情况', 'Domestic waste facility: basic information', 'J', ['waste-plant'], false),
  e('J102-2', '生活垃圾集中处置场（厂）运行情况', 'Domestic waste facility: operation', 'J', ['waste-plant'], false),
  e('J103-1', '危险废物集中处置厂基本情况', 'Hazardous waste facility: basic information', 'J', ['hazardous-waste-plant'], false),
  e('J103-2', '危险废物集中处置厂运行情况', 'Hazardous waste facility: operation', 'J', ['hazardous-waste-plant'], false),
  e('J104-1', '生活垃圾/危险废物集中处置场（厂）废水监测数据', 'Waste facilities: wastewater monitoring', 'J', ['waste-plant', 'hazardous-waste-plant'], false),
  e('J104-2', '生活垃圾/危险废物集中处置厂（场）焚烧废气监测数据', 'Waste facilities: incineration flue-gas monitoring', 'J', ['waste-plant', 'hazardous-waste-plant'], false),
  e('J104-3', '生活垃圾/危险废物集中处置厂（场）污染物排放量', 'Waste facilities: emissions', 'J', ['waste-plant', 'hazardous-waste-plant'], false),

  // 移动源 mobile
  e('Y101', '储油库油气回收情况', 'Oil depot vapour recovery', 'Y', ['oil-depot'], false),
  e('Y102', '加油站油气回收情况', 'Filling station vapour recovery', 'Y', ['gas-station'], true),
  e('Y103', '油品运输企业油气回收情况', 'Oil transport vapour recovery', 'Y', ['oil-transport'], false),
  e('Y201-1', '机动车保有量', 'Motor vehicle stock', 'Y', ['region'], false),
  e('Y201-2', '机动车污染物排放情况', 'Motor vehicle emissions', 'Y', ['region'], false),
  e('Y202-1', '农业机械拥有量', 'Agricultural machinery stock', 'Y', ['region'], false),
  e('Y202-2', '农业机械燃油消耗', 'Agricultural machinery fuel use', 'Y', ['region'], false),
  e('Y202-3', '机动渔船拥有量', 'Motorised fishing vessels', 'Y', ['region'], false),
  e('Y202-4', '农业机械污染物排放情况', 'Agricultural machinery emissions', 'Y', ['region'], false),
  e('Y203', '油品储运销污染物排放情况', 'Oil storage, transport and sale emissions', 'Y', ['region'], false),
];

// What public sources tell of the forms not defined yet (census-facts §1–§3, §9); a definition
// replaces the note when one is written.
const WASTE_GAS = 'Per source: facility name, outlet, unit design capacity, average daily running hours (census-facts §3 waste-gas facility); treatment and emissions as on G103-1.';
const NOTES: Record<string, string> = {
  'G103-3': WASTE_GAS, 'G103-4': WASTE_GAS, 'G103-5': WASTE_GAS, 'G103-6': WASTE_GAS, 'G103-7': WASTE_GAS,
  'G103-8': WASTE_GAS, 'G103-9': WASTE_GAS, 'G103-13': WASTE_GAS,
  'G103-10': 'Organic liquid storage tanks and loading: VOCs, partly surveyed ("尝试性", census-facts §1).',
  'G103-12': 'Open storage yards of solid materials (dust); fields not published.',
  'N201-1': 'Filled per county; agriculture emitted COD 10.67 Mt, TN 1.41 Mt, TP 0.21 Mt in 2017 (census-facts §1).',
  'N201-2': 'Filled per county: sown, film-mulched and machine-harvested areas.', 'N201-3': 'Filled per county: straw generated and its uses.',
  'N202': 'Livestock below the scale thresholds of N101-2, per county.', 'N203': 'Aquaculture per county.',
  'S101': 'Coal use of communities or villages in key regions.', 'S102': 'Per administrative village (about 492,000 villages, census-facts §8).',
  'S106': 'A sample survey of rural households\' energy use.', 'S201': 'Per city.', 'S202': 'Per county town.',
  'J102-1': 'Importer records: operator, category, rural flag, capacity (census-facts §2).', 'J102-2': 'Operation of domestic waste facilities.',
  'J103-1': 'Importer records: operator, category, capacity (census-facts §2).', 'J103-2': 'Operation of hazardous waste facilities.',
  'J104-1': 'Wastewater monitoring of waste facilities.', 'J104-2': 'Flue-gas monitoring of incinerators.', 'J104-3': 'Emissions of waste facilities.',
  'Y101': 'Oil depots: vapour recovery.', 'Y103': 'Oil transport: vapour recovery.',
  'Y201-1': 'Motor vehicles: 267 M in stock at the end of 2017 (census-facts §1).', 'Y201-2': 'Motor vehicle emissions, by region.',
  'Y202-1': 'Agricultural machinery: 762 M kW of diesel power at the end of 2017 (census-facts §1).', 'Y202-2': 'Agricultural machinery fuel use.',
  'Y202-3': 'Motorised fishing vessels.', 'Y202-4': 'Agricultural machinery emissions.', 'Y203': 'Oil storage, transport and sale emissions, by region.',
};
for (const entry of CATALOGUE) if (!entry.defined && !entry.note && NOTES[entry.code]) entry.note = NOTES[entry.code];

/** The forms whose fields Pucha defines (issue 5 asks for at least these). */
export const DEFINED_CODES = CATALOGUE.filter((x) => x.defined).map((x) => x.code);
