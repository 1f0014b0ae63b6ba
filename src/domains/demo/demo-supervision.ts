// The demo's national layer of supervision: all 31 provinces and the Corps with their readiness
// as reported by 2018-03-23 and by 2018-04-20 (the day the source article counts: every one had a
// leading group, an office and a plan; ten had held three-level mobilisation meetings), the gaps
// the 2018-04-25 meeting named (too few staff, no office, network not connected, funds not
// arrived) placed on some provinces; a biweekly dispatch history and a monthly notice generated
// from those reports; open cases (Henan's supervision letter to a lagging city, Hunan's summons)
// and the nation's praise for Zhejiang. Which provinces hold which gap is illustrative: the
// article names the problems, not the provinces (noted in docs/supervision-api.md).
import type { Db } from '../../core/db/index.ts';
import { SYSTEM, type Actor } from '../access/index.ts';
import { queueJob, type JobHandler } from '../jobs/index.ts';
import { generateDispatch, openCase, publishDispatch, reportReadiness } from '../supervision/index.ts';
import { addDays } from '../supervision/rules/calendar.ts';
import { actorOf } from './demo-survey.ts';

export const DEMO_SUPERVISION_JOB = 'demo.supervision';

const PROVINCES = ['110000', '120000', '130000', '140000', '150000', '210000', '220000', '230000', '310000', '320000', '330000', '340000', '350000', '360000', '370000', '410000',
  '420000', '430000', '440000', '450000', '460000', '500000', '510000', '520000', '530000', '540000', '610000', '620000', '630000', '640000', '650000', '660000'];
// Ten with three-level mobilisation meetings by 2018-04-20 (illustrative choice).
const THREE_LEVEL = new Set(['110000', '320000', '330000', '340000', '350000', '370000', '420000', '440000', '510000', '610000']);
// The meeting's problems, on illustrative provinces; 重庆 lags on every guarantee (the examples' laggard).
const GAPS: Record<string, Array<'staff' | 'officeSpace' | 'network' | 'funds'>> = {
  '500000': ['staff', 'officeSpace', 'network', 'funds'], '230000': ['network', 'funds'], '540000': ['staff', 'network'], '630000': ['funds'],
  '620000': ['staff', 'funds'], '450000': ['officeSpace'], '150000': ['network'], '520000': ['funds'], '660000': ['staff', 'network'],
};

const system = (regionCode: string, scopePrefix: string, scopeLevel: Actor['scopeLevel']): Actor => ({ ...SYSTEM, regionCode, scopePrefix, scopeLevel, role: 'regional-office' });
const at = (day: string) => new Date(`${day}T18:00:00+08:00`);

export async function demoSupervisionLoaded(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('readiness_reports').select('id').where('region_code', '=', '110000').where('reported_on', '=', '2018-04-20').limit(1).executeTakeFirst());
}

export async function loadDemoSupervision(db: Db) {
  if (await demoSupervisionLoaded(db)) return { skipped: true };
  let reports = 0;
  for (const [i, code] of PROVINCES.entries()) {
    const gaps = GAPS[code] ?? [];
    const early = i % 3 === 0; // a third had everything in place by March
    const base = {
      leadingGroupOn: `2017-${String(10 + (i % 3)).padStart(2, '0')}-${String(10 + (i % 18)).padStart(2, '0')}`,
      officeOn: `2017-${String(11 + (i % 2)).padStart(2, '0')}-${String(5 + (i % 20)).padStart(2, '0')}`,
      inAssessment: i % 4 !== 3, staffNeeded: 40, officeSpace: !gaps.includes('officeSpace'), networkConnected: !gaps.includes('network'),
      fundsBudgeted: 20_000_000 + (i % 7) * 5_000_000,
    };
    const march = {
      ...base, reportedOn: '2018-03-23', planOn: early ? '2018-02-28' : null, staffOwn: 20, staffSeconded: early ? 10 : 2, fundsArrived: early ? base.fundsBudgeted : 0,
      meetings: early ? [{ level: 'province' as const, heldOn: '2018-03-15' }] : [],
    };
    const april = {
      ...base, reportedOn: '2018-04-20', planOn: march.planOn ?? '2018-04-10', planDocument: `省污普〔2018〕${i + 1}号`,
      staffOwn: gaps.includes('staff') ? 18 : 28, staffSeconded: gaps.includes('staff') ? 4 : 14, // seconded from agriculture and water
      fundsArrived: gaps.includes('funds') ? Math.round(base.fundsBudgeted * 0.35) : base.fundsBudgeted,
      meetings: [{ level: 'province' as const, heldOn: '2018-03-15' }, ...(THREE_LEVEL.has(code) ? [{ level: 'prefecture' as const, heldOn: '2018-03-30' }, { level: 'county' as const, heldOn: '2018-04-12' }] : [])],
    };
    for (const r of [march, april]) { await reportReadiness(db, SYSTEM, code, r, at(r.reportedOn)); reports++; }
  }
  // 晋城市 alone budgeted 28 million yuan (the article).
  await reportReadiness(db, SYSTEM, '140500', {
    reportedOn: '2018-04-20', leadingGroupOn: '2017-12-20', officeOn: '2017-12-28', planOn: '2018-03-05', meetings: [{ level: 'prefecture', heldOn: '2018-03-22' }],
    inAssessment: true, staffNeeded: 30, staffOwn: 22, staffSeconded: 8, officeSpace: true, networkConnected: true, fundsBudgeted: 28_000_000, fundsArrived: 28_000_000, agencyContracted: true,
  }, at('2018-04-20'));
  reports++;

  const nation = await actorOf(db, 'nation');
  const dispatches = [];
  for (const asOf of ['2018-03-23', '2018-04-06', '2018-04-20']) {
    const d = await generateDispatch(db, nation, { kind: 'biweekly', asOf });
    dispatches.push((await publishDispatch(db, nation, d.id, { version: d.version })).id);
  }
  const monthly = await generateDispatch(db, nation, { kind: 'monthly', asOf: '2018-04-30' });
  dispatches.push((await publishDispatch(db, nation, monthly.id, { version: monthly.version })).id);

  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const cases = [
    await openCase(db, system('410000', '41', 'province'), {
      type: 'letter', targetRegion: '411600', reasons: '名录增补未完成，清查进度滞后于全省平均；第三方机构尚未落实。', measures: '一、十日内完成名录增补并签署确认；二、落实第三方机构；三、每周报送进度。', dueOn: addDays(today, 10),
    }),
    await openCase(db, system('430000', '43', 'province'), {
      type: 'summons', targetRegion: '431200', reasons: '入户调查进度全省末位，经费未到位，第三方质控不力。', measures: '市政府分管负责同志到省普查办接受约谈，提交整改方案。', dueOn: addDays(today, 20),
    }),
    await openCase(db, nation, { type: 'letter', targetRegion: '500000', reasons: '人员、场所、专网、经费均未落实到位，清查工作推进缓慢。', measures: '一个月内落实保障条件，报送整改情况。', dueOn: addDays(today, 30), dispatchId: dispatches[2] }),
    await openCase(db, nation, { type: 'praise', targetRegion: '330000', reasons: '乐清市创新“八部六色法”，多部门联合审核清查名录，经验在全国现场会推广。' }),
  ];
  return { reports, dispatches: dispatches.length, cases: cases.length };
}

export async function queueDemoSupervision(db: Db) {
  if (await demoSupervisionLoaded(db)) return null;
  return queueJob(db, { kind: DEMO_SUPERVISION_JOB, regionCode: '100000', createdBy: null, params: {} });
}

export const demoSupervisionJob: JobHandler = { kind: DEMO_SUPERVISION_JOB, run: (ctx) => loadDemoSupervision(ctx.db) };
