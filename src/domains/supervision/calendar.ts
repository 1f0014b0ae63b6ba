// The census calendar as the national office keeps it; the survey gate and the inventory read the
// national inventory and survey dates from phase_dates, so those two are written there as well.
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { CensusPhase } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { calendarProblems, PHASE_NAMES, PHASES, type PhaseDates } from './rules/calendar.ts';
import { loadCalendar } from './progress.ts';

export async function getCalendar(db: Db) {
  const { calendar, pilots } = await loadCalendar(db);
  return {
    phases: calendar.map((p, position) => ({ ...p, position, nameZh: PHASE_NAMES[p.phase].zh, nameEn: PHASE_NAMES[p.phase].en })),
    pilots: pilots.map((p) => ({ regionCode: p.region_code, name: p.name, phase: p.phase, startsOn: p.starts_on, endsOn: p.ends_on })),
  };
}

export interface CalendarBody { phases: Array<{ phase: CensusPhase; startsOn: string; endsOn: string; weight?: number; deadlines?: PhaseDates['deadlines'] }> }

export async function putCalendar(db: Db, actor: Actor, body: CalendarBody) {
  const { calendar: before } = await loadCalendar(db);
  const byPhase = new Map(before.map((p) => [p.phase, p]));
  for (const p of body.phases) {
    if (!PHASES.includes(p.phase)) throw new AppError('CALENDAR_INVALID', { detail: `unknown phase ${String(p.phase).slice(0, 30)}` });
    const old = byPhase.get(p.phase)!;
    byPhase.set(p.phase, { phase: p.phase, startsOn: p.startsOn, endsOn: p.endsOn, weight: p.weight ?? old.weight, deadlines: p.deadlines ?? old.deadlines });
  }
  const next = PHASES.map((p) => byPhase.get(p)!);
  const problems = calendarProblems(next);
  if (problems.length) throw new AppError('CALENDAR_INVALID', { detail: problems.slice(0, 3).join('; ') }, problems);
  await db.transaction().execute(async (trx) => {
    for (const p of next) {
      await trx.updateTable('census_calendar').set({ starts_on: p.startsOn, ends_on: p.endsOn, weight: p.weight }).where('phase', '=', p.phase).execute();
      await trx.deleteFrom('calendar_deadlines').where('phase', '=', p.phase).execute();
      const rows = Object.entries(p.deadlines).filter(([, d]) => !!d).map(([level, due]) => ({ phase: p.phase, level: level as 'county', due_on: due! }));
      if (rows.length) await trx.insertInto('calendar_deadlines').values(rows).execute();
      if (p.phase === 'inventory' || p.phase === 'survey') {
        await sql`UPDATE phase_dates SET starts_on = ${p.startsOn}, ends_on = ${p.endsOn} WHERE region_code = '100000' AND phase = ${p.phase}`.execute(trx);
      }
    }
    await recordAudit(trx, actor, { action: 'supervision.calendar', entity: 'calendar', entityId: 'census', regionCode: null, before, after: next });
  });
  return getCalendar(db);
}
