// The configuration of the inventory: the six states and the reviewing
// departments (national office), and the phase dates of pilot counties.
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { DEPARTMENTS, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { checkDepartmentSet, checkStateSet, type DepartmentDef, type StateDef } from './rules/states.ts';

export async function getStates(db: Db | Tx): Promise<StateDef[]> {
  const rows = await db.selectFrom('inventory_states').selectAll().orderBy('position').execute();
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, colour: r.colour, toSurvey: r.to_survey, reasons: r.reasons, position: r.position }));
}

export async function getDepartments(db: Db | Tx): Promise<DepartmentDef[]> {
  const rows = await db.selectFrom('inventory_departments').selectAll().orderBy('position').execute();
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, required: r.required, position: r.position }));
}

/**
 * Replaces the six states. A state still held by records cannot disappear
 * (its code is referenced), so renaming a code means adding and moving first.
 */
export async function putStates(db: Db, actor: Actor, states: StateDef[]) {
  const next = checkStateSet(states);
  return db.transaction().execute(async (trx) => {
    const before = await getStates(trx);
    const gone = before.filter((b) => !next.some((n) => n.code === b.code)).map((b) => b.code);
    if (gone.length) {
      const used = await trx.selectFrom('inventory_records').select('state').where('state', 'in', gone).limit(1).executeTakeFirst();
      if (used) throw new AppError('INVENTORY_STATES_INVALID', { detail: `state ${used.state} is held by records` });
      await trx.deleteFrom('inventory_states').where('code', 'in', gone).execute();
    }
    for (const s of next) {
      await sql`INSERT INTO inventory_states (code, name_zh, name_en, colour, to_survey, reasons, position)
        VALUES (${s.code}, ${s.nameZh.trim()}, ${s.nameEn.trim()}, ${s.colour}, ${s.toSurvey}, ${s.reasons}, ${s.position})
        ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, colour = EXCLUDED.colour,
          to_survey = EXCLUDED.to_survey, reasons = EXCLUDED.reasons, position = EXCLUDED.position`.execute(trx);
    }
    const after = await getStates(trx);
    await recordAudit(trx, actor, { action: 'inventory.states', entity: 'settings', entityId: 'inventory_states', regionCode: null, before, after });
    return after;
  });
}

export async function putDepartments(db: Db, actor: Actor, deps: DepartmentDef[]) {
  const next = checkDepartmentSet(deps, DEPARTMENTS);
  return db.transaction().execute(async (trx) => {
    const before = await getDepartments(trx);
    const gone = before.filter((b) => !next.some((n) => n.code === b.code)).map((b) => b.code);
    if (gone.length) {
      const used = await trx.selectFrom('inventory_verdicts').select('department').where('department', 'in', gone).limit(1).executeTakeFirst();
      if (used) throw new AppError('INVENTORY_DEPARTMENTS_INVALID', { detail: `department ${used.department} has given verdicts` });
      await trx.deleteFrom('inventory_departments').where('code', 'in', gone).execute();
    }
    for (const d of next) {
      await sql`INSERT INTO inventory_departments (code, name_zh, name_en, required, position)
        VALUES (${d.code}, ${d.nameZh.trim()}, ${d.nameEn.trim()}, ${d.required}, ${d.position})
        ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, required = EXCLUDED.required, position = EXCLUDED.position`.execute(trx);
    }
    const after = await getDepartments(trx);
    await recordAudit(trx, actor, { action: 'inventory.departments', entity: 'settings', entityId: 'inventory_departments', regionCode: null, before, after });
    return after;
  });
}

export async function putPhaseDates(db: Db, actor: Actor, b: { regionCode: string; phase: 'inventory' | 'survey'; startsOn: string; endsOn: string }) {
  if (b.endsOn < b.startsOn) throw new AppError('REQUEST_INVALID', { detail: 'endsOn is before startsOn' });
  const region = await db.selectFrom('regions').select(['code', 'level']).where('code', '=', b.regionCode).executeTakeFirst();
  if (!region || !['nation', 'county'].includes(region.level)) throw new AppError('REGION_UNKNOWN', { code: b.regionCode });
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('phase_dates').selectAll().where('region_code', '=', b.regionCode).where('phase', '=', b.phase).executeTakeFirst();
    await sql`INSERT INTO phase_dates (region_code, phase, starts_on, ends_on) VALUES (${b.regionCode}, ${b.phase}, ${b.startsOn}, ${b.endsOn})
      ON CONFLICT (region_code, phase) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on`.execute(trx);
    await recordAudit(trx, actor, { action: 'inventory.phase-dates', entity: 'region', entityId: b.regionCode, regionCode: b.regionCode, before: before ?? null, after: b });
    return b;
  });
}

/** Pilot counties in scope with their survey dates (their own, else the national ones) and inventory completion. */
export async function listPilots(db: Db, actor: Actor) {
  const { rows } = await sql<{ code: string; name: string; parent_name: string | null; starts_on: string; ends_on: string; sources: number; visited: number }>`
    SELECT r.code, r.name, p.name AS parent_name,
      to_char(coalesce(d.starts_on, n.starts_on), 'YYYY-MM-DD') AS starts_on, to_char(coalesce(d.ends_on, n.ends_on), 'YYYY-MM-DD') AS ends_on,
      (SELECT count(*)::int FROM sources s WHERE s.state = 'active' AND s.region_code LIKE r.code || '%') AS sources,
      (SELECT count(*)::int FROM inventory_records i WHERE i.region_code LIKE r.code || '%' AND i.status NOT IN ('assigned','new','deleted')) AS visited
    FROM regions r LEFT JOIN regions p ON p.code = r.parent_code
    LEFT JOIN phase_dates d ON d.region_code = r.code AND d.phase = 'survey'
    LEFT JOIN phase_dates n ON n.region_code = '100000' AND n.phase = 'survey'
    WHERE r.pilot AND r.code LIKE ${actor.scopePrefix + '%'} ORDER BY r.code`.execute(db);
  return rows.map((r) => ({
    code: r.code, name: r.name, parentName: r.parent_name, surveyStartsOn: r.starts_on, surveyEndsOn: r.ends_on,
    sources: r.sources, visited: r.visited, inventoryCompletion: r.sources ? r.visited / r.sources : 0,
  }));
}
