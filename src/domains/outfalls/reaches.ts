// 河段 the reaches surveyed, each with its corridor (2 km landward, 200 m waterward unless set).
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { inScope, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { isUniqueViolation } from '../../core/db/pg-errors.ts';
import * as q from './outfalls.sql.ts';
import { checkPoint } from './outfalls.ts';
import { OUTFALL_STATES } from './rules/outfall.ts';
import { reachView } from './views.ts';

export interface ReachBody { regionCode: string; name: string; waterBody: string; waterType: string; lengthKm?: number | null; landwardM?: number; waterwardM?: number; path?: Array<[number, number]> | null }

function checkPath(path: Array<[number, number]> | null | undefined) {
  for (const [lng, lat] of path ?? []) checkPoint(lat, lng);
}

const counts = (rows: Array<{ state: string; n: number }>) => Object.fromEntries(OUTFALL_STATES.map((s) => [s, rows.filter((r) => r.state === s).reduce((a, r) => a + Number(r.n), 0)]));

export async function listReaches(db: Db, actor: Actor, region?: string) {
  const rows = await q.listReaches(db, actor.scopePrefix, region);
  const byReach = await q.stateCounts(db, 'reach_id', { prefix: actor.scopePrefix, reachIds: rows.map((r) => r.id) });
  const names = await q.regionNames(db, rows.map((r) => r.region_code));
  return { items: rows.map((r) => ({ ...reachView(r), regionName: names.get(r.region_code) ?? null, counts: counts(byReach.filter((c) => c.reach_id === r.id)) })) };
}

async function checkRegion(db: Db, actor: Actor, code: string) {
  if (!inScope(actor.scopePrefix, code)) throw new AppError('USER_SCOPE_OUTSIDE', { code });
  const r = await q.regionRow(db, code);
  if (!r) throw new AppError('REGION_NOT_FOUND', { code });
  return r;
}

export async function createReach(db: Db, actor: Actor, b: ReachBody) {
  const region = await checkRegion(db, actor, b.regionCode);
  checkPath(b.path);
  try {
    return await db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('outfall_reaches').values({
        region_code: region.code, province_code: q.provinceOf(region.code), name: b.name.trim(), water_body: b.waterBody.trim(), water_type: b.waterType,
        length_km: b.lengthKm ?? null, landward_m: b.landwardM ?? 2000, waterward_m: b.waterwardM ?? 200, path: b.path ? JSON.stringify(b.path) : null, created_by: actor.id,
      }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, actor, { action: 'outfalls.reach.create', entity: 'outfall-reach', entityId: r.id, regionCode: r.region_code, after: reachView(r) });
      return reachView(r);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'outfall_reaches_region_code_name_key')) throw new AppError('OUTFALL_REACH_EXISTS', { region: region.name, name: b.name.trim() });
    throw e;
  }
}

export async function editReach(db: Db, actor: Actor, id: number, b: Partial<ReachBody> & { version: number }) {
  const before = await q.getReach(db, id, actor.scopePrefix);
  if (!before) throw new AppError('OUTFALL_REACH_NOT_FOUND');
  if (b.regionCode) await checkRegion(db, actor, b.regionCode);
  checkPath(b.path);
  try {
    return await db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('outfall_reaches').set({
        ...(b.regionCode ? { region_code: b.regionCode, province_code: q.provinceOf(b.regionCode) } : {}),
        ...(b.name !== undefined ? { name: b.name.trim() } : {}), ...(b.waterBody !== undefined ? { water_body: b.waterBody.trim() } : {}),
        ...(b.waterType !== undefined ? { water_type: b.waterType } : {}), ...(b.lengthKm !== undefined ? { length_km: b.lengthKm } : {}),
        ...(b.landwardM !== undefined ? { landward_m: b.landwardM } : {}), ...(b.waterwardM !== undefined ? { waterward_m: b.waterwardM } : {}),
        ...(b.path !== undefined ? { path: b.path ? JSON.stringify(b.path) : null } : {}),
        version: before.version + 1, updated_at: new Date(),
      }).where('id', '=', id).where('version', '=', b.version).returningAll().executeTakeFirst();
      if (!r) throw new AppError('VERSION_CONFLICT', {}, { current: before.version });
      await recordAudit(trx, actor, { action: 'outfalls.reach.edit', entity: 'outfall-reach', entityId: id, regionCode: r.region_code, before: reachView(before), after: reachView(r) });
      return reachView(r);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'outfall_reaches_region_code_name_key')) throw new AppError('OUTFALL_REACH_EXISTS', { region: b.regionCode ?? before.region_code, name: b.name ?? before.name });
    throw e;
  }
}
