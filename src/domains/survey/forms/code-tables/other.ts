// Code tables of the agricultural, domestic, centralised and mobile forms (designed by us after
// the forms' titles and the importer's record kinds in census-facts §2–§3, unless noted).
import { table } from './industrial.ts';

// The five species the farm records carry (census-facts §2). `threshold`/`basis` are the census's
// scale thresholds: a farm below them is counted on N202 instead [unverified].
export const LIVESTOCK_SPECIES = table('livestock-species', '畜禽种类', 'Livestock species', [
  ['pig', '生猪', 'pigs'], ['dairy', '奶牛', 'dairy cattle'], ['beef', '肉牛', 'beef cattle'], ['layer', '蛋鸡', 'laying hens'], ['broiler', '肉鸡', 'broilers'],
]);
const THRESHOLDS: Record<string, [number, string]> = { pig: [500, 'sold'], dairy: [100, 'stock'], beef: [50, 'sold'], layer: [2000, 'stock'], broiler: [10000, 'sold'] };
for (const e of LIVESTOCK_SPECIES.entries) e.attrs = { threshold: THRESHOLDS[e.code][0], basis: THRESHOLDS[e.code][1] };

export const MANURE_ROUTES = table('manure-routes', '粪污处理利用方式', 'Manure treatment or use', [
  ['1', '堆肥', 'composting'], ['2', '沼气工程（厌氧发酵）', 'biogas (anaerobic digestion)'], ['3', '生产有机肥', 'organic fertiliser'],
  ['4', '直接还田', 'spread on fields'], ['5', '氧化塘 / 贮存池', 'lagoon / storage'], ['6', '委托第三方处理', 'third-party treatment'],
  ['7', '达标排放', 'treated and discharged'], ['9', '其他', 'other'],
]);

export const CLEANING_METHODS = table('cleaning-methods', '清粪方式', 'Manure removal', [
  ['1', '干清粪', 'dry scraping'], ['2', '水冲粪', 'flushing'], ['3', '水泡粪', 'deep pit'], ['4', '垫草垫料', 'bedding'], ['9', '其他', 'other'],
]);

export const OUTFALL_KINDS = table('outfall-kinds', '排污口类型', 'Outfall type', [
  ['1', '工业排污口', 'industrial'], ['2', '城镇污水处理厂排污口', 'municipal wastewater plant'], ['3', '生活污水排污口', 'domestic sewage'],
  ['4', '混合排污口', 'mixed'], ['5', '农业排口', 'agricultural'], ['6', '雨洪排口（旱季有水）', 'storm drain flowing in dry weather'], ['9', '其他', 'other'],
]);

export const DISCHARGE_MODES = table('discharge-modes', '排放方式', 'Discharge mode', [
  ['1', '连续', 'continuous'], ['2', '间歇', 'intermittent'], ['3', '季节性', 'seasonal'],
]);

export const OUTFALL_SETUPS = table('outfall-setups', '排口设置方式', 'Outfall structure', [
  ['1', '明渠', 'open channel'], ['2', '暗管', 'pipe'], ['3', '泵站', 'pumping station'], ['4', '涵闸', 'sluice'], ['9', '其他', 'other'],
]);

export const PLANT_KINDS = table('plant-kinds', '污水处理厂类型', 'Wastewater plant type', [
  ['1', '城镇污水处理厂', 'municipal'], ['2', '工业污水集中处理厂', 'industrial (centralised)'],
  ['3', '农村集中式污水处理设施', 'rural centralised'], ['4', '其他污水处理设施', 'other'],
]);

export const SLUDGE_ROUTES = table('sludge-routes', '污泥处置方式', 'Sludge disposal', [
  ['1', '土地利用', 'land application'], ['2', '填埋', 'landfill'], ['3', '建筑材料利用', 'building materials'],
  ['4', '焚烧', 'incineration'], ['5', '送外单位处置', 'sent out'], ['9', '其他', 'other'],
]);

export const MONITORING_KINDS = table('monitoring-kinds', '监测方式', 'Monitoring', [
  ['auto', '自动监测', 'automatic'], ['manual', '手工监测', 'manual'], ['supervisory', '监督性监测', 'supervisory'],
]);

export const OIL_PRODUCTS = table('oil-products', '油品种类', 'Oil product', [
  ['gasoline', '汽油', 'gasoline'], ['diesel', '柴油', 'diesel'], ['ethanol-gasoline', '乙醇汽油', 'ethanol gasoline'],
]);

export const VAPOUR_RECOVERY = table('vapour-recovery', '油气回收阶段', 'Vapour recovery', [
  ['1', '卸油油气回收（一阶段）', 'stage I (unloading)'], ['2', '加油油气回收（二阶段）', 'stage II (refuelling)'],
  ['3', '油气排放处理装置（三阶段）', 'vapour processing unit'], ['4', '在线监控系统', 'online monitoring'],
]);

export const TANK_KINDS = table('tank-kinds', '储罐类型', 'Tank type', [
  ['1', '埋地双层罐', 'buried double-wall'], ['2', '埋地单层罐', 'buried single-wall'], ['3', '地上罐', 'above ground'],
]);

export const STATION_OWNERS = table('station-owners', '加油站所属', 'Station ownership', [
  ['1', '中国石化', 'Sinopec'], ['2', '中国石油', 'PetroChina'], ['3', '中国海油', 'CNOOC'], ['4', '中化 / 其他国有', 'Sinochem / other state'],
  ['5', '民营', 'private'], ['6', '外资 / 合资', 'foreign / joint venture'],
]);

export const BOILER_OWNERS = table('boiler-owners', '锅炉使用单位类型', 'Boiler owner', [
  ['1', '机关事业单位', 'government or public institution'], ['2', '学校', 'school'], ['3', '医院', 'hospital'], ['4', '宾馆饭店', 'hotel or restaurant'],
  ['5', '商业服务业', 'commerce and services'], ['6', '居民小区（集中供暖）', 'residential heating'], ['9', '其他', 'other'],
]);

// 三级排查 (census-facts §9): how the outfall was found
export const SEARCH_LEVELS = table('search-levels', '排查方式', 'How it was found', [
  ['1', '卫星遥感 / 无人机航测', 'satellite or drone imagery'], ['2', '人工现场排查', 'field check on foot'], ['3', '专家核查', 'expert verification'],
]);
