// SQL of teams and their members.
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';

const selectTeams = (db: Db) =>
  db
    .selectFrom('teams as t')
    .innerJoin('regions as r', 'r.code', 't.region_code')
    .leftJoin('agencies as a', 'a.id', 't.agency_id')
    .leftJoin('users as i', 'i.id', 't.instructor_id')
    .select([
      't.id',
      't.name',
      't.region_code',
      'r.name as region_name',
      't.kind',
      't.agency_id',
      'a.name as agency_name',
      't.instructor_id',
      'i.display_name as instructor_name',
      't.disabled',
      't.version',
    ]);

export type TeamRow = Awaited<ReturnType<ReturnType<typeof selectTeams>['executeTakeFirstOrThrow']>>;

export async function listTeams(db: Db, f: { scopePrefix: string; kind?: string; before?: number; limit: number }) {
  let q = selectTeams(db).where('t.region_code', 'like', `${f.scopePrefix}%`);
  if (f.kind) q = q.where('t.kind', '=', f.kind);
  if (f.before) q = q.where('t.id', '<', f.before);
  return q.orderBy('t.id', 'desc').limit(f.limit + 1).execute();
}

export async function getTeam(db: Db, id: number, scopePrefix: string) {
  return selectTeams(db).where('t.id', '=', id).where('t.region_code', 'like', `${scopePrefix}%`).executeTakeFirst();
}

/** The members of many teams at once, locals before professionals, then by user. */
export async function membersOf(db: Db, teamIds: number[]) {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom('team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.team_id', 'm.user_id', 'u.username', 'u.display_name', 'm.member_role'])
    .where(sql<boolean>`m.team_id = ANY(${teamIds}::bigint[])`)
    .orderBy('m.team_id')
    .orderBy('m.member_role')
    .orderBy('m.user_id')
    .execute();
}

/** What the team rules need to know of the users a team names. */
export async function userFacts(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'region_code', 'agency_id', 'disabled'])
    .where(sql<boolean>`id = ANY(${ids}::bigint[])`)
    .execute();
}

export interface TeamFields {
  name: string;
  regionCode: string;
  kind: string;
  agencyId: number | null;
  instructorId: number | null;
}

export async function insertTeam(trx: Tx, t: TeamFields) {
  const r = await trx
    .insertInto('teams')
    .values({ name: t.name, region_code: t.regionCode, kind: t.kind, agency_id: t.agencyId, instructor_id: t.instructorId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The whitelisted update, guarded by the version the caller read; undefined when the version moved. */
export async function updateTeam(trx: Tx, id: number, version: number, c: { name?: string; agencyId?: number | null; instructorId?: number | null; disabled?: boolean }) {
  const r = await trx
    .updateTable('teams')
    .set({
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.agencyId !== undefined ? { agency_id: c.agencyId } : {}),
      ...(c.instructorId !== undefined ? { instructor_id: c.instructorId } : {}),
      ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return r && Number(r.id);
}

export async function replaceMembers(trx: Tx, teamId: number, members: Array<{ userId: number; memberRole: string }>) {
  await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (members.length === 0) return;
  await trx
    .insertInto('team_members')
    .values(members.map((m) => ({ team_id: teamId, user_id: m.userId, member_role: m.memberRole })))
    .execute();
}
