// All SQL of the outfall survey: reaches, images, outfalls and their steps, photos, counts.
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';

const like = (prefix: string) => `${prefix}%`;
import { provinceOf, inScopeOf } from '../../core/db/distribution.ts';

export { provinceOf };

export async function regionRow(db: Db | Tx, code: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code']).where('code', '=', code).executeTakeFirst();
}

export async function regionNames(db: Db | Tx, codes: string[]) {
  if (!codes.length) return new Map<string, string>();
  const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

// ── reaches ──────────────────────────────────────────────────────────────
export async function listReaches(db: Db, prefix: string, region?: string) {
  let q = db.selectFrom('outfall_reaches').selectAll().where(inScopeOf('outfall_reaches', prefix));
  if (region) q = q.where('region_code', 'like', like(region.replace(/0+$/, '') || region));
  return q.orderBy('region_code').orderBy('name').execute();
}

export async function getReach(db: Db | Tx, id: number, prefix: string) {
  return db.selectFrom('outfall_reaches').selectAll().where('id', '=', id).where('region_code', 'like', like(prefix)).executeTakeFirst();
}

export async function stateCounts(db: Db, by: 'reach_id' | 'region_code', where: { prefix: string; reachIds?: number[] }) {
  let q = db.selectFrom('outfalls').select([by, 'state', (eb) => eb.fn.countAll<number>().as('n')]).where('region_code', 'like', like(where.prefix));
  if (where.reachIds) q = q.where('reach_id', 'in', where.reachIds.length ? where.reachIds : [-1]);
  return (await q.groupBy([by, 'state']).execute()) as Array<{ reach_id?: number | null; region_code?: string; state: string; n: number }>;
}

// ── images ───────────────────────────────────────────────────────────────
export async function listImages(db: Db, prefix: string, f: { reachId?: number; region?: string; limit: number }) {
  let q = db.selectFrom('outfall_images').selectAll().where('region_code', 'like', like(prefix));
  if (f.reachId) q = q.where('reach_id', '=', f.reachId);
  if (f.region) q = q.where('region_code', 'like', like(f.region));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function getImage(db: Db | Tx, id: number, prefix: string) {
  return db.selectFrom('outfall_images').selectAll().where('id', '=', id).where('region_code', 'like', like(prefix)).executeTakeFirst();
}

/** An image out of the caller's scope that an outfall in scope is marked on. */
export async function imageOfVisibleOutfall(db: Db, id: number, prefix: string) {
  const marked = await db.selectFrom('outfalls').select('id').where('image_id', '=', id).where('region_code', 'like', like(prefix)).executeTakeFirst();
  return marked ? db.selectFrom('outfall_images').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
}

// ── outfalls ─────────────────────────────────────────────────────────────
/** The county's next number, taken in the caller's transaction (the row lock orders concurrent creators). */
export async function nextNumber(trx: Tx, county: string): Promise<number> {
  const r = await sql<{ last: number }>`
    INSERT INTO outfall_counters (province_code, county_code, last) VALUES (${provinceOf(county)}, ${county}, 1)
    ON CONFLICT (province_code, county_code) DO UPDATE SET last = outfall_counters.last + 1
    RETURNING last`.execute(trx);
  return r.rows[0].last;
}

export async function getOutfall(db: Db | Tx, id: number, prefix: string) {
  return db.selectFrom('outfalls').selectAll().where('id', '=', id).where('region_code', 'like', like(prefix)).executeTakeFirst();
}
export type OutfallRow = NonNullable<Awaited<ReturnType<typeof getOutfall>>>;

export interface ListFilter { prefix: string; region?: string; state?: string; reachId?: number; type?: string; q?: string; imageId?: number; limit: number; after?: number }

export async function listOutfalls(db: Db, f: ListFilter) {
  let q = db.selectFrom('outfalls').selectAll().where('region_code', 'like', like(f.prefix));
  if (f.region) q = q.where('region_code', 'like', like(f.region));
  if (f.state) q = q.where('state', '=', f.state);
  if (f.reachId) q = q.where('reach_id', '=', f.reachId);
  if (f.imageId) q = q.where('image_id', '=', f.imageId);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.q) {
    const term = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('code', 'like', term), eb('water_body', 'like', term), eb('responsible_name', 'like', term)]));
  }
  if (f.after) q = q.where('id', '>', f.after);
  return q.orderBy('id').limit(f.limit).execute();
}

/** Suspects and hard cases of the caller's scope, nearest first (a bounding box keeps it to the area). */
export async function nearOutfalls(db: Db, prefix: string, lat: number, lng: number, limit: number) {
  return db.selectFrom('outfalls').selectAll()
    .select(sql<number>`(lat - ${lat}) * (lat - ${lat}) + ((lng - ${lng}) * cos(radians(${lat}))) * ((lng - ${lng}) * cos(radians(${lat})))`.as('d2'))
    .where('region_code', 'like', like(prefix)).where('state', 'in', ['suspect', 'hard'])
    .where('lat', '>', lat - 1).where('lat', '<', lat + 1).where('lng', '>', lng - 1.2).where('lng', '<', lng + 1.2)
    .orderBy('d2').orderBy('id').limit(limit).execute();
}

export async function steps(db: Db, outfallId: number) {
  return db.selectFrom('outfall_steps').leftJoin('users', 'users.id', 'outfall_steps.by_user')
    .select(['outfall_steps.id', 'from_state', 'to_state', 'level', 'note', 'at', 'users.display_name as by_name'])
    .where('outfall_id', '=', outfallId).orderBy('outfall_steps.id').execute();
}

export async function addStep(trx: Tx, s: { outfallId: number; provinceCode: string; from: string | null; to: string; level: number; note: string | null; by: number | null }) {
  await trx.insertInto('outfall_steps').values({ outfall_id: s.outfallId, province_code: s.provinceCode, from_state: s.from, to_state: s.to, level: s.level, note: s.note, by_user: s.by }).execute();
}

export async function photosOf(db: Db, outfallId: number) {
  return db.selectFrom('outfall_photos').select(['id', 'mime', 'bytes', 'lat', 'lng', 'taken_at', 'uploaded_at']).where('outfall_id', '=', outfallId).orderBy('uploaded_at').execute();
}

export async function sourceBrief(db: Db, id: number, prefix: string) {
  return db.selectFrom('sources').select(['id', 'name', 'credit_code', 'region_code']).where('id', '=', id).where('region_code', 'like', like(prefix)).executeTakeFirst();
}

/** The responsible source's S104/S105 forms (latest revision of each). */
export async function outfallForms(db: Db, sourceId: number) {
  return db.selectFrom('submissions').select(['id', 'form', 'status']).where('source_id', '=', sourceId).where('form', 'in', ['S104', 'S105'])
    .orderBy('form').execute();
}
