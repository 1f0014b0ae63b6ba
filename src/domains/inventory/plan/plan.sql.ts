// SQL of inventory planning: census zones, work packages and their history,
// and the inventory records that tie sources to them.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import { provinceOf } from '../rules/zone-code.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export interface ZoneRow {
  id: number;
  code: string;
  region_code: string;
  region_name: string;
  name: string;
  keywords: string[];
  sources: number;
  version: number;
}

export async function listZones(db: Db, prefix: string) {
  const { rows } = await sql<ZoneRow>`
    SELECT z.id, z.code, z.region_code, r.name AS region_name, z.name, z.keywords, z.version,
      (SELECT count(*)::int FROM inventory_records i WHERE i.zone_id = z.id AND i.status <> 'deleted') AS sources
    FROM census_zones z JOIN regions r ON r.code = z.region_code
    WHERE z.region_code LIKE ${prefix + '%'} ORDER BY z.code LIMIT 2000`.execute(db);
  return rows;
}

export async function getZone(db: Db | Tx, id: number, prefix: string) {
  const { rows } = await sql<ZoneRow>`
    SELECT z.id, z.code, z.region_code, r.name AS region_name, z.name, z.keywords, z.version,
      (SELECT count(*)::int FROM inventory_records i WHERE i.zone_id = z.id AND i.status <> 'deleted') AS sources
    FROM census_zones z JOIN regions r ON r.code = z.region_code
    WHERE z.id = ${id} AND z.region_code LIKE ${prefix + '%'}`.execute(db);
  return rows[0];
}

export async function zoneCodesOf(trx: Tx, township: string) {
  return (await trx.selectFrom('census_zones').select('code').where('region_code', '=', township).execute()).map((r) => r.code);
}

export async function insertZone(trx: Tx, z: { code: string; regionCode: string; name: string; keywords: string[] }) {
  const r = await trx.insertInto('census_zones')
    .values({ code: z.code, region_code: z.regionCode, province_code: provinceOf(z.regionCode), name: z.name, keywords: z.keywords })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateZone(trx: Tx, id: number, version: number, c: { name?: string; keywords?: string[] }) {
  const r = await trx.updateTable('census_zones')
    .set({ ...(c.name !== undefined && { name: c.name }), ...(c.keywords !== undefined && { keywords: c.keywords }), version: sql`version + 1` })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Active sources among `ids` inside the scope, with their region and known position. */
export async function sourcesIn(db: Db | Tx, ids: number[], prefix: string) {
  if (ids.length === 0) return [];
  return db.selectFrom('sources').select(['id', 'region_code', 'name', 'lat', 'lng'])
    .where('id', 'in', ids).where('state', '=', 'active').where(inScopeOf('sources', prefix)).execute();
}

/**
 * Puts sources in a zone (and its township), creating their inventory record if
 * they have none. A record moved between zones keeps its work.
 */
export async function placeInZone(trx: Tx, zone: { id: number; region_code: string }, ids: number[]) {
  if (ids.length === 0) return 0;
  const r = await sql`
    INSERT INTO inventory_records (source_id, region_code, province_code, zone_id, seq)
    SELECT s.id, ${zone.region_code}, ${provinceOf(zone.region_code)}, ${zone.id}, nextval('inventory_seq')
    FROM sources s WHERE s.id IN (${sql.join(ids)})
    ON CONFLICT (source_id, province_code) DO UPDATE SET zone_id = EXCLUDED.zone_id, region_code = EXCLUDED.region_code,
      seq = EXCLUDED.seq, updated_at = now()`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/** Records for sources that have none yet, in the source's own region (no zone). */
export async function ensureRecords(trx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  await sql`
    INSERT INTO inventory_records (source_id, region_code, province_code, seq)
    SELECT s.id, s.region_code, left(s.region_code, 2) || '0000', nextval('inventory_seq') FROM sources s WHERE s.id IN (${sql.join(ids)})
    ON CONFLICT (source_id, province_code) DO NOTHING`.execute(trx);
}

export interface PackageRow {
  id: number;
  name: string;
  region_code: string;
  region_name: string;
  team_id: number;
  team_name: string;
  team_kind: string;
  zone_id: number | null;
  zone_code: string | null;
  closed: boolean;
  version: number;
  sources: number;
  visited: number;
  created_at: Date;
}

function packagesQuery(where: ReturnType<typeof sql>) {
  return sql<PackageRow>`
    SELECT p.id, p.name, p.region_code, r.name AS region_name, p.team_id, t.name AS team_name, t.kind AS team_kind,
      p.zone_id, z.code AS zone_code, p.closed, p.version, p.created_at,
      (SELECT count(*)::int FROM inventory_records i WHERE i.package_id = p.id AND i.status <> 'deleted') AS sources,
      (SELECT count(*)::int FROM inventory_records i WHERE i.package_id = p.id AND i.status NOT IN ('assigned','deleted')) AS visited
    FROM work_packages p JOIN regions r ON r.code = p.region_code JOIN teams t ON t.id = p.team_id
    LEFT JOIN census_zones z ON z.id = p.zone_id
    WHERE ${where} ORDER BY p.id LIMIT 2000`;
}

export async function listPackages(db: Db, prefix: string) {
  return (await packagesQuery(inScopeOf('p', prefix)).execute(db)).rows;
}

export async function getPackage(db: Db | Tx, id: number, prefix: string) {
  return (await packagesQuery(sql`p.id = ${id} AND ${inScopeOf('p', prefix)}`).execute(db)).rows[0];
}

/** Open packages of the teams the user belongs to or instructs. */
export async function packagesOfUser(db: Db, userId: number) {
  return (await packagesQuery(sql`NOT p.closed AND p.team_id IN (
    SELECT team_id FROM team_members WHERE user_id = ${userId}
    UNION SELECT id FROM teams WHERE instructor_id = ${userId} AND NOT disabled)`).execute(db)).rows;
}

export async function userInTeam(db: Db | Tx, userId: number, teamId: number) {
  const r = await sql<{ ok: number }>`
    SELECT 1 AS ok FROM team_members WHERE team_id = ${teamId} AND user_id = ${userId}
    UNION ALL SELECT 1 FROM teams WHERE id = ${teamId} AND instructor_id = ${userId} LIMIT 1`.execute(db);
  return r.rows.length > 0;
}

/**
 * May this user deliver work for the package? Its current team, and also a team it
 * was given to before: edits made offline before a reassignment still arrive
 * (each is checked against the record's version, so nothing is overwritten).
 */
export async function userWorkedOn(db: Db | Tx, userId: number, packageId: number) {
  const r = await sql<{ ok: number }>`
    SELECT 1 AS ok FROM work_package_assignments a
    WHERE a.package_id = ${packageId} AND (
      EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = a.team_id AND m.user_id = ${userId})
      OR EXISTS (SELECT 1 FROM teams t WHERE t.id = a.team_id AND t.instructor_id = ${userId}))
    LIMIT 1`.execute(db);
  return r.rows.length > 0;
}

export async function teamIn(db: Db | Tx, id: number, prefix: string) {
  return db.selectFrom('teams').select(['id', 'name', 'region_code', 'disabled']).where('id', '=', id).where('region_code', 'like', `${prefix}%`).executeTakeFirst();
}

export async function insertPackage(trx: Tx, p: { name: string; regionCode: string; teamId: number; zoneId: number | null; actorId: number | null }) {
  const r = await trx.insertInto('work_packages')
    .values({ name: p.name, region_code: p.regionCode, province_code: provinceOf(p.regionCode), team_id: p.teamId, zone_id: p.zoneId, created_by: p.actorId })
    .returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('work_package_assignments').values({ package_id: r.id, province_code: provinceOf(p.regionCode), team_id: p.teamId, reason: null, actor_id: p.actorId }).execute();
  return r.id;
}

export async function reassign(trx: Tx, id: number, version: number, teamId: number, reason: string, actorId: number | null) {
  const r = await trx.updateTable('work_packages').set({ team_id: teamId, version: sql`version + 1` })
    .where('id', '=', id).where('version', '=', version).returning('province_code').executeTakeFirst();
  if (!r) return false;
  await trx.insertInto('work_package_assignments').values({ package_id: id, province_code: r.province_code, team_id: teamId, reason, actor_id: actorId }).execute();
  // The new team's devices must see the whole package as changed.
  await sql`UPDATE inventory_records SET seq = nextval('inventory_seq') WHERE package_id = ${id}`.execute(trx);
  return true;
}

export async function bumpPackage(trx: Tx, id: number, version: number) {
  const r = await trx.updateTable('work_packages').set({ version: sql`version + 1` }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function history(db: Db, id: number) {
  const { rows } = await sql<{ team_id: number; team_name: string; reason: string | null; actor: string | null; at: Date }>`
    SELECT a.team_id, t.name AS team_name, a.reason, u.username AS actor, a.at
    FROM work_package_assignments a JOIN teams t ON t.id = a.team_id LEFT JOIN users u ON u.id = a.actor_id
    WHERE a.package_id = ${id} ORDER BY a.id`.execute(db);
  return rows;
}

/** Gives sources to a package; a source is in one package at a time (it moves). */
export async function setPackage(trx: Tx, packageId: number | null, ids: number[]) {
  if (ids.length === 0) return 0;
  const r = await sql`UPDATE inventory_records SET package_id = ${packageId}, seq = nextval('inventory_seq'), updated_at = now()
    WHERE source_id IN (${sql.join(ids)})`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

export async function zoneSourceIds(trx: Tx, zoneId: number) {
  return (await trx.selectFrom('inventory_records').select('source_id').where('zone_id', '=', zoneId).where('status', '<>', 'deleted').execute()).map((r) => r.source_id);
}

export async function packageSourceIds(trx: Tx, packageId: number) {
  return (await trx.selectFrom('inventory_records').select('source_id').where('package_id', '=', packageId).execute()).map((r) => r.source_id);
}
