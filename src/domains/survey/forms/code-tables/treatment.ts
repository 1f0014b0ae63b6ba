// 污染治理技术 treatment technologies, for water and air, with the pollutants each removes and a
// usual removal-efficiency range (%) that G106-1's accounting rows are checked against. The
// list and codes are designed by us after the handbook's technology names (census-facts §4);
// the efficiency ranges are engineering defaults [unverified], which an office can adjust.
import type { CodeEntry, CodeTable } from '../types.ts';

const t = (code: string, zh: string, en: string, medium: 'water' | 'air', removes: string, etaMin: number, etaMax: number): CodeEntry => ({
  code,
  zh,
  en,
  attrs: { medium, removes, etaMin, etaMax },
});

export const TREATMENTS: CodeEntry[] = [
  // water (废水)
  t('W01', '物理处理法（沉淀、过滤、气浮）', 'physical (settling, filtration, flotation)', 'water', 'COD OIL AVOIL', 10, 60),
  t('W02', '化学处理法（中和、混凝、氧化还原）', 'chemical (neutralisation, coagulation, redox)', 'water', 'COD CR CR6 CN PB CD AS HG', 30, 95),
  t('W03', '物理化学处理法（吸附、膜分离）', 'physico-chemical (adsorption, membranes)', 'water', 'COD NH3N TP PHENOL', 40, 95),
  t('W04', '好氧生物处理法（活性污泥）', 'aerobic biological (activated sludge)', 'water', 'COD NH3N', 70, 95),
  t('W05', 'A/O 工艺', 'A/O', 'water', 'COD NH3N TN', 75, 95),
  t('W06', 'A²/O 工艺', 'A²/O', 'water', 'COD NH3N TN TP', 80, 97),
  t('W07', '氧化沟', 'oxidation ditch', 'water', 'COD NH3N TN TP', 80, 96),
  t('W08', 'SBR 类工艺', 'SBR family', 'water', 'COD NH3N TN TP', 80, 96),
  t('W09', 'MBR 膜生物反应器', 'MBR', 'water', 'COD NH3N TN TP', 85, 99),
  t('W10', '厌氧生物处理法', 'anaerobic biological', 'water', 'COD', 60, 90),
  t('W11', '人工湿地 / 稳定塘', 'constructed wetland / pond', 'water', 'COD NH3N TN TP', 30, 80),
  t('W99', '其他废水处理', 'other water treatment', 'water', 'COD NH3N TN TP', 0, 99),
  // desulphurisation (脱硫)
  t('S01', '石灰石/石膏法', 'limestone-gypsum', 'air', 'SO2', 85, 99),
  t('S02', '氨法', 'ammonia', 'air', 'SO2', 85, 99),
  t('S03', '双碱法', 'dual-alkali', 'air', 'SO2', 70, 95),
  t('S04', '氧化镁法', 'magnesium oxide', 'air', 'SO2', 80, 98),
  t('S05', '循环流化床法', 'circulating fluidised bed', 'air', 'SO2', 70, 95),
  t('S06', '炉内喷钙', 'furnace sorbent injection', 'air', 'SO2', 30, 80),
  // denitrification (脱硝)
  t('N01', '选择性催化还原（SCR）', 'SCR', 'air', 'NOX', 60, 92),
  t('N02', '选择性非催化还原（SNCR）', 'SNCR', 'air', 'NOX', 25, 60),
  t('N03', 'SNCR-SCR 联合', 'SNCR-SCR', 'air', 'NOX', 55, 90),
  t('N04', '低氮燃烧', 'low-NOx combustion', 'air', 'NOX', 15, 50),
  // dust (除尘)
  t('D01', '电除尘', 'electrostatic precipitator', 'air', 'PM', 95, 99.9),
  t('D02', '袋式除尘', 'fabric filter', 'air', 'PM', 98, 99.99),
  t('D03', '电袋复合除尘', 'hybrid ESP-fabric filter', 'air', 'PM', 98, 99.99),
  t('D04', '湿式电除尘', 'wet ESP', 'air', 'PM', 70, 95),
  t('D05', '旋风除尘', 'cyclone', 'air', 'PM', 50, 85),
  t('D06', '湿法除尘（水膜、文丘里）', 'wet scrubber', 'air', 'PM', 60, 95),
  // VOCs
  t('V01', '活性炭吸附', 'activated carbon adsorption', 'air', 'VOCS', 20, 80),
  t('V02', '催化燃烧', 'catalytic oxidation', 'air', 'VOCS', 80, 97),
  t('V03', '蓄热燃烧（RTO）', 'regenerative thermal oxidiser', 'air', 'VOCS', 90, 99),
  t('V04', '冷凝回收', 'condensation', 'air', 'VOCS', 50, 90),
  t('V05', '生物法', 'biological', 'air', 'VOCS', 40, 85),
  t('V06', '光催化 / 低温等离子体', 'photocatalysis / non-thermal plasma', 'air', 'VOCS', 5, 50),
  // vapour recovery at filling stations (Y102's stages, the accounting's treatments of their losses)
  t('V07', '卸油油气回收（一阶段）', 'vapour recovery stage I (unloading)', 'air', 'VOCS', 80, 98),
  t('V08', '加油油气回收（二阶段）', 'vapour recovery stage II (refuelling)', 'air', 'VOCS', 70, 95),
  t('V09', '油气排放处理装置', 'vapour processing unit', 'air', 'VOCS', 80, 98),
  t('A99', '其他废气处理', 'other air treatment', 'air', 'SO2 NOX PM VOCS NH3', 0, 99),
];

export const TREATMENT_TABLE: CodeTable = { id: 'treatments', name: { zh: '污染治理技术', en: 'Treatment technologies' }, entries: TREATMENTS };
