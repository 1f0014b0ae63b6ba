// 排污口 the outfalls and their three levels: a suspect marked from imagery (or imported, or found
// on foot), checked in the field, verified by experts. Each move is a step with who, when and
// why, in the same transaction as the change and its audit row.
import type { Db, Tx } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { inScope, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as q from './outfalls.sql.ts';
import { corridorCheck, inChina } from './rules/geo.ts';
import { canCheck, canVerify, outfallCode, testValueProblem, type CheckVerdict, type OutfallState, type QuickTest, type VerifyVerdict } from './rules/outfall.ts';
import { imageView, outfallView, reachView } from './views.ts';

const invalid = (field: string, detail: string) => new AppError('OUTFALL_FIELD_INVALID', { field, detail });

export function checkPoint(lat: number, lng: number) {
  if (!inChina(lat, lng)) throw new AppError('OUTFALL_COORDINATES', { lat, lng });
}

/** A county or township of the caller's scope: an outfall's code is its county's. */
export async function placeRegion(db: Db | Tx, actor: Actor, code: string) {
  if (!inScope(actor.scopePrefix, code)) throw new AppError('USER_SCOPE_OUTSIDE', { code });
  const r = await q.regionRow(db, code);
  if (!r) throw new AppError('REGION_NOT_FOUND', { code });
  if (r.level !== 'county' && r.level !== 'township') throw invalid('regionCode', 'a county or a township');
  return r;
}

export interface MarkBody { lat: number; lng: number; regionCode?: string; reachId?: number; imageId?: number; imageX?: number; imageY?: number; note?: string }

/** Where a new outfall lies and what it hangs on, checked against the caller's scope. */
async function placement(db: Db | Tx, actor: Actor, b: MarkBody) {
  checkPoint(b.lat, b.lng);
  const reach = b.reachId ? await q.getReach(db, b.reachId, actor.scopePrefix) : undefined;
  if (b.reachId && !reach) throw new AppError('OUTFALL_REACH_NOT_FOUND');
  const image = b.imageId ? await q.getImage(db, b.imageId, actor.scopePrefix) : undefined;
  if (b.imageId && !image) throw new AppError('OUTFALL_IMAGE_NOT_FOUND');
  if ((b.imageX === undefined) !== (b.imageY === undefined)) throw invalid('imageX', 'both imageX and imageY, or neither');
  if (b.imageX !== undefined && !image) throw invalid('imageX', 'a mark on an image needs imageId');
  const regionCode = b.regionCode ?? reach?.region_code ?? image?.region_code;
  if (!regionCode) throw invalid('regionCode', 'a region (or a reach or image that has one)');
  const region = await placeRegion(db, actor, regionCode);
  return { reach, image, region };
}

async function insertOutfall(trx: Tx, actor: Actor, b: MarkBody, origin: 'imagery' | 'import' | 'field' | 'manual', p: Awaited<ReturnType<typeof placement>>) {
  const county = p.region.code.slice(0, 6);
  const code = outfallCode(county, await q.nextNumber(trx, county));
  const row = await trx.insertInto('outfalls').values({
    code, region_code: p.region.code, province_code: q.provinceOf(p.region.code), reach_id: p.reach?.id ?? null, image_id: p.image?.id ?? null,
    image_x: b.imageX ?? null, image_y: b.imageY ?? null, origin, lat: b.lat, lng: b.lng, note: b.note?.trim() || null, created_by: actor.id,
    water_body: p.reach?.water_body ?? null, water_type: p.reach?.water_type ?? null,
  }).returningAll().executeTakeFirstOrThrow();
  await q.addStep(trx, { outfallId: row.id, provinceCode: row.province_code, from: null, to: 'suspect', level: 1, note: b.note?.trim() || null, by: actor.id });
  return row;
}

/** Level 1: a suspect marked on an image or a map. */
export async function markSuspect(db: Db, actor: Actor, b: MarkBody) {
  const p = await placement(db, actor, b);
  const row = await db.transaction().execute(async (trx) => {
    const row = await insertOutfall(trx, actor, b, b.imageId ? 'imagery' : 'manual', p);
    await recordAudit(trx, actor, { action: 'outfalls.mark', entity: 'outfall', entityId: row.id, regionCode: row.region_code, after: { code: row.code, lat: row.lat, lng: row.lng, imageId: row.image_id } });
    return row;
  });
  return outfallView(row, p.region.name);
}

/** Level 1 in bulk (the import): rows already checked, created in the caller's transaction. */
export async function insertSuspects(trx: Tx, actor: Actor, rows: Array<MarkBody & { regionCode: string }>) {
  const codes: string[] = [];
  for (const r of rows) {
    const p = await placement(trx, actor, r);
    codes.push((await insertOutfall(trx, actor, r, 'import', p)).code);
  }
  return codes;
}

export interface CheckBody {
  version: number;
  verdict: CheckVerdict;
  lat?: number;
  lng?: number;
  type?: string;
  waterBody?: string;
  waterType?: string;
  flowM3d?: number;
  discharging?: string;
  tests?: QuickTest[];
  responsibleName?: string;
  sourceId?: number | null;
  note?: string;
}

async function checkedFields(db: Db | Tx, actor: Actor, b: CheckBody, province: string, before?: q.OutfallRow) {
  if ((b.lat === undefined) !== (b.lng === undefined)) throw invalid('lat', 'both latitude and longitude, or neither');
  if (b.lat !== undefined) checkPoint(b.lat, b.lng!);
  for (const [i, t] of (b.tests ?? []).entries()) {
    const problem = testValueProblem(t);
    if (problem) throw invalid(`tests[${i}].value`, problem);
  }
  if (b.flowM3d !== undefined && (!Number.isFinite(b.flowM3d) || b.flowM3d < 0 || b.flowM3d > 1e8)) throw invalid('flowM3d', '0–100,000,000 m³/d');
  const note = b.note?.trim() || null;
  const type = b.type ?? before?.type ?? null;
  const waterBody = b.waterBody?.trim() || before?.water_body || null;
  if (b.verdict === 'confirmed' && !type) throw invalid('type', 'the outfall type of a confirmed outfall');
  if (b.verdict === 'confirmed' && !waterBody) throw invalid('waterBody', 'the receiving water body of a confirmed outfall');
  if (b.verdict !== 'confirmed' && !note) throw invalid('note', 'why it is rejected or needs the experts');
  let sourceId = b.sourceId === undefined ? before?.source_id ?? null : b.sourceId;
  // In the actor's scope and in the outfall's province: the two rows share a shard (docs/deploy.md §4).
  if (sourceId !== null && !(await q.sourceBrief(db as Db, sourceId, actor.scopePrefix.length >= 2 ? actor.scopePrefix : province.slice(0, 2)))) throw invalid('sourceId', 'a directory source of your scope and of the outfall\'s province');
  return {
    ...(b.lat !== undefined ? { lat: b.lat, lng: b.lng! } : {}),
    type, water_body: waterBody, water_type: b.waterType ?? before?.water_type ?? null,
    flow_m3d: b.flowM3d ?? before?.flow_m3d ?? null, discharging: b.discharging ?? before?.discharging ?? null,
    tests: JSON.stringify(b.tests ?? (before?.tests as unknown as QuickTest[] | undefined) ?? []),
    responsible_name: b.responsibleName?.trim() || before?.responsible_name || null, source_id: sourceId, note,
    checked_by: actor.id, checked_at: new Date(),
  };
}

/** Level 2: the field check. */
export async function checkOutfall(db: Db, actor: Actor, id: number, b: CheckBody) {
  const before = await q.getOutfall(db, id, actor.scopePrefix);
  if (!before) throw new AppError('OUTFALL_NOT_FOUND');
  if (!canCheck(before.state as OutfallState)) throw new AppError('OUTFALL_STATE', { state: before.state, action: 'checked' }, { state: before.state, version: before.version });
  const fields = await checkedFields(db, actor, b, before.province_code, before);
  const row = await db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('outfalls').set({ ...fields, state: b.verdict, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id).where('version', '=', b.version).returningAll().executeTakeFirst();
    if (!row) throw new AppError('VERSION_CONFLICT', {}, { current: before.version, state: before.state });
    await q.addStep(trx, { outfallId: id, provinceCode: row.province_code, from: before.state, to: b.verdict, level: 2, note: fields.note, by: actor.id });
    await recordAudit(trx, actor, { action: 'outfalls.check', entity: 'outfall', entityId: id, regionCode: row.region_code, before: { state: before.state }, after: { state: row.state, type: row.type, tests: b.tests?.length ?? 0 } });
    return row;
  });
  return outfallView(row);
}

/** An outfall found on foot, not among the suspects: created and checked at once. */
export async function foundOutfall(db: Db, actor: Actor, b: CheckBody & { lat: number; lng: number; regionCode: string; reachId?: number }) {
  if (b.verdict === 'rejected') throw invalid('verdict', 'an outfall found on foot is confirmed or sent to the experts');
  const p = await placement(db, actor, { lat: b.lat, lng: b.lng, regionCode: b.regionCode, reachId: b.reachId });
  const fields = await checkedFields(db, actor, b, q.provinceOf(p.region.code));
  const row = await db.transaction().execute(async (trx) => {
    const created = await insertOutfall(trx, actor, { lat: b.lat, lng: b.lng }, 'field', p);
    const row = await trx.updateTable('outfalls').set({ ...fields, state: b.verdict, version: 2 }).where('id', '=', created.id).returningAll().executeTakeFirstOrThrow();
    await q.addStep(trx, { outfallId: row.id, provinceCode: row.province_code, from: 'suspect', to: b.verdict, level: 2, note: fields.note, by: actor.id });
    await recordAudit(trx, actor, { action: 'outfalls.found', entity: 'outfall', entityId: row.id, regionCode: row.region_code, after: { code: row.code, state: row.state, type: row.type } });
    return row;
  });
  return outfallView(row, p.region.name);
}

/** Level 3: the experts' verdict on a confirmed or hard case. */
export async function verifyOutfall(db: Db, actor: Actor, id: number, b: { version: number; verdict: VerifyVerdict; note: string }) {
  const before = await q.getOutfall(db, id, actor.scopePrefix);
  if (!before) throw new AppError('OUTFALL_NOT_FOUND');
  if (!canVerify(before.state as OutfallState)) throw new AppError('OUTFALL_STATE', { state: before.state, action: 'verified' }, { state: before.state, version: before.version });
  const note = b.note.trim();
  if (!note) throw invalid('note', 'the experts\' finding');
  const row = await db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('outfalls').set({ state: b.verdict, verified_by: actor.id, verified_at: new Date(), version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id).where('version', '=', b.version).returningAll().executeTakeFirst();
    if (!row) throw new AppError('VERSION_CONFLICT', {}, { current: before.version, state: before.state });
    await q.addStep(trx, { outfallId: id, provinceCode: row.province_code, from: before.state, to: b.verdict, level: 3, note, by: actor.id });
    await recordAudit(trx, actor, { action: 'outfalls.verify', entity: 'outfall', entityId: id, regionCode: row.region_code, before: { state: before.state }, after: { state: row.state, note } });
    return row;
  });
  return outfallView(row);
}

export async function listOutfalls(db: Db, actor: Actor, f: { region?: string; state?: string; reach?: number; type?: string; q?: string; image?: number; limit?: number; cursor?: string }) {
  const limit = Math.min(f.limit ?? 100, 1000);
  const rows = await q.listOutfalls(db, { prefix: actor.scopePrefix, region: f.region?.replace(/(00)+$/, ''), state: f.state, reachId: f.reach, type: f.type, q: f.q, imageId: f.image, limit: limit + 1, after: f.cursor ? Number(f.cursor) : undefined });
  const names = await q.regionNames(db, rows.map((r) => r.region_code));
  const page = rows.slice(0, limit);
  return { items: page.map((r) => outfallView(r, names.get(r.region_code))), nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
}

export async function nearOutfalls(db: Db, actor: Actor, lat: number, lng: number, limit = 50) {
  checkPoint(lat, lng);
  const rows = await q.nearOutfalls(db, actor.scopePrefix, lat, lng, Math.min(limit, 200));
  const names = await q.regionNames(db, rows.map((r) => r.region_code));
  const { distanceMetres } = await import('./rules/geo.ts');
  return { items: rows.map((r) => ({ ...outfallView(r, names.get(r.region_code)), distanceM: Math.round(distanceMetres({ lat, lng }, r)) })) };
}

export async function getOutfall(db: Db, actor: Actor, id: number) {
  const r = await q.getOutfall(db, id, actor.scopePrefix);
  if (!r) throw new AppError('OUTFALL_NOT_FOUND');
  const [names, reach, image, photos, history, source] = await Promise.all([
    q.regionNames(db, [r.region_code]),
    r.reach_id ? q.getReach(db, r.reach_id, '') : undefined,
    r.image_id ? q.getImage(db, r.image_id, '') : undefined,
    q.photosOf(db, r.id),
    q.steps(db, r.id),
    r.source_id ? q.sourceBrief(db, r.source_id, '') : undefined,
  ]);
  return {
    ...outfallView(r, names.get(r.region_code)),
    reach: reach ? reachView(reach) : null,
    image: image ? imageView(image) : null,
    corridor: reach ? corridorCheck(r, reach.path as Array<[number, number]> | null, reach.landward_m, reach.waterward_m) : null,
    photos: photos.map((p) => ({ id: p.id, mime: p.mime, bytes: p.bytes, lat: p.lat, lng: p.lng, takenAt: p.taken_at, uploadedAt: p.uploaded_at, url: `/api/v1/outfalls/photos/${p.id}` })),
    source: source ? { id: source.id, name: source.name, creditCode: source.credit_code, regionCode: source.region_code } : null,
    forms: source ? (await q.outfallForms(db, source.id)).map((s) => ({ id: s.id, formCode: s.form, status: s.status })) : [],
    history: history.map((h) => ({ from: h.from_state, to: h.to_state, level: h.level, note: h.note, by: h.by_name, at: h.at })),
  };
}
