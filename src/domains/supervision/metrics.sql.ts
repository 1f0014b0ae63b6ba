// The counts behind the progress metrics, per child region of a parent, as of the end of a day
// (Asia/Shanghai). Every count reads the time a thing happened, so the figures for a past day do
// not move when later work is done: a dispatch regenerated for the same day gives the same table.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { CensusPhase } from '../../core/db/schema.ts';
import { addDays } from './rules/calendar.ts';
import { inScopeOf } from '../../core/db/distribution.ts';

export interface Raw {
  records: number; visited: number; confirmed: number; toSurvey: number;
  sourcesSubmitted: number; submitted: number; approved: number; approvals: number; rejections: number;
  qcChecked: number; qcWrong: number; qcDropped: number; qcMissed: number;
  counties: number; signed: number; accepted: number;
}
export const EMPTY_RAW: Raw = {
  records: 0, visited: 0, confirmed: 0, toSurvey: 0, sourcesSubmitted: 0, submitted: 0, approved: 0, approvals: 0, rejections: 0,
  qcChecked: 0, qcWrong: 0, qcDropped: 0, qcMissed: 0, counties: 0, signed: 0, accepted: 0,
};

/** The first instant after the day `on` in China. */
export const endOfDay = (on: string) => `${addDays(on, 1)}T00:00:00+08:00`;

type Row = Record<string, unknown> & { k: string };
const num = (v: unknown) => Number(v ?? 0);

/**
 * Raw counts keyed by the first `n` characters of region codes under `prefix` (n = the length of
 * the children's scope prefix), one map per day asked. Keys that are no child (rows placed at the
 * parent itself) still count towards the parent's own figures. The large tables (inventory records,
 * counties) are read once for all the days; the review steps once per day.
 */
export async function rawCounts(db: Db, prefix: string, n: number, days: readonly string[]): Promise<Map<string, Raw>[]> {
  const like = `${prefix}%`;
  const ends = days.map(endOfDay);
  const out = days.map(() => new Map<string, Raw>());
  const add = (i: number, rows: Row[], map: Record<string, keyof Raw>) => {
    for (const r of rows) {
      const cur = out[i]!.get(r.k) ?? { ...EMPTY_RAW };
      for (const [col, field] of Object.entries(map)) cur[field] += num(r[col]);
      out[i]!.set(r.k, cur);
    }
  };
  const perDay = (make: (end: string, i: number) => RawBuilder<unknown>) => sql.join(ends.map((e, i) => make(e, i)), sql`, `);
  const inventory = await sql<Row>`
    SELECT left(r.region_code, ${n}) AS k, ${perDay((e, i) => sql`
           count(*) FILTER (WHERE r.created_at < ${e}::timestamptz) AS ${sql.ref(`records_${i}`)},
           count(*) FILTER (WHERE r.visited_at < ${e}::timestamptz) AS ${sql.ref(`visited_${i}`)},
           count(*) FILTER (WHERE r.confirmed_at < ${e}::timestamptz) AS ${sql.ref(`confirmed_${i}`)},
           count(*) FILTER (WHERE r.confirmed_at < ${e}::timestamptz AND st.to_survey) AS ${sql.ref(`to_survey_${i}`)}`)}
      FROM inventory_records r
      LEFT JOIN inventory_states st ON st.code = r.state
     WHERE ${inScopeOf('r', prefix)}
     GROUP BY 1`.execute(db);
  const counties = await sql<Row>`
    SELECT left(g.code, ${n}) AS k, count(DISTINCT g.code) AS counties, ${perDay((e, i) => sql`
           count(DISTINCT d.region_code) FILTER (WHERE d.signed_at < ${e}::timestamptz) AS ${sql.ref(`signed_${i}`)},
           count(DISTINCT a.region_code) FILTER (WHERE a.accepted_at < ${e}::timestamptz AND (a.revoked_at IS NULL OR a.revoked_at >= ${e}::timestamptz)) AS ${sql.ref(`accepted_${i}`)}`)}
      FROM regions g
      LEFT JOIN directory_signoffs d ON d.region_code = g.code
      LEFT JOIN phase_acceptances a ON a.region_code = g.code AND a.phase = 'inventory'
     WHERE g.level = 'county' AND g.code LIKE ${like}
     GROUP BY 1`.execute(db);
  for (const [i, end] of ends.entries()) {
    add(i, inventory.rows, { [`records_${i}`]: 'records', [`visited_${i}`]: 'visited', [`confirmed_${i}`]: 'confirmed', [`to_survey_${i}`]: 'toSurvey' });
    add(i, counties.rows, { counties: 'counties', [`signed_${i}`]: 'signed', [`accepted_${i}`]: 'accepted' });
    // A submission's standing on the day is its last review step before the day ended: the step
    // taken by then and not yet followed by another (superseded_at, migration 0027).
    const survey = await sql<Row>`
      SELECT left(s.region_code, ${n}) AS k, count(DISTINCT s.source_id) AS sources_submitted, count(*) AS submitted,
             count(*) FILTER (WHERE t.action = 'approve' AND t.level IN ('county','city','province','nation')) AS approved
        FROM review_steps t JOIN submissions s ON s.id = t.submission_id AND s.province_code = t.province_code
       WHERE ${inScopeOf('s', prefix)} AND t.at < ${end}::timestamptz AND t.action <> 'confirm'
         AND (t.superseded_at IS NULL OR t.superseded_at >= ${end}::timestamptz)
       GROUP BY 1`.execute(db);
    add(i, survey.rows, { sources_submitted: 'sourcesSubmitted', submitted: 'submitted', approved: 'approved' });
    const steps = await sql<Row>`
      SELECT left(s.region_code, ${n}) AS k,
             count(*) FILTER (WHERE t.action = 'approve') AS approvals, count(*) FILTER (WHERE t.action = 'reject') AS rejections
        FROM review_steps t JOIN submissions s ON s.id = t.submission_id AND s.province_code = t.province_code
       WHERE ${inScopeOf('s', prefix)} AND t.at < ${end}::timestamptz AND t.action IN ('approve','reject')
       GROUP BY 1`.execute(db);
    add(i, steps.rows, { approvals: 'approvals', rejections: 'rejections' });
    const qc = await sql<Row>`
      SELECT left(q.region_code, ${n}) AS k, count(*) AS checked,
             count(*) FILTER (WHERE i.verdict = 'wrong') AS wrong,
             count(*) FILTER (WHERE i.verdict = 'wrong' AND i.stratum = 'deleted') AS dropped,
             coalesce(sum(i.missed), 0) AS missed
        FROM qc_sample_items i JOIN qc_samples q ON q.id = i.sample_id AND q.province_code = i.province_code
       WHERE ${inScopeOf('q', prefix)} AND i.verdict IS NOT NULL AND i.checked_at < ${end}::timestamptz
       GROUP BY 1`.execute(db);
    add(i, qc.rows, { checked: 'qcChecked', wrong: 'qcWrong', dropped: 'qcDropped', missed: 'qcMissed' });
  }
  return out;
}

export function sumRaw(parts: Iterable<Raw>): Raw {
  const t = { ...EMPTY_RAW };
  for (const p of parts) for (const k of Object.keys(t) as (keyof Raw)[]) t[k] += p[k];
  return t;
}

export interface RegionRow { code: string; name: string; level: string; scope_prefix: string; pilot: boolean }

export async function region(db: Db, code: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level', 'scope_prefix', 'pilot', 'parent_code']).where('code', '=', code).executeTakeFirst();
}

export async function children(db: Db, code: string): Promise<RegionRow[]> {
  return db.selectFrom('regions').select(['code', 'name', 'level', 'scope_prefix', 'pilot']).where('parent_code', '=', code).where('level', '<>', 'village').orderBy('code').execute();
}

/** The standing readiness report of each region on the day (reported by then, and entered by then). */
export async function readinessOn(db: Db, codes: readonly string[], on: string) {
  if (!codes.length) return [];
  return sql<ReadinessRow>`
    SELECT DISTINCT ON (region_code) ${READINESS_COLUMNS} FROM readiness_reports
     WHERE region_code IN (${sql.join(codes)}) AND reported_on <= ${on} AND created_at < ${endOfDay(on)}::timestamptz
     ORDER BY region_code, reported_on DESC, id DESC`.execute(db).then((r) => r.rows);
}

/** The columns of a report, dates as YYYY-MM-DD text (the drivers would make local-midnight Dates). */
export const READINESS_COLUMNS = sql.raw(`id, region_code, to_char(reported_on, 'YYYY-MM-DD') AS reported_on, to_char(leading_group_on, 'YYYY-MM-DD') AS leading_group_on,
  to_char(office_on, 'YYYY-MM-DD') AS office_on, to_char(plan_on, 'YYYY-MM-DD') AS plan_on, plan_document, meetings, in_assessment, staff_needed, staff_own,
  staff_seconded, office_space, network_connected, funds_budgeted, funds_arrived, agency_contracted, note, reported_by, created_at`);

export interface ReadinessRow {
  id: number; region_code: string; reported_on: string; leading_group_on: string | null; office_on: string | null; plan_on: string | null;
  plan_document: string | null; meetings: unknown; in_assessment: boolean; staff_needed: number; staff_own: number; staff_seconded: number;
  office_space: boolean; network_connected: boolean; funds_budgeted: string; funds_arrived: string; agency_contracted: boolean; note: string;
  reported_by: number | null; created_at: Date;
}

/** The calendar with its deadlines, and the pilot counties' own dates. */
export async function calendarRows(db: Db) {
  const phases = (await sql<{ phase: CensusPhase; position: number; starts_on: string; ends_on: string; weight: number }>`
    SELECT phase, position, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on, weight
      FROM census_calendar ORDER BY position`.execute(db)).rows;
  const deadlines = (await sql<{ phase: CensusPhase; level: 'province' | 'prefecture' | 'county' | 'township'; due_on: string }>`
    SELECT phase, level, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM calendar_deadlines`.execute(db)).rows;
  const pilots = (await sql<{ region_code: string; name: string; phase: 'inventory' | 'survey'; starts_on: string; ends_on: string }>`
    SELECT d.region_code, r.name, d.phase, to_char(d.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(d.ends_on, 'YYYY-MM-DD') AS ends_on
      FROM phase_dates d JOIN regions r ON r.code = d.region_code WHERE d.region_code <> '100000' ORDER BY d.region_code, d.phase`.execute(db)).rows;
  return { phases, deadlines, pilots };
}
