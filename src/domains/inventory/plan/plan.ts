// 普查小区 and 工作包: offices draw census zones inside townships, place sources
// in them (by hand or by address) and give zones or lists of sources to teams.
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { nextZoneNumber, zoneCode } from '../rules/zone-code.ts';
import * as q from './plan.sql.ts';

const zoneView = (z: q.ZoneRow) => ({ id: z.id, code: z.code, regionCode: z.region_code, regionName: z.region_name, name: z.name, keywords: z.keywords, sources: z.sources, version: z.version });
const packageView = (p: q.PackageRow) => ({
  id: p.id, name: p.name, regionCode: p.region_code, regionName: p.region_name, teamId: p.team_id, teamName: p.team_name, teamKind: p.team_kind,
  zoneId: p.zone_id, zoneCode: p.zone_code, sources: p.sources, visited: p.visited, closed: p.closed, version: p.version, createdAt: p.created_at,
});
export type PackageView = ReturnType<typeof packageView>;

const prefixIn = (actor: Actor, region?: string) => {
  if (!region) return actor.scopePrefix;
  return region.startsWith(actor.scopePrefix) ? region : null;
};

export async function listZones(db: Db, actor: Actor, region?: string) {
  const prefix = prefixIn(actor, region);
  return { items: prefix === null ? [] : (await q.listZones(db, prefix)).map(zoneView) };
}

const cleanKeywords = (k: string[] | undefined) => (k === undefined ? undefined : [...new Set(k.map((x) => x.trim()).filter(Boolean))]);

export async function createZone(db: Db, actor: Actor, b: { regionCode: string; name: string; keywords?: string[] }) {
  const region = await db.selectFrom('regions').select(['code', 'level']).where('code', '=', b.regionCode).executeTakeFirst();
  if (!region || !region.code.startsWith(actor.scopePrefix)) throw new AppError('REGION_UNKNOWN', { code: b.regionCode });
  if (region.level !== 'township') throw new AppError('INVENTORY_ZONE_NOT_TOWNSHIP', { code: b.regionCode });
  return db.transaction().execute(async (trx) => {
    const code = zoneCode(region.code, nextZoneNumber(await q.zoneCodesOf(trx, region.code)));
    const id = await q.insertZone(trx, { code, regionCode: region.code, name: b.name.trim(), keywords: cleanKeywords(b.keywords) ?? [] });
    const z = zoneView((await q.getZone(trx, id, ''))!);
    await recordAudit(trx, actor, { action: 'zone.create', entity: 'zone', entityId: id, regionCode: region.code, after: z });
    return z;
  });
}

export async function updateZone(db: Db, actor: Actor, id: number, b: { version: number; name?: string; keywords?: string[] }) {
  return db.transaction().execute(async (trx) => {
    const before = await q.getZone(trx, id, actor.scopePrefix);
    if (!before) throw new AppError('INVENTORY_ZONE_NOT_FOUND');
    if (!(await q.updateZone(trx, id, b.version, { name: b.name?.trim(), keywords: cleanKeywords(b.keywords) }))) throw new AppError('VERSION_CONFLICT');
    const after = zoneView((await q.getZone(trx, id, ''))!);
    await recordAudit(trx, actor, { action: 'zone.update', entity: 'zone', entityId: id, regionCode: before.region_code, before: zoneView(before), after });
    return after;
  });
}

/** Sources in scope and in the zone's county; refuses the whole list when one is not. */
async function checkSources(db: Db | import('../../../core/db/index.ts').Tx, actor: Actor, ids: number[], county?: string) {
  const unique = [...new Set(ids)];
  const found = await q.sourcesIn(db, unique, actor.scopePrefix);
  if (found.length !== unique.length) {
    const have = new Set(found.map((s) => s.id));
    throw new AppError('INVENTORY_SOURCES_NOT_FOUND', { ids: unique.filter((i) => !have.has(i)).slice(0, 20).join(', ') });
  }
  if (county) {
    const outside = found.filter((s) => s.region_code.slice(0, 6) !== county);
    if (outside.length) throw new AppError('INVENTORY_SOURCE_OUTSIDE_ZONE', { ids: outside.slice(0, 20).map((s) => s.id).join(', ') });
  }
  return unique;
}

export async function assignToZone(db: Db, actor: Actor, zoneId: number, sourceIds: number[]) {
  return db.transaction().execute(async (trx) => {
    const zone = await q.getZone(trx, zoneId, actor.scopePrefix);
    if (!zone) throw new AppError('INVENTORY_ZONE_NOT_FOUND');
    const ids = await checkSources(trx, actor, sourceIds, zone.region_code.slice(0, 6));
    const assigned = await q.placeInZone(trx, zone, ids);
    await recordAudit(trx, actor, { action: 'zone.assign', entity: 'zone', entityId: zoneId, regionCode: zone.region_code, after: { sourceIds: ids } });
    return { assigned };
  });
}

export async function listPackages(db: Db, actor: Actor, region?: string) {
  const prefix = prefixIn(actor, region);
  return { items: prefix === null ? [] : (await q.listPackages(db, prefix)).map(packageView) };
}

export async function getPackage(db: Db, actor: Actor, id: number) {
  const p = await q.getPackage(db, id, actor.scopePrefix);
  if (!p) throw new AppError('INVENTORY_PACKAGE_NOT_FOUND');
  const h = await q.history(db, id);
  return { ...packageView(p), history: h.map((x) => ({ teamId: x.team_id, teamName: x.team_name, reason: x.reason, actor: x.actor, at: x.at })) };
}

export async function createPackage(db: Db, actor: Actor, b: { name: string; teamId: number; zoneId?: number; sourceIds?: number[] }) {
  if (!b.zoneId && !b.sourceIds?.length) throw new AppError('INVENTORY_PACKAGE_EMPTY');
  return db.transaction().execute(async (trx) => {
    const team = await q.teamIn(trx, b.teamId, actor.scopePrefix);
    if (!team || team.disabled) throw new AppError('INVENTORY_TEAM_NOT_FOUND', { id: b.teamId });
    let regionCode = team.region_code;
    let ids: number[] = [];
    if (b.zoneId) {
      const zone = await q.getZone(trx, b.zoneId, actor.scopePrefix);
      if (!zone) throw new AppError('INVENTORY_ZONE_NOT_FOUND');
      regionCode = zone.region_code;
      ids = await q.zoneSourceIds(trx, zone.id);
    }
    if (b.sourceIds?.length) {
      const more = await checkSources(trx, actor, b.sourceIds);
      await q.ensureRecords(trx, more);
      ids = [...new Set([...ids, ...more])];
    }
    const id = await q.insertPackage(trx, { name: b.name.trim(), regionCode, teamId: team.id, zoneId: b.zoneId ?? null, actorId: actor.id });
    await q.setPackage(trx, id, ids);
    const p = packageView((await q.getPackage(trx, id, ''))!);
    await recordAudit(trx, actor, { action: 'package.create', entity: 'package', entityId: id, regionCode, after: { ...p, sourceIds: ids } });
    return p;
  });
}

export async function reassignPackage(db: Db, actor: Actor, id: number, b: { version: number; teamId: number; reason: string }) {
  return db.transaction().execute(async (trx) => {
    const before = await q.getPackage(trx, id, actor.scopePrefix);
    if (!before) throw new AppError('INVENTORY_PACKAGE_NOT_FOUND');
    const team = await q.teamIn(trx, b.teamId, actor.scopePrefix);
    if (!team || team.disabled) throw new AppError('INVENTORY_TEAM_NOT_FOUND', { id: b.teamId });
    if (!(await q.reassign(trx, id, b.version, team.id, b.reason.trim(), actor.id))) throw new AppError('VERSION_CONFLICT');
    const after = packageView((await q.getPackage(trx, id, ''))!);
    await recordAudit(trx, actor, { action: 'package.reassign', entity: 'package', entityId: id, regionCode: before.region_code, before: packageView(before), after: { ...after, reason: b.reason } });
    return after;
  });
}

export async function changePackageSources(db: Db, actor: Actor, id: number, b: { version: number; add?: number[]; remove?: number[] }) {
  return db.transaction().execute(async (trx) => {
    const p = await q.getPackage(trx, id, actor.scopePrefix);
    if (!p) throw new AppError('INVENTORY_PACKAGE_NOT_FOUND');
    if (p.closed) throw new AppError('INVENTORY_PACKAGE_CLOSED');
    if (!(await q.bumpPackage(trx, id, b.version))) throw new AppError('VERSION_CONFLICT');
    const add = b.add?.length ? await checkSources(trx, actor, b.add) : [];
    await q.ensureRecords(trx, add);
    await q.setPackage(trx, id, add);
    const mine = new Set(await q.packageSourceIds(trx, id));
    const remove = (b.remove ?? []).filter((s) => mine.has(s));
    await q.setPackage(trx, null, remove);
    const after = packageView((await q.getPackage(trx, id, ''))!);
    await recordAudit(trx, actor, { action: 'package.sources', entity: 'package', entityId: id, regionCode: p.region_code, after: { added: add, removed: remove } });
    return after;
  });
}

export async function myPackages(db: Db, actor: Actor) {
  if (actor.id === null) return { items: [] };
  return { items: (await q.packagesOfUser(db, actor.id)).map(packageView) };
}
