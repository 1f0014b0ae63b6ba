// 组织与保障: each region reports its own organisation and guarantees; the level above reads
// its children's standing reports and their gaps (rules/readiness.ts). Reports are kept, never
// overwritten, so the readiness on any past day can be shown again.
import { announce } from '../../core/db/changes.ts';
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { RegionLevel } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { isIsoDate } from './rules/calendar.ts';
import { GAPS, gapsOf, threeLevelMeetings, type Meeting } from './rules/readiness.ts';
import { children, READINESS_COLUMNS, readinessOn, type ReadinessRow } from './metrics.sql.ts';
import { checkDay, readinessOf, scopedRegion, today } from './progress.ts';

export function reportView(r: ReadinessRow | undefined) {
  if (!r) return null;
  return {
    id: r.id, reportedOn: r.reported_on, leadingGroupOn: r.leading_group_on, officeOn: r.office_on, planOn: r.plan_on, planDocument: r.plan_document,
    meetings: r.meetings, inAssessment: r.in_assessment, staffNeeded: r.staff_needed, staffOwn: r.staff_own, staffSeconded: r.staff_seconded,
    officeSpace: r.office_space, networkConnected: r.network_connected, fundsBudgeted: Number(r.funds_budgeted), fundsArrived: Number(r.funds_arrived),
    agencyContracted: r.agency_contracted, note: r.note, reportedBy: r.reported_by, createdAt: r.created_at,
  };
}

export async function readinessList(db: Db, actor: Actor, q: { region?: string; asOf?: string }) {
  const r = await scopedRegion(db, actor, q.region);
  const on = checkDay(q.asOf);
  const kids = await children(db, r.code);
  const reports = new Map((await readinessOn(db, kids.map((k) => k.code), on)).map((x) => [x.region_code, x]));
  const items = kids.map((k) => {
    const rep = reports.get(k.code);
    return { code: k.code, name: k.name, level: k.level, report: reportView(rep), gaps: gapsOf(readinessOf(rep), k.level as RegionLevel) };
  });
  const reps = items.map((i) => readinessOf(reports.get(i.code)));
  const summary = {
    regions: items.length,
    reported: reps.filter(Boolean).length,
    leadingGroup: reps.filter((x) => x?.leadingGroupOn).length,
    office: reps.filter((x) => x?.officeOn).length,
    plan: reps.filter((x) => x?.planOn).length,
    threeLevelMeetings: reps.filter((x) => threeLevelMeetings(x)).length,
    networkConnected: reps.filter((x) => x?.networkConnected).length,
    fundsBudgetedYuan: reps.reduce((n, x) => n + (x?.fundsBudgeted ?? 0), 0),
    fundsArrivedYuan: reps.reduce((n, x) => n + (x?.fundsArrived ?? 0), 0),
    gaps: Object.fromEntries(GAPS.map((g) => [g, items.filter((i) => i.gaps.includes(g)).length])),
  };
  return { region: { code: r.code, name: r.name, level: r.level }, asOf: on, summary, items };
}

export async function readinessHistory(db: Db, actor: Actor, code: string) {
  const r = await scopedRegion(db, actor, code);
  const history = (await sql<ReadinessRow>`SELECT ${READINESS_COLUMNS} FROM readiness_reports WHERE region_code = ${r.code} ORDER BY reported_on DESC, id DESC LIMIT 200`.execute(db)).rows;
  const current = history[0];
  return {
    region: { code: r.code, name: r.name, level: r.level },
    current: reportView(current), gaps: gapsOf(readinessOf(current), r.level as RegionLevel), history: history.map(reportView),
  };
}

export interface ReadinessBody {
  reportedOn?: string; leadingGroupOn?: string | null; officeOn?: string | null; planOn?: string | null; planDocument?: string | null;
  meetings?: Meeting[]; inAssessment?: boolean; staffNeeded?: number; staffOwn?: number; staffSeconded?: number;
  officeSpace?: boolean; networkConnected?: boolean; fundsBudgeted?: number; fundsArrived?: number; agencyContracted?: boolean; note?: string;
}

/** A new report of the caller's own region; fields not sent keep the last report's values. */
export async function reportReadiness(db: Db, actor: Actor, code: string, b: ReadinessBody, at?: Date) {
  const r = await scopedRegion(db, actor, code);
  if (r.code !== actor.regionCode && actor.id !== null) throw new AppError('READINESS_NOT_OWN', { region: r.name });
  const reportedOn = checkDay(b.reportedOn, today());
  if (reportedOn > today()) throw new AppError('READINESS_INVALID', { detail: `reportedOn ${reportedOn} is in the future` });
  for (const [k, v] of Object.entries(b)) {
    if (/On$/.test(k) && v !== null && v !== undefined && !isIsoDate(String(v))) throw new AppError('READINESS_INVALID', { detail: `${k} is not YYYY-MM-DD` });
    if (/On$/.test(k) && typeof v === 'string' && v > reportedOn) throw new AppError('READINESS_INVALID', { detail: `${k} ${v} falls after the report's day ${reportedOn}` });
  }
  for (const m of b.meetings ?? []) if (!isIsoDate(m.heldOn)) throw new AppError('READINESS_INVALID', { detail: 'a meeting date is not YYYY-MM-DD' });
  if ((b.fundsArrived ?? 0) > 1e13 || (b.fundsBudgeted ?? 0) > 1e13) throw new AppError('READINESS_INVALID', { detail: 'funds beyond 10 trillion yuan' });
  const result = await db.transaction().execute(async (trx) => {
    const last = (await sql<ReadinessRow>`SELECT ${READINESS_COLUMNS} FROM readiness_reports WHERE region_code = ${r.code} ORDER BY reported_on DESC, id DESC LIMIT 1`.execute(trx)).rows[0];
    const prev = reportView(last);
    const pick = <K extends keyof ReadinessBody>(k: K, fallback: unknown) => (b[k] !== undefined ? b[k] : prev ? (prev as Record<string, unknown>)[k] : fallback);
    const values = {
      region_code: r.code, reported_on: reportedOn,
      leading_group_on: pick('leadingGroupOn', null) as string | null, office_on: pick('officeOn', null) as string | null, plan_on: pick('planOn', null) as string | null,
      plan_document: pick('planDocument', null) as string | null, meetings: JSON.stringify(pick('meetings', [])),
      in_assessment: pick('inAssessment', false) as boolean, staff_needed: pick('staffNeeded', 0) as number, staff_own: pick('staffOwn', 0) as number,
      staff_seconded: pick('staffSeconded', 0) as number, office_space: pick('officeSpace', false) as boolean, network_connected: pick('networkConnected', false) as boolean,
      funds_budgeted: String(pick('fundsBudgeted', 0)), funds_arrived: String(pick('fundsArrived', 0)), agency_contracted: pick('agencyContracted', false) as boolean,
      note: (pick('note', '') as string) ?? '', reported_by: actor.id, ...(at ? { created_at: at } : {}),
    };
    const row = await trx.insertInto('readiness_reports').values(values).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'supervision.readiness', entity: 'region', entityId: r.code, regionCode: r.code, before: prev, after: { ...values, meetings: JSON.parse(values.meetings) } });
    const saved = (await sql<ReadinessRow>`SELECT ${READINESS_COLUMNS} FROM readiness_reports WHERE id = ${row.id}`.execute(trx)).rows[0];
    return { region: { code: r.code, name: r.name }, report: reportView(saved), gaps: gapsOf(readinessOf(saved), r.level as RegionLevel) };
  });
  await announce('supervision-figures'); // the rankings show the report at once
  return result;
}
