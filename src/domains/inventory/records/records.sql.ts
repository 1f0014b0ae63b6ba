// SQL of inventory records: one record per source, its remarks, verdicts and
// photos; the change counter (seq) that the field app syncs from.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { RecordStatus } from '../../../core/db/schema.ts';
import { namePinyin } from '../../directory/index.ts';
import { provinceOf } from '../../../core/db/distribution.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export interface RecordRow {
  source_id: number;
  region_code: string;
  zone_id: number | null;
  package_id: number | null;
  status: RecordStatus;
  state: string | null;
  state_reason: string | null;
  data: Record<string, unknown>;
  client_uuid: string | null;
  enumerator_id: number | null;
  visited_at: Date | null;
  visit_lat: number | null;
  visit_lng: number | null;
  visit_distance: number | null;
  visit_far: boolean;
  submitted_at: Date | null;
  reject_reason: string | null;
  confirmation: 'pending' | 'confirmed' | 'disputed' | 'settled';
  confirmed_at: Date | null;
  version: number;
  seq: number;
  updated_at: Date;
}

const COLS = sql`i.source_id, i.region_code, i.zone_id, i.package_id, i.status, i.state, i.state_reason, i.data, i.client_uuid, i.enumerator_id,
  i.visited_at, i.visit_lat, i.visit_lng, i.visit_distance, i.visit_far, i.submitted_at, i.reject_reason, i.confirmation, i.confirmed_at,
  i.version, i.seq::int AS seq, i.updated_at`;

export async function lockRecord(trx: Tx, sourceId: number) {
  const { rows } = await sql<RecordRow>`SELECT ${COLS} FROM inventory_records i WHERE i.source_id = ${sourceId} FOR UPDATE`.execute(trx);
  return rows[0];
}

export async function recordByClientUuid(trx: Tx, uuid: string) {
  const { rows } = await sql<RecordRow>`SELECT ${COLS} FROM inventory_records i WHERE i.client_uuid = ${uuid} FOR UPDATE`.execute(trx);
  return rows[0];
}

export async function getRecord(db: Db | Tx, sourceId: number, prefix: string) {
  const { rows } = await sql<RecordRow>`SELECT ${COLS} FROM inventory_records i WHERE i.source_id = ${sourceId} AND ${inScopeOf('i', prefix)}`.execute(db);
  return rows[0];
}

export interface RecordChange {
  status?: RecordStatus;
  state?: string | null;
  state_reason?: string | null;
  data?: string;
  enumerator_id?: number | null;
  visited_at?: Date | null;
  visit_lat?: number | null;
  visit_lng?: number | null;
  visit_accuracy?: number | null;
  visit_distance?: number | null;
  visit_far?: boolean;
  submitted_at?: Date | null;
  reviewed_by?: number | null;
  reviewed_at?: Date | null;
  reject_reason?: string | null;
  confirmation?: 'pending' | 'confirmed' | 'disputed' | 'settled';
  confirmed_at?: Date | null;
}

/** Applies a change, bumps the version and the sync counter; false when `version` is stale. */
export async function changeRecord(trx: Tx, sourceId: number, version: number | null, c: RecordChange, actorId: number | null) {
  let q = trx.updateTable('inventory_records')
    .set({ ...c, version: sql`version + 1`, seq: sql`nextval('inventory_seq')`, updated_by: actorId, updated_at: new Date() })
    .where('source_id', '=', sourceId);
  if (version !== null) q = q.where('version', '=', version);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

export async function insertFieldRecord(trx: Tx, r: { sourceId: number; regionCode: string; zoneId: number | null; packageId: number; clientUuid: string }) {
  await sql`INSERT INTO inventory_records (source_id, region_code, province_code, zone_id, package_id, client_uuid, seq)
    VALUES (${r.sourceId}, ${r.regionCode}, ${r.regionCode.slice(0, 2) + '0000'}, ${r.zoneId}, ${r.packageId}, ${r.clientUuid}, nextval('inventory_seq'))`.execute(trx);
}

export interface RemarkRow {
  id: number;
  source_id: number;
  kind: string;
  department: string | null;
  text: string;
  author: string | null;
  at: Date;
}

export async function remarksOf(db: Db | Tx, sourceIds: number[]) {
  if (sourceIds.length === 0) return [];
  const { rows } = await sql<RemarkRow>`SELECT m.id, m.source_id, m.kind, m.department, m.text, u.display_name AS author, m.at
    FROM inventory_remarks m LEFT JOIN users u ON u.id = m.author_id WHERE m.source_id IN (${sql.join(sourceIds)}) ORDER BY m.id`.execute(db);
  return rows;
}

/** A remark on a record; `regionCode` is the record's (its province is the remark's). */
export async function addRemark(trx: Tx, r: { sourceId: number; regionCode: string; kind: RemarkRow['kind']; department?: string | null; text: string; authorId: number | null }) {
  await trx.insertInto('inventory_remarks')
    .values({ source_id: r.sourceId, province_code: provinceOf(r.regionCode), kind: r.kind as 'comment', department: r.department ?? null, text: r.text, author_id: r.authorId }).execute();
}

export async function opResult(trx: Tx, opId: string) {
  return (await trx.selectFrom('inventory_ops').select('result').where('op_id', '=', opId).executeTakeFirst())?.result;
}

/** An op's result, kept for its replay, in its package's province (`regionCode`, the package's). */
export async function saveOp(trx: Tx, opId: string, regionCode: string, sourceId: number | null, userId: number | null, result: unknown) {
  await trx.insertInto('inventory_ops').values({ op_id: opId, province_code: provinceOf(regionCode), source_id: sourceId, user_id: userId, result: JSON.stringify(result) }).execute();
}

export interface UnitRow extends RecordRow {
  name: string;
  credit_code: string | null;
  address: string | null;
  legal_rep: string | null;
  phone: string | null;
  industry_code: string | null;
  category: string;
  lat: number | null;
  lng: number | null;
  former_names: string[];
  permit_no: string | null;
  radioactive: boolean;
  zone_code: string | null;
}

/** The units of a package with their directory data, for the device; `afterSeq` for changes only. */
export async function unitsOf(db: Db, packageId: number, afterSeq = 0) {
  const { rows } = await sql<UnitRow>`
    SELECT ${COLS}, s.name, s.credit_code, s.address, s.legal_rep, s.phone, s.industry_code, s.category, s.lat, s.lng,
      s.former_names, s.permit_no, s.radioactive, z.code AS zone_code
    FROM inventory_records i JOIN sources s ON s.id = i.source_id LEFT JOIN census_zones z ON z.id = i.zone_id
    WHERE i.package_id = ${packageId} AND i.seq > ${afterSeq} ORDER BY i.source_id`.execute(db);
  return rows;
}

export async function maxSeq(db: Db) {
  const { rows } = await sql<{ s: number }>`SELECT coalesce(max(seq), 0)::int AS s FROM inventory_records`.execute(db);
  return rows[0].s;
}

export async function activeCreditHolder(trx: Tx, creditCode: string) {
  return trx.selectFrom('sources').select(['id', 'name']).where('credit_code', '=', creditCode).where('state', '=', 'active').executeTakeFirst();
}

export async function insertFieldSource(trx: Tx, s: { regionCode: string; name: string; creditCode: string | null; address: string | null; legalRep: string | null; phone: string | null; industryCode: string | null; category: string; lat: number | null; lng: number | null; formerNames: string[]; permitNo: string | null; radioactive: boolean }) {
  const r = await trx.insertInto('sources').values({
    region_code: s.regionCode, province_code: provinceOf(s.regionCode), name: s.name, credit_code: s.creditCode, address: s.address, legal_rep: s.legalRep, phone: s.phone,
    industry_code: s.industryCode, category: s.category, lat: s.lat, lng: s.lng, former_names: s.formerNames, permit_no: s.permitNo,
    radioactive: s.radioactive, origin: 'field', ...(({ pinyin, initials }) => ({ name_pinyin: pinyin, name_initials: initials }))(namePinyin(s.name, s.regionCode)),
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
