// Code tables of the industrial forms. Where a national list exists (登记注册类型, the 2016
// 国家危险废物名录 categories) its codes are used; the rest are designed by us and say so.
import type { CodeEntry, CodeTable } from '../types.ts';

export const table = (id: string, zh: string, en: string, rows: [string, string, string][]): CodeTable => ({
  id,
  name: { zh, en },
  entries: rows.map(([code, z, e]): CodeEntry => ({ code, zh: z, en: e })),
});

// 登记注册类型 (NBS registration types, as on statistical forms of 2017)
export const REGISTRATION_TYPES = table('registration-types', '登记注册类型', 'Registration type', [
  ['110', '国有企业', 'state-owned'], ['120', '集体企业', 'collective'], ['130', '股份合作企业', 'joint-stock cooperative'],
  ['140', '联营企业', 'associated enterprise'], ['151', '国有独资公司', 'wholly state-owned company'],
  ['159', '其他有限责任公司', 'other limited liability company'], ['160', '股份有限公司', 'joint-stock limited company'],
  ['171', '私营独资企业', 'private sole proprietorship'], ['172', '私营合伙企业', 'private partnership'],
  ['173', '私营有限责任公司', 'private limited liability company'], ['174', '私营股份有限公司', 'private joint-stock company'],
  ['190', '其他企业', 'other domestic'], ['210', '与港澳台商合资经营企业', 'HK/Macao/Taiwan equity joint venture'],
  ['220', '与港澳台商合作经营企业', 'HK/Macao/Taiwan cooperative joint venture'], ['230', '港澳台商独资经营企业', 'wholly HK/Macao/Taiwan-owned'],
  ['240', '港澳台商投资股份有限公司', 'HK/Macao/Taiwan joint-stock company'], ['310', '中外合资经营企业', 'Sino-foreign equity joint venture'],
  ['320', '中外合作经营企业', 'Sino-foreign cooperative joint venture'], ['330', '外资企业', 'wholly foreign-owned'],
  ['340', '外商投资股份有限公司', 'foreign-invested joint-stock company'],
]);

export const ENTERPRISE_SCALES = table('enterprise-scales', '企业规模', 'Enterprise size', [
  ['1', '大型', 'large'], ['2', '中型', 'medium'], ['3', '小型', 'small'], ['4', '微型', 'micro'],
]);

// 运行状态 in 2017 (designed: the inventory's own list is not public, census-facts §10)
export const OPERATING_STATES = table('operating-states', '运行状态', 'Operating state', [
  ['1', '正常运行', 'running'], ['2', '全年停产', 'idle all year'], ['3', '季节性生产', 'seasonal'], ['4', '部分时间停产', 'idle part of the year'],
]);

// 排水去向类型 (the first census's and the discharge permits' destinations)
export const DISCHARGE_DESTINATIONS = table('discharge-destinations', '排水去向', 'Discharge destination', [
  ['A', '直接进入海域', 'straight to sea'], ['B', '直接进入江河湖库等水环境', 'straight to rivers, lakes, reservoirs'],
  ['C', '进入城市下水道（再入江河湖库）', 'urban sewer, then rivers or lakes'], ['D', '进入城市下水道（再入沿海海域）', 'urban sewer, then sea'],
  ['E', '进入城市污水处理厂', 'municipal wastewater plant'], ['F', '直接进入污灌农田', 'irrigated farmland'],
  ['G', '进入地渗或蒸发地', 'seepage or evaporation'], ['H', '进入其他单位', 'another unit'],
  ['K', '进入工业废水集中处理厂', 'industrial wastewater plant'], ['L', '其他', 'other'],
]);

export const RECEIVING_WATERS = table('receiving-waters', '受纳水体类型', 'Receiving water', [
  ['1', '河流', 'river'], ['2', '湖泊', 'lake'], ['3', '水库', 'reservoir'], ['4', '海域', 'sea'], ['5', '渠道 / 其他', 'canal / other'],
]);

// 一般工业固体废物 kinds (the second census's list, as remembered) [unverified]
export const SOLID_WASTE_KINDS = table('solid-waste-kinds', '一般工业固体废物种类', 'General industrial solid waste', [
  ['SW01', '冶炼废渣', 'smelting slag'], ['SW02', '粉煤灰', 'fly ash'], ['SW03', '炉渣', 'furnace slag'], ['SW04', '煤矸石', 'coal gangue'],
  ['SW05', '尾矿', 'tailings'], ['SW06', '脱硫石膏', 'FGD gypsum'], ['SW07', '污泥', 'sludge'], ['SW08', '赤泥', 'red mud'],
  ['SW09', '磷石膏', 'phosphogypsum'], ['SW10', '工业副产石膏', 'by-product gypsum'], ['SW11', '钻井岩屑', 'drill cuttings'], ['SW99', '其他', 'other'],
]);

// 国家危险废物名录 (2016) categories HW01–HW50
export const HAZARDOUS_WASTE_CATEGORIES = table('hazardous-waste-categories', '危险废物类别', 'Hazardous waste category', [
  ['HW01', '医疗废物', 'medical waste'], ['HW02', '医药废物', 'pharmaceutical waste'], ['HW03', '废药物、药品', 'waste medicines'],
  ['HW04', '农药废物', 'pesticide waste'], ['HW05', '木材防腐剂废物', 'wood preservative waste'], ['HW06', '废有机溶剂与含有机溶剂废物', 'organic solvents'],
  ['HW07', '热处理含氰废物', 'cyanide heat-treatment waste'], ['HW08', '废矿物油与含矿物油废物', 'mineral oil waste'],
  ['HW09', '油/水、烃/水混合物或乳化液', 'oil/water mixtures, emulsions'], ['HW10', '多氯（溴）联苯类废物', 'PCB/PBB waste'],
  ['HW11', '精（蒸）馏残渣', 'distillation residues'], ['HW12', '染料、涂料废物', 'dye and paint waste'], ['HW13', '有机树脂类废物', 'organic resin waste'],
  ['HW14', '新化学物质废物', 'new chemical substances'], ['HW15', '爆炸性废物', 'explosive waste'], ['HW16', '感光材料废物', 'photographic waste'],
  ['HW17', '表面处理废物', 'surface treatment waste'], ['HW18', '焚烧处置残渣', 'incineration residues'], ['HW19', '含金属羰基化合物废物', 'metal carbonyls'],
  ['HW20', '含铍废物', 'beryllium'], ['HW21', '含铬废物', 'chromium'], ['HW22', '含铜废物', 'copper'], ['HW23', '含锌废物', 'zinc'],
  ['HW24', '含砷废物', 'arsenic'], ['HW25', '含硒废物', 'selenium'], ['HW26', '含镉废物', 'cadmium'], ['HW27', '含锑废物', 'antimony'],
  ['HW28', '含碲废物', 'tellurium'], ['HW29', '含汞废物', 'mercury'], ['HW30', '含铊废物', 'thallium'], ['HW31', '含铅废物', 'lead'],
  ['HW32', '无机氟化物废物', 'inorganic fluorides'], ['HW33', '无机氰化物废物', 'inorganic cyanides'], ['HW34', '废酸', 'waste acids'],
  ['HW35', '废碱', 'waste alkalis'], ['HW36', '石棉废物', 'asbestos'], ['HW37', '有机磷化合物废物', 'organophosphorus'],
  ['HW38', '有机氰化物废物', 'organic cyanides'], ['HW39', '含酚废物', 'phenols'], ['HW40', '含醚废物', 'ethers'],
  ['HW45', '含有机卤化物废物', 'organic halides'], ['HW46', '含镍废物', 'nickel'], ['HW47', '含钡废物', 'barium'],
  ['HW48', '有色金属冶炼废物', 'non-ferrous smelting waste'], ['HW49', '其他废物', 'other'], ['HW50', '废催化剂', 'spent catalysts'],
]);

// 锅炉 / 燃气轮机 (designed after the boiler forms' usual items)
export const BOILER_KINDS = table('boiler-kinds', '锅炉/燃机类型', 'Boiler or turbine type', [
  ['1', '层燃炉', 'grate-fired boiler'], ['2', '室燃炉（煤粉炉）', 'pulverised-coal boiler'], ['3', '循环流化床锅炉', 'CFB boiler'],
  ['4', '燃油/燃气锅炉', 'oil- or gas-fired boiler'], ['5', '燃气轮机', 'gas turbine'], ['6', '生物质锅炉', 'biomass boiler'], ['9', '其他', 'other'],
]);

export const BOILER_USES = table('boiler-uses', '锅炉用途', 'Boiler use', [
  ['1', '发电', 'power'], ['2', '热电联产', 'combined heat and power'], ['3', '生产用汽/热', 'process steam or heat'], ['4', '供暖', 'space heating'], ['9', '其他', 'other'],
]);

// 伴生放射性矿: 15 mineral kinds as commonly listed; the official list was not retrieved (census-facts §10) [unverified]
export const RADIOACTIVE_MINERALS = table('radioactive-minerals', '伴生放射性矿种', 'Associated radioactive mineral', [
  ['01', '稀土（含独居石）', 'rare earths (incl. monazite)'], ['02', '锆及氧化锆', 'zircon and zirconia'], ['03', '铌/钽', 'niobium/tantalum'],
  ['04', '锡', 'tin'], ['05', '铅/锌', 'lead/zinc'], ['06', '铜', 'copper'], ['07', '铁', 'iron'], ['08', '钒', 'vanadium'],
  ['09', '磷酸盐', 'phosphate'], ['10', '煤（石煤）', 'coal (stone coal)'], ['11', '铝（铝土矿）', 'aluminium (bauxite)'],
  ['12', '钼', 'molybdenum'], ['13', '镍', 'nickel'], ['14', '锗', 'germanium'], ['15', '钛', 'titanium'],
]);

// VOCs-containing materials (G103-11) (designed)
export const VOC_MATERIALS = table('voc-materials', '含VOCs原辅材料', 'VOC-containing material', [
  ['1', '涂料', 'paint'], ['2', '油墨', 'ink'], ['3', '胶粘剂', 'adhesive'], ['4', '稀释剂', 'thinner'],
  ['5', '清洗剂', 'cleaning agent'], ['6', '有机溶剂', 'organic solvent'], ['9', '其他', 'other'],
]);

// 核算方法 (census-facts §4)
export const ACCOUNTING_METHODS = table('accounting-methods', '核算方法', 'Accounting method', [
  ['M1', '监测数据法（自动监测）', 'monitoring data (automatic)'], ['M2', '监测数据法（手工监测）', 'monitoring data (manual)'],
  ['C1', '产排污系数法', 'coefficients'], ['C2', '物料衡算法', 'mass balance'],
]);

export const ACTIVITY_KINDS = table('activity-kinds', '活动水平类型', 'Activity level kind', [
  ['product', '产品产量', 'product output'], ['material', '原料用量', 'raw material use'], ['fuel', '燃料用量', 'fuel use'],
]);

export const WASTE_ROUTES = table('waste-routes', '利用处置方式', 'Use or disposal route', [
  ['1', '自行综合利用', 'used on site'], ['2', '自行处置', 'disposed of on site'], ['3', '委托利用', 'sent out for use'],
  ['4', '委托处置', 'sent out for disposal'], ['5', '贮存', 'stored'],
]);

export const MATERIAL_CATEGORIES = table('material-categories', '原辅材料类别', 'Material category', [
  ['1', '原料', 'raw material'], ['2', '辅料', 'auxiliary material'], ['3', '燃料兼原料', 'fuel also used as feedstock'],
]);

export const RADIOACTIVE_MATERIAL_KINDS = table('radioactive-material-kinds', '含放射性物料类别', 'Radioactive material kind', [
  ['ore', '原矿', 'raw ore'], ['concentrate', '精矿 / 中间产品', 'concentrate / intermediate'], ['tailings', '尾矿', 'tailings'],
  ['slag', '冶炼渣', 'smelting slag'], ['sludge', '污泥 / 沉渣', 'sludge'], ['other', '其他', 'other'],
]);
