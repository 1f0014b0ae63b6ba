// 审核 and 八部门联合审查: reviewers approve or reject what the field sent (a
// rejection goes back to the device at its next sync); each department agrees
// or disagrees, per record or in bulk; a dispute is settled by the county office.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { getDepartments, getStates } from '../config.ts';
import { checkState, confirmationOf } from '../rules/states.ts';
import { photosOf } from './photos.ts';
import * as q from './records.sql.ts';
import * as r from './review.sql.ts';
import { recordView } from './views.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export async function listRecords(db: Db, actor: Actor, f: Omit<r.ListFilter, 'prefix'> & { region?: string }) {
  if (f.region && !f.region.startsWith(actor.scopePrefix) && !actor.scopePrefix.startsWith(f.region)) return { items: [], nextCursor: null };
  const prefix = f.region && f.region.length > actor.scopePrefix.length ? f.region : actor.scopePrefix;
  const rows = await r.listRecords(db, { ...f, prefix });
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((x) => ({
      sourceId: x.source_id, name: x.name, creditCode: x.credit_code, address: x.address, regionCode: x.region_code, regionName: x.region_name,
      zoneCode: x.zone_code, state: x.state, stateReason: x.state_reason, status: x.status, confirmation: x.confirmation, visitFar: x.visit_far,
      visitDistance: x.visit_distance, visitedAt: x.visited_at, enumerator: x.enumerator, verdicts: x.verdicts, version: x.version,
    })),
    nextCursor: rows.length > f.limit ? String(page[page.length - 1].source_id) : null,
  };
}

async function recordInScope(db: Db | Tx, actor: Actor, id: number, lock = false) {
  const rec = lock ? await q.lockRecord(db as Tx, id) : await q.getRecord(db, id, actor.scopePrefix);
  if (!rec || !rec.region_code.startsWith(actor.scopePrefix)) throw new AppError('INVENTORY_RECORD_NOT_FOUND');
  return rec;
}

export async function getRecord(db: Db, actor: Actor, id: number) {
  const rec = await recordInScope(db, actor, id);
  const source = await db.selectFrom('sources').select(['id', 'name', 'credit_code', 'address', 'legal_rep', 'phone', 'industry_code', 'category', 'lat', 'lng', 'former_names', 'permit_no', 'radioactive', 'origin', 'region_code'])
    .where('id', '=', id).executeTakeFirstOrThrow();
  const zone = rec.zone_id ? await db.selectFrom('census_zones').select(['code', 'name']).where('id', '=', rec.zone_id).executeTakeFirst() : undefined;
  const region = await db.selectFrom('regions').select('name').where('code', '=', rec.region_code).executeTakeFirst();
  const enumerator = rec.enumerator_id ? await db.selectFrom('users').select('display_name').where('id', '=', rec.enumerator_id).executeTakeFirst() : undefined;
  return {
    ...recordView(rec, await q.remarksOf(db, [id])),
    name: source.name, creditCode: source.credit_code, address: source.address,
    regionCode: rec.region_code, regionName: region?.name ?? null, zone: zone ?? null, zoneCode: zone?.code ?? null, enumerator: enumerator?.display_name ?? null, visitLat: rec.visit_lat, visitLng: rec.visit_lng, submittedAt: rec.submitted_at,
    source: {
      id: source.id, name: source.name, creditCode: source.credit_code, address: source.address, legalRep: source.legal_rep, phone: source.phone,
      industryCode: source.industry_code, category: source.category, lat: source.lat, lng: source.lng, formerNames: source.former_names,
      permitNo: source.permit_no, radioactive: source.radioactive, origin: source.origin, regionCode: source.region_code,
    },
    verdicts: (await r.verdictsOf(db, id)).map((v) => ({ department: v.department, verdict: v.verdict, reason: v.reason, user: v.user, at: v.at })),
    photos: await photosOf(db, id),
  };
}

/** One change to a record by a reviewer or office, in one transaction with its remark and audit row. */
async function review(db: Db, actor: Actor, id: number, version: number, action: string, fn: (trx: Tx, rec: q.RecordRow) => Promise<q.RecordChange>) {
  return db.transaction().execute(async (trx) => {
    const before = await recordInScope(trx, actor, id, true);
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    const change = await fn(trx, before);
    await q.changeRecord(trx, id, version, change, actor.id);
    const after = (await q.lockRecord(trx, id))!;
    await recordAudit(trx, actor, { action, entity: 'inventory_record', entityId: id, regionCode: after.region_code, before: recordView(before), after: recordView(after) });
    return recordView(after, await q.remarksOf(trx, [id]));
  });
}

export function approve(db: Db, actor: Actor, id: number, version: number) {
  return review(db, actor, id, version, 'inventory.approve', async (_trx, rec) => {
    if (rec.status !== 'submitted') throw new AppError('INVENTORY_WRONG_STATUS', { status: rec.status });
    return { status: rec.confirmation === 'confirmed' || rec.confirmation === 'settled' ? 'done' : 'approved', reviewed_by: actor.id, reviewed_at: new Date() };
  });
}

export function reject(db: Db, actor: Actor, id: number, version: number, reason: string) {
  return review(db, actor, id, version, 'inventory.reject', async (trx, rec) => {
    if (!['submitted', 'approved', 'done'].includes(rec.status)) throw new AppError('INVENTORY_WRONG_STATUS', { status: rec.status });
    await q.addRemark(trx, { sourceId: id, regionCode: rec.region_code, kind: 'reject', text: reason.trim(), authorId: actor.id });
    return { status: 'rejected', reject_reason: reason.trim(), reviewed_by: actor.id, reviewed_at: new Date() };
  });
}

export async function addRemark(db: Db, actor: Actor, id: number, text: string) {
  return db.transaction().execute(async (trx) => {
    const rec = await recordInScope(trx, actor, id, true);
    await q.addRemark(trx, { sourceId: id, regionCode: rec.region_code, kind: 'comment', department: actor.department, text: text.trim(), authorId: actor.id });
    // The version stays (a remark is not an edit); the sync counter moves so the device receives it.
    await trx.updateTable('inventory_records').set({ seq: sql`nextval('inventory_seq')` }).where('source_id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'inventory.remark', entity: 'inventory_record', entityId: id, regionCode: rec.region_code, after: { text } });
    return recordView(rec, await q.remarksOf(trx, [id]));
  });
}

/** A department's verdict on many records; each record's confirmation follows (rules/states.ts). */
export async function giveVerdicts(db: Db, actor: Actor, b: { sourceIds: number[]; verdict: 'agree' | 'disagree'; reason?: string }) {
  if (!actor.department) throw new AppError('INVENTORY_NO_DEPARTMENT');
  const departments = await getDepartments(db);
  if (!departments.some((d) => d.code === actor.department)) throw new AppError('INVENTORY_NO_DEPARTMENT');
  const reason = b.reason?.trim() || null;
  if (b.verdict === 'disagree' && !reason) throw new AppError('INVENTORY_FIELD_INVALID', { field: 'reason', detail: 'a disagreement needs a reason' });
  const required = departments.filter((d) => d.required).map((d) => d.code);
  const ids = [...new Set(b.sourceIds)];
  return db.transaction().execute(async (trx) => {
    const recs = await trx.selectFrom('inventory_records').select(['source_id', 'status', 'confirmation', 'region_code'])
      .where('source_id', 'in', ids).where(inScopeOf('inventory_records', actor.scopePrefix)).forUpdate().execute();
    if (recs.length !== ids.length) {
      const have = new Set(recs.map((x) => x.source_id));
      throw new AppError('INVENTORY_SOURCES_NOT_FOUND', { ids: ids.filter((i) => !have.has(i)).slice(0, 20).join(', ') });
    }
    const unsent = recs.find((x) => !['submitted', 'approved', 'done'].includes(x.status));
    if (unsent) throw new AppError('INVENTORY_WRONG_STATUS', { status: unsent.status });
    let confirmed = 0;
    let disputed = 0;
    for (const rec of recs) {
      await r.putVerdict(trx, { sourceId: rec.source_id, regionCode: rec.region_code, department: actor.department!, verdict: b.verdict, reason, userId: actor.id });
      if (b.verdict === 'disagree') await q.addRemark(trx, { sourceId: rec.source_id, regionCode: rec.region_code, kind: 'disagree', department: actor.department, text: reason!, authorId: actor.id });
      const verdicts = await r.verdictsOf(trx, rec.source_id);
      const next = confirmationOf(rec.confirmation, verdicts, required);
      if (next === 'confirmed') confirmed++;
      if (next === 'disputed') disputed++;
      const change: q.RecordChange = { confirmation: next, confirmed_at: next === 'confirmed' ? new Date() : null, ...(next === 'confirmed' && rec.status === 'approved' && { status: 'done' }) };
      await q.changeRecord(trx, rec.source_id, null, change, actor.id);
    }
    await recordAudit(trx, actor, { action: 'inventory.verdict', entity: 'department', entityId: actor.department!, regionCode: actor.regionCode, after: { sourceIds: ids, verdict: b.verdict, reason } });
    return { updated: recs.length, confirmed, disputed };
  });
}

/** The county office rules on a disputed record: the state stands or changes, and the dispute closes. */
export function settle(db: Db, actor: Actor, id: number, b: { version: number; state: string; stateReason?: string; note: string }) {
  return review(db, actor, id, b.version, 'inventory.settle', async (trx, rec) => {
    if (rec.confirmation !== 'disputed') throw new AppError('INVENTORY_NOT_DISPUTED');
    const { state, reason } = checkState(await getStates(trx), b.state, b.stateReason);
    await q.addRemark(trx, { sourceId: id, regionCode: rec.region_code, kind: 'settle', text: b.note.trim(), authorId: actor.id });
    return { state, state_reason: reason, confirmation: 'settled', confirmed_at: new Date(), status: rec.status === 'rejected' ? rec.status : 'done' };
  });
}
