// The demo portal's texts, written for Pucha (not copied): the first news item retells, in our
// own words, the facts of China Environment News's report of 2018-04-27 on the Wenzhou on-site
// meeting of 2018-04-25 (../shared/docs/mission-source.md, census-facts.md); the notices and
// briefings are illustrative. `date` back-dates the demo's publish time to the story's own day.
import type { PortalSection } from '../../core/db/schema-portal.ts';

interface Version { title: string; summary: string; body: string; publisher: string; source: string }
export interface DemoArticle { section: PortalSection; slug: string; date: string; zh: Version; en: Version }

const OFFICE = { zh: '国务院第二次全国污染源普查领导小组办公室', en: 'Office of the State Council Leading Group for the Second National Pollution Source Census' };

export const ARTICLES: DemoArticle[] = [
  {
    section: 'news', slug: 'census-work-fully-launched', date: '2018-04-27T09:00:00+08:00',
    zh: {
      title: '第二次全国污染源普查工作全面启动', publisher: OFFICE.zh, source: '中国环境报',
      summary: '4月25日，第二次全国污染源普查现场会暨电视电话会议在浙江温州召开，部署清查建库和入户调查工作。',
      body: `4月25日，第二次全国污染源普查现场会暨电视电话会议在浙江省温州市召开。会议总结前一阶段工作，部署清查建库、检查验收和入户调查任务，标志着普查工作全面启动。

## 组织保障基本到位

截至4月20日，全国31个省（区、市）和新疆生产建设兵团均已成立普查领导小组和普查办公室，并印发了普查实施方案；10个省份召开了省、市、县三级动员部署会。一些地方把普查工作纳入政府绩效考核，晋城市一地就安排普查经费2800万元。

## 清查建库全面推开

按照计划，3月至6月开展清查建库和试点，7月开展检查验收，8月至11月开展入户调查。18个试点县（市）制定了试点方案，先行开展入户调查。

- 乐清市25个乡镇（街道）全面开展清查，其中12个已经完成。当地统计、环保、经信等八个部门联合审核清查名录，把每家企业归入六种状态之一，并以六种颜色标示，称为“八部六色法”。
- 重庆市北碚区组建“1+1”清查小组：一名熟悉情况的环保干部加一名第三方机构的专业人员。
- 陕西省在下发名录基础上增补企业2万余家；海南省组建20人的项目组指导市县工作。
- 一些地方使用无人机开展入河排污口排查；13个省份开展了伴生放射性矿初测。

## 问题与要求

会议指出，一些地方重视程度不够、清查工作不扎实、名录增补尚未完成，人员不足、办公场所未落实、专网未接通、经费未到位等问题仍然存在。下一步将建立双周调度机制，对进度滞后的地区点名督导；对工作突出的地区予以表扬，对工作滞后的地区视情况采取督办提醒、约谈通报和专项督查等措施。各省级普查机构要向省级政府专题报告，召开动员部署会，并建立国家和省两级工作群，实名参加。`,
    },
    en: {
      title: 'The Second National Pollution Source Census is fully under way', publisher: OFFICE.en, source: 'China Environment News',
      summary: 'An on-site meeting and national video conference in Wenzhou, Zhejiang, on 25 April set out the inventory and the household survey.',
      body: `On 25 April an on-site meeting and national video and telephone conference of the Second National Pollution Source Census was held in Wenzhou, Zhejiang. It reviewed the work so far and set out the inventory, its acceptance and the household survey: the census is now fully under way.

## Organisation in place

By 20 April all 31 provinces and the Xinjiang Production and Construction Corps had a census leading group and a census office and had issued their implementation plans; 10 provinces had held mobilisation meetings at province, city and county level. Some places count the census in their governments' performance assessment; Jincheng alone budgeted 28 million yuan.

## Inventory and directory

Inventory and directory building and the pilots run from March to June, acceptance in July and the household survey from August to November. 18 pilot counties and cities drew up their own plans and start the survey early.

- In Yueqing, 25 townships and streets are running the inventory and 12 have finished. Eight departments, among them statistics, environment and industry, review the list together and put each enterprise in one of six states marked with six colours.
- Beibei district of Chongqing sends out "1+1" teams: a local environment officer who knows the ground and a professional from a third-party agency.
- Shaanxi added more than 20,000 enterprises to the directory it received; Hainan formed a 20-person team to guide its cities and counties.
- Drones survey river outfalls in some places, and 13 provinces have run the initial measurement of associated radioactive mines.

## Problems and next steps

The meeting named low attention in some places, an inventory not done thoroughly, directory supplements unfinished, and missing guarantees: too few staff, no office, the dedicated network not connected, funds not arrived. A biweekly dispatch will follow progress and lagging regions will be supervised by name; good work will be praised, and lagging work may bring supervision reminders, interviews with public notification or special inspections. Provincial offices will report to their governments, hold mobilisation meetings and join national and provincial work groups under their real names.`,
    },
  },
  {
    section: 'notices', slug: 'inventory-acceptance-2018', date: '2018-06-20T10:00:00+08:00',
    zh: { title: '关于开展清查工作检查验收的通知', publisher: OFFICE.zh, source: '普查办', summary: '7月对各地清查建库工作进行检查验收。', body: '各省（区、市）普查办：\n\n定于2018年7月对清查建库工作开展检查验收。请各地在6月30日前完成名录增补和清查数据审核，县级普查机构自查后逐级报送验收申请。\n\n验收重点：名录完整性、清查状态准确性、八部门联合审核记录和质控抽查结果。' },
    en: { title: 'Notice on the acceptance of the inventory', publisher: OFFICE.en, source: 'Census office', summary: 'The inventory and directory work will be checked and accepted in July.', body: 'To the provincial census offices:\n\nThe inventory and directory work will be checked and accepted in July 2018. Finish the directory supplements and the review of the inventory data by 30 June; county offices check their own work first and apply for acceptance level by level.\n\nThe check looks at the completeness of the directory, the accuracy of the inventory states, the records of the eight departments\' joint review and the quality-control samples.' },
  },
  {
    section: 'notices', slug: 'household-survey-begins', date: '2018-07-30T10:00:00+08:00',
    zh: { title: '关于全面开展入户调查的通知', publisher: OFFICE.zh, source: '普查办', summary: '8月1日起全面开展入户调查，11月底前完成。', body: '自2018年8月1日起全面开展入户调查，11月30日前完成数据填报和审核。\n\n普查员应携带证件入户，指导普查对象如实填报普查表；企业可自行填报，经法定代表人确认后提交。' },
    en: { title: 'Notice: the household survey begins', publisher: OFFICE.en, source: 'Census office', summary: 'The household survey runs from 1 August to the end of November.', body: 'The household survey starts on 1 August 2018; forms are to be filled and reviewed by 30 November.\n\nCensus takers carry their credentials and help each unit fill its forms truthfully; an enterprise may fill its own forms, confirmed by its legal representative before it submits them.' },
  },
  {
    section: 'notices', slug: 'third-party-agency-rules', date: '2018-05-10T10:00:00+08:00',
    zh: { title: '关于规范第三方机构参与普查工作的通知', publisher: OFFICE.zh, source: '普查办', summary: '第三方机构通过招标选定，人员须经培训考核后上岗。', body: '各地选用第三方机构参与普查，应通过公开招标确定，签订合同明确质量责任。第三方人员须经培训考核合格后持证上岗，普查数据不得用于普查以外的目的。' },
    en: { title: 'Notice on third-party agencies in the census', publisher: OFFICE.en, source: 'Census office', summary: 'Agencies are chosen by tender; their staff work only after training and a test.', body: 'Third-party agencies taking part in the census are chosen by open tender under contracts that set their responsibility for quality. Their staff work only after passing training and a test, and census data may not be used for anything but the census.' },
  },
  {
    section: 'briefings', slug: 'briefing-2018-no-5', date: '2018-05-04T16:00:00+08:00',
    zh: { title: '普查工作简报（2018年第5期）', publisher: OFFICE.zh, source: '普查办', summary: '双周调度：清查进度与保障落实情况。', body: '截至5月4日，全国清查工作有序推进。浙江、江苏、山东等省清查进度领先；部分省份专网尚未接通、经费未全部到位，已列入督导名单。\n\n下期调度时间：5月18日。' },
    en: { title: 'Census briefing (2018, no. 5)', publisher: OFFICE.en, source: 'Census office', summary: 'Biweekly dispatch: inventory progress and guarantees.', body: 'By 4 May the inventory was moving ahead across the country. Zhejiang, Jiangsu and Shandong lead; in some provinces the dedicated network is not connected or funds have not fully arrived, and these are on the supervision list.\n\nNext dispatch: 18 May.' },
  },
  {
    section: 'briefings', slug: 'yueqing-eight-departments', date: '2018-05-18T16:00:00+08:00',
    zh: { title: '乐清市“八部六色法”经验介绍', publisher: '浙江省第二次全国污染源普查领导小组办公室', source: '普查办', summary: '多部门联合审核，让清查名录更完整、更准确。', body: '乐清市组织统计、环保、经信、市场监管等八个部门联合审核清查名录，逐家确定企业状态（正常、删除、增补等六种），并以六种颜色标示。\n\n这一做法减少了漏查和重复，已在全省推广。' },
    en: { title: 'Yueqing\'s "eight departments, six colours"', publisher: 'Zhejiang Provincial Census Office', source: 'Census office', summary: 'A joint review by several departments makes the inventory list more complete and more accurate.', body: 'Yueqing has eight departments — statistics, environment, industry, market regulation and others — review the inventory list together, settle each enterprise\'s state (normal, deleted, added and three more) and mark it with one of six colours.\n\nThe method cuts omissions and duplicates and is now used across the province.' },
  },
  {
    section: 'results', slug: 'yueqing-emissions-demo', date: '2019-12-20T10:00:00+08:00',
    zh: { title: '乐清市污染物排放情况（初步，演示数据）', publisher: OFFICE.zh, source: '普查办', summary: '由演示普查的核算结果生成，含尚在审核中的数据，不是官方数据。', body: '本页数据由 Pucha 演示普查的普查表核算生成，含尚在审核中的数据，仅用于演示，**不是官方普查结果**。' },
    en: { title: 'Emissions of Yueqing (provisional, demo data)', publisher: OFFICE.en, source: 'Census office', summary: 'Made from the demo census\'s accounting, including figures still in review; not official.', body: 'The figures on this page were computed from the forms of Pucha\'s demo census, including some still in review, and serve as a demonstration only; **they are not official census results**.' },
  },
];

export const LINKS = [
  { nameZh: '中华人民共和国生态环境部', nameEn: 'Ministry of Ecology and Environment', url: 'https://www.mee.gov.cn/' },
  { nameZh: '国家统计局', nameEn: 'National Bureau of Statistics', url: 'https://www.stats.gov.cn/' },
  { nameZh: '农业农村部', nameEn: 'Ministry of Agriculture and Rural Affairs', url: 'https://www.moa.gov.cn/' },
  { nameZh: '水利部', nameEn: 'Ministry of Water Resources', url: 'https://www.mwr.gov.cn/' },
  { nameZh: '国家市场监督管理总局', nameEn: 'State Administration for Market Regulation', url: 'https://www.samr.gov.cn/' },
  { nameZh: '中国政府网', nameEn: 'www.gov.cn', url: 'https://www.gov.cn/' },
];
