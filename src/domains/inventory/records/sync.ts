// 离线同步: the field app sends what it recorded while offline. Every item is
// its own transaction with a client-made op id: a resend answers what the first
// send answered and changes nothing; an edit made from an older version than the
// server's is a conflict returned with the server's copy, never overwritten.
import type { Db, Tx } from '../../../core/db/index.ts';
import { lockId } from '../../../core/db/global-unique.ts';
import { AppError, ERRORS, formatMessage } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { getStates } from '../config.ts';
import * as plan from '../plan/plan.sql.ts';
import { checkForm, type FormData } from '../rules/form.ts';
import { checkVisit, inChina } from '../rules/geo.ts';
import { checkState, type StateDef } from '../rules/states.ts';
import * as q from './records.sql.ts';
import { recordView, remarksBySource, unitView } from './views.ts';
import { itemProblem } from '../schemas.ts';

export interface SyncItem {
  opId: string;
  sourceId: number | null;
  clientUuid?: string;
  baseVersion: number | null;
  state: string;
  stateReason?: string;
  submit: boolean;
  data: FormData;
  visit?: { at: string; lat?: number; lng?: number; accuracy?: number };
}

type Result =
  | { opId: string; ok: true; sourceId: number; clientUuid: string | null; version: number; status: string }
  | { opId: string; ok: false; code: string; message: { zh: string; en: string }; sourceId?: number; server?: unknown };

/** Statuses in which the taker may still change a record. */
const EDITABLE = new Set(['assigned', 'new', 'submitted', 'rejected']);

/**
 * The package, if it is open and the caller is on its team (else: not found, as
 * for another region). Sending work may also come from a team the package had
 * before a reassignment; downloading it is for the current team only.
 */
async function myPackage(db: Db | Tx, actor: Actor, packageId: number, purpose: 'download' | 'sync') {
  const p = await plan.getPackage(db, packageId, '');
  if (!p || p.closed || actor.id === null) throw new AppError('INVENTORY_PACKAGE_NOT_FOUND');
  const ok = (await plan.userInTeam(db, actor.id, p.team_id)) || (purpose === 'sync' && (await plan.userWorkedOn(db, actor.id, p.id)));
  if (!ok) throw new AppError('INVENTORY_PACKAGE_NOT_FOUND');
  return p;
}

export async function downloadPackage(db: Db, actor: Actor, packageId: number) {
  const p = await myPackage(db, actor, packageId, 'download');
  const cursor = await q.maxSeq(db);
  const units = await q.unitsOf(db, packageId);
  const remarks = remarksBySource(await q.remarksOf(db, units.map((u) => u.source_id)));
  return {
    package: { id: p.id, name: p.name, regionCode: p.region_code, regionName: p.region_name, zoneCode: p.zone_code, teamName: p.team_name, sources: p.sources, visited: p.visited, version: p.version },
    downloadedAt: new Date().toISOString(), cursor: String(cursor), states: await getStates(db),
    units: units.map((u) => unitView(u, remarks.get(u.source_id) ?? [])),
  };
}

function refusal(opId: string, e: AppError, extra: Partial<Extract<Result, { ok: false }>> = {}): Result {
  const spec = ERRORS[e.code];
  return { opId, ok: false, code: e.code, message: { zh: formatMessage(spec.zh, e.params), en: formatMessage(spec.en, e.params) }, ...extra };
}

export async function sync(db: Db, actor: Actor, b: { packageId: number; cursor?: string; items: SyncItem[] }) {
  const p = await myPackage(db, actor, b.packageId, 'sync');
  const states = await getStates(db);
  const results: Result[] = [];
  for (const item of b.items) results.push(await syncItem(db, actor, p, states, item));
  const after = Number(b.cursor ?? 0) || 0;
  const cursor = await q.maxSeq(db);
  const changed = await q.unitsOf(db, p.id, after);
  const remarks = remarksBySource(await q.remarksOf(db, changed.map((u) => u.source_id)));
  return { results, updates: changed.map((u) => unitView(u, remarks.get(u.source_id) ?? [])), cursor: String(cursor) };
}

async function syncItem(db: Db, actor: Actor, p: plan.PackageRow, states: StateDef[], item: SyncItem): Promise<Result> {
  // The route checks only the op id of each item, so one malformed item is refused alone.
  const shape = itemProblem(item);
  if (shape) return refusal(item.opId, new AppError('REQUEST_INVALID', { detail: shape }));
  try {
    return await db.transaction().execute(async (trx) => {
      const replay = await q.opResult(trx, item.opId);
      if (replay) return replay as Result;
      const result = await applyItem(trx, actor, p, states, item);
      await q.saveOp(trx, item.opId, p.region_code, result.ok ? result.sourceId : null, actor.id, result);
      return result;
    });
  } catch (e) {
    if (e instanceof AppError) return refusal(item.opId, e, (e.details as object) ?? {});
    throw e;
  }
}

async function applyItem(trx: Tx, actor: Actor, p: plan.PackageRow, states: StateDef[], item: SyncItem): Promise<Result> {
  const data = checkForm(item.data);
  const at = item.visit && item.visit.lat !== undefined && item.visit.lng !== undefined ? { lat: item.visit.lat, lng: item.visit.lng } : null;
  if (item.visit && (item.visit.lat === undefined) !== (item.visit.lng === undefined)) throw new AppError('INVENTORY_FIELD_INVALID', { field: 'visit', detail: 'latitude and longitude go together' });
  if (at && !inChina(at.lat, at.lng)) throw new AppError('INVENTORY_COORDINATES', { lat: at.lat, lng: at.lng });
  // A unit found in the field is known by its client id in the whole nation: the lock makes the look-up sound against a save at the same moment elsewhere.
  if (item.sourceId === null && item.clientUuid) await lockId(trx, 'fieldUnit', item.clientUuid);
  let rec = item.sourceId !== null ? await q.lockRecord(trx, item.sourceId) : item.clientUuid ? await q.recordByClientUuid(trx, item.clientUuid) : undefined;
  if (item.sourceId === null && !item.clientUuid) throw new AppError('INVENTORY_FIELD_INVALID', { field: 'clientUuid', detail: 'a unit found in the field needs its client id' });
  if (item.sourceId !== null && (!rec || rec.package_id !== p.id)) throw new AppError('INVENTORY_NOT_IN_PACKAGE', { id: item.sourceId });
  if (item.sourceId === null && rec && rec.package_id !== p.id) throw new AppError('INVENTORY_NOT_IN_PACKAGE', { id: rec.source_id });

  const { state, reason } = checkState(states, item.sourceId === null ? 'added' : item.state, item.stateReason);
  let created = false;
  if (!rec) {
    rec = await createFieldSource(trx, p, data, item.clientUuid!);
    created = true;
  } else {
    if (!EDITABLE.has(rec.status)) throw new AppError('INVENTORY_RECORD_LOCKED', { status: rec.status });
    // A unit made on this device and sent again before its first answer arrived
    // (no version known yet) edits the version its first send made: 2.
    const base = item.baseVersion ?? (item.sourceId === null ? 2 : 0);
    if (base !== rec.version) {
      const remarks = await q.remarksOf(trx, [rec.source_id]);
      throw new AppError('INVENTORY_CONFLICT', { server: rec.version, base: item.baseVersion ?? '—' }, { sourceId: rec.source_id, server: recordView(rec, remarks) });
    }
  }
  const src = await trx.selectFrom('sources').select(['lat', 'lng']).where('id', '=', rec.source_id).executeTakeFirstOrThrow();
  const known = src.lat !== null && src.lng !== null ? { lat: src.lat, lng: src.lng } : data.lat !== undefined ? { lat: data.lat, lng: data.lng! } : null;
  const visit = checkVisit(at, created ? null : known);
  const now = new Date();
  const change: q.RecordChange = {
    status: item.submit ? 'submitted' : 'new', state, state_reason: reason, data: JSON.stringify(data), enumerator_id: actor.id,
    ...(item.visit && { visited_at: new Date(item.visit.at), visit_lat: at?.lat ?? null, visit_lng: at?.lng ?? null, visit_accuracy: item.visit.accuracy ?? null, visit_distance: visit.distance, visit_far: visit.far }),
    ...(item.submit && { submitted_at: now }),
    ...(rec.status === 'rejected' && item.submit && { reject_reason: null }),
  };
  await q.changeRecord(trx, rec.source_id, null, change, actor.id);
  const after = (await q.lockRecord(trx, rec.source_id))!;
  await recordAudit(trx, actor, {
    action: created ? 'inventory.add' : 'inventory.record', entity: 'inventory_record', entityId: rec.source_id, regionCode: after.region_code,
    before: created ? undefined : recordView(rec), after: recordView(after),
  });
  return { opId: item.opId, ok: true, sourceId: after.source_id, clientUuid: after.client_uuid, version: after.version, status: after.status };
}

/** 增补: a unit the registers missed, found in the field, becomes a source of origin "field". */
async function createFieldSource(trx: Tx, p: plan.PackageRow, d: FormData, clientUuid: string) {
  if (d.creditCode) {
    const holder = await q.activeCreditHolder(trx, d.creditCode);
    if (holder) throw new AppError('INVENTORY_CREDIT_CODE_TAKEN', { code: d.creditCode, id: holder.id, name: holder.name }, { sourceId: holder.id });
  }
  const zone = p.zone_id;
  const id = await q.insertFieldSource(trx, {
    regionCode: p.region_code, name: d.name, creditCode: d.creditCode ?? null, address: d.address ?? null, legalRep: d.legalRep ?? null,
    phone: d.contacts?.find((c) => c.phone)?.phone ?? null, industryCode: d.industryCode ?? null, category: d.category ?? 'industrial',
    lat: d.lat ?? null, lng: d.lng ?? null, formerNames: d.formerNames ?? [], permitNo: d.permitNo ?? null, radioactive: !!d.radioactive,
  });
  await q.insertFieldRecord(trx, { sourceId: id, regionCode: p.region_code, zoneId: zone, packageId: p.id, clientUuid });
  return (await q.lockRecord(trx, id))!;
}
