// G101-1 工业企业基本情况. Key fields after the base-information entity in census-facts §3
// (name, legal representative, contact, USCC, org code, industry, region, address, lat/long, key
// source flag); the "是否有…" declarations that decide the G103–G107 forms are designed after
// the form tree, as the detail forms need them.
import { REF_DATE, bool, code, date, dec, file, formRule, int, period, rule, text } from './build.ts';
import { footer, identity, place } from './fragments.ts';
import type { FormDefinition } from './types.ts';

const has = (id: string, zh: string, en: string, relevant?: string) => bool(id, zh, en, { required: true, ...(relevant ? { relevant } : {}) });

export const G101_1: FormDefinition = {
  code: 'G101-1',
  version: 1,
  title: { zh: '工业企业基本情况', en: 'Basic information of the industrial enterprise' },
  fields: [
    ...identity(),
    text('formerName', '曾用名', 'Former name', { maxLength: 100 }),
    text('licenceNo', '营业执照注册号', 'Business licence number', { maxLength: 30, designed: true }),
    text('legalRep', '法定代表人', 'Legal representative', { required: true, maxLength: 30 }),
    ...place('企业地理位置（中心点）', 'Location (centre of the site)'),
    code('industryCode', '行业类别代码', 'Industry code (GB/T 4754-2017)', 'industry', {
      required: true,
      rules: [rule('industrial', 'blocking', "industryCode >= '06' and industryCode < '47'", '工业源的行业应属采矿业、制造业或电力热力燃气及水生产和供应业（06–46 大类）', 'An industrial source belongs to divisions 06–46 (mining, manufacturing, utilities)')],
    }),
    code('registrationType', '登记注册类型', 'Registration type', 'registration-types', { required: true }),
    code('scale', '企业规模', 'Enterprise size', 'enterprise-scales', { required: true }),
    date('openedOn', '开业（投产）时间', 'Opened (production start)', { required: true, min: '1900-01-01', max: REF_DATE }),
    code('operatingState', '2017 年运行状态', 'Operating state in 2017', 'operating-states', { required: true }),
    int('operatingHours', '正常生产时间', 'Hours of normal production', { unit: 'h', max: 8760, required: "operatingState != '2'", relevant: "operatingState != '2'" }),
    period('season', '季节性生产起止日期', 'Seasonal production period', { relevant: "operatingState == '3'", required: "operatingState == '3'", designed: true }),
    dec('outputValue', '工业总产值（当年价格）', 'Gross industrial output (current prices)', { required: true, decimals: 1, max: 1e9, hint: { zh: '万元', en: '10,000 yuan' } }),
    bool('keySource', '是否重点调查单位', 'Key source (accounted unit by unit)', { required: true }),
    text('permitNo', '排污许可证编号', 'Discharge permit number', { maxLength: 30 }),
    bool('inPark', '是否位于工业园区', 'Located in an industrial park', { required: true }),
    text('parkName', '所在园区名称', 'Park name', { required: 'inPark', relevant: 'inPark', maxLength: 100 }),
    text('contactName', '环保联系人', 'Environmental contact', { required: true, maxLength: 30 }),
    text('contactPhone', '联系人电话', 'Contact phone', { required: true, format: 'phone' }),
    // 是否有… declarations: each decides whether a detail form applies (catalogue.ts)
    int('boilerCount', '锅炉/燃气轮机数量', 'Boilers and gas turbines', { required: true, max: 500, unit: 'piece' }),
    int('kilnCount', '工业炉窑数量', 'Industrial kilns and furnaces', { required: true, max: 500, unit: 'piece' }),
    has('hasCoking', '是否有炼焦工序', 'Coking', "startsWith(industryCode, '25', '31')"),
    has('hasSintering', '是否有烧结/球团工序', 'Sintering or pelletising', "startsWith(industryCode, '31')"),
    has('hasIronmaking', '是否有炼铁工序', 'Ironmaking', "startsWith(industryCode, '31')"),
    has('hasSteelmaking', '是否有炼钢工序', 'Steelmaking', "startsWith(industryCode, '31')"),
    has('hasClinker', '是否有水泥熟料生产', 'Cement clinker production', "startsWith(industryCode, '30')"),
    has('hasProcessHeater', '是否有石化工艺加热炉', 'Petrochemical process heaters', "startsWith(industryCode, '25', '26')"),
    has('hasPetrochemProcess', '是否有石化生产工艺废气', 'Petrochemical process waste gas', "startsWith(industryCode, '25', '26')"),
    has('hasOrganicTanks', '是否有有机液体储罐或装载', 'Organic liquid tanks or loading'),
    has('usesVocMaterials', '是否使用含挥发性有机物原辅材料', 'Uses VOC-containing materials'),
    has('hasMaterialYards', '是否有固体物料堆场', 'Open yards of solid materials'),
    has('hasWasteGas', '是否产生工业废气', 'Generates industrial waste gas'),
    has('hasOtherWasteGas', '是否有其他废气排放', 'Other waste gas', 'hasWasteGas'),
    has('hasWastewater', '是否产生工业废水', 'Generates industrial wastewater'),
    has('hasSolidWaste', '是否产生一般工业固体废物', 'Generates general industrial solid waste'),
    has('hasHazardousWaste', '是否产生危险废物', 'Generates hazardous waste'),
    has('hasRiskSubstances', '是否涉及突发环境事件风险物质', 'Holds environmental emergency risk substances'),
    has('hasWaterMonitoring', '是否有废水监测数据', 'Has wastewater monitoring data', 'hasWastewater'),
    has('hasGasMonitoring', '是否有废气监测数据', 'Has waste-gas monitoring data', 'hasWasteGas'),
    has('radioactiveMinerals', '是否开采、冶炼伴生放射性矿', 'Mines or smelts associated radioactive minerals'),
    code('minerals', '涉及的伴生放射性矿种', 'Radioactive minerals concerned', 'radioactive-minerals', { multiple: true, required: 'radioactiveMinerals', relevant: 'radioactiveMinerals' }),
    file('sitePhotos', '厂区照片', 'Photos of the site', { accept: ['image/jpeg', 'image/png', 'image/webp'], maxFiles: 10, designed: true }),
    ...footer(),
  ],
  rules: [
    formRule('gas-sources', 'blocking', 'hasWasteGas', 'hasWasteGas or (boilerCount == 0 and kilnCount == 0)', '有锅炉或炉窑的企业应当产生废气', 'A unit with boilers or kilns generates waste gas'),
    formRule('idle-hours', 'warning', 'operatingHours', "operatingState != '4' or operatingHours < 8000", '部分时间停产，但正常生产时间接近全年，请核实', 'Idle part of the year, yet production hours are close to a full year; check them'),
    formRule('season-hours', 'blocking', 'operatingHours', 'operatingHours <= days(season) * 24', '正常生产时间超过季节性生产期间的小时数（{h} 小时）', 'Production hours exceed the hours of the seasonal period ({h} h)', { params: { h: 'days(season) * 24' } }),
    formRule('output-value', 'warning', 'outputValue', "operatingState == '2' or outputValue > 0", '生产企业的工业总产值为 0，请核实', 'A producing unit reports no output value; check it'),
  ],
};
