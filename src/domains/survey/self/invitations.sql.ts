// SQL of invitation codes. Scope is checked by the caller (invitations.ts) against the source.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import { provinceOf } from '../../../core/db/distribution.ts';
import { MAX_CODE_FAILURES } from './invite-code.ts';

export interface InvitationRow {
  id: number;
  source_id: number;
  region_code: string;
  expires_at: Date;
  created_by: number | null;
  created_at: Date;
  failed_attempts: number;
  used_at: Date | null;
  used_by: number | null;
  revoked_at: Date | null;
  credit_code: string | null;
  source_state: string;
}

const COLUMNS = sql`i.id, i.source_id, i.region_code, i.expires_at, i.created_by, i.created_at, i.failed_attempts, i.used_at, i.used_by, i.revoked_at, s.credit_code, s.state AS source_state`;

export async function byHash(db: Db | Tx, hash: string): Promise<InvitationRow | undefined> {
  const r = await sql<InvitationRow>`SELECT ${COLUMNS} FROM survey_invitations i JOIN sources s ON s.id = i.source_id WHERE i.code_hash = ${hash}`.execute(db);
  return r.rows[0];
}

export async function byId(db: Db | Tx, id: number): Promise<InvitationRow | undefined> {
  const r = await sql<InvitationRow>`SELECT ${COLUMNS} FROM survey_invitations i JOIN sources s ON s.id = i.source_id WHERE i.id = ${id}`.execute(db);
  return r.rows[0];
}

export async function ofSource(db: Db, sourceId: number) {
  const r = await sql<InvitationRow & { created_by_name: string | null; used_by_name: string | null }>`
    SELECT ${COLUMNS}, cu.username AS created_by_name, uu.username AS used_by_name
    FROM survey_invitations i JOIN sources s ON s.id = i.source_id
    LEFT JOIN users cu ON cu.id = i.created_by LEFT JOIN users uu ON uu.id = i.used_by
    WHERE i.source_id = ${sourceId} ORDER BY i.id DESC LIMIT 50`.execute(db);
  return r.rows;
}

/** The source as an invitation needs it: its credit code and the region its rows go under. */
export async function inviteSource(db: Db, id: number) {
  const r = await sql<{ id: number; credit_code: string | null; region_code: string }>`
    SELECT s.id, s.credit_code, coalesce(ir.region_code, s.region_code) AS region_code
    FROM sources s LEFT JOIN inventory_records ir ON ir.source_id = s.id WHERE s.id = ${id}`.execute(db);
  return r.rows[0];
}

/** The new invitation's id; undefined when a code with this hash was issued already, in any province. */
export async function insertInvitation(trx: Tx, v: { sourceId: number; regionCode: string; hash: string; expiresAt: Date; by: number | null }): Promise<number | undefined> {
  const r = await sql<{ id: number }>`INSERT INTO survey_invitations (source_id, region_code, province_code, code_hash, expires_at, created_by)
    SELECT ${v.sourceId}, ${v.regionCode}, ${provinceOf(v.regionCode)}, ${v.hash}, ${v.expiresAt}, ${v.by}::bigint
    WHERE NOT EXISTS (SELECT 1 FROM survey_invitations WHERE code_hash = ${v.hash})
    RETURNING id`.execute(trx);
  return r.rows[0] ? Number(r.rows[0].id) : undefined;
}

/** Revokes an open code; false when it was already used or revoked. */
export async function revoke(trx: Tx, id: number, by: number | null) {
  const r = await trx.updateTable('survey_invitations').set({ revoked_at: new Date(), revoked_by: by })
    .where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
  return !!r;
}

/** Counts a wrong credit code given with this code. */
export async function recordFailure(db: Db, id: number) {
  await db.updateTable('survey_invitations').set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) })).where('id', '=', id).execute();
}

/** Marks the code used by `userId`, if it is still open (a second redeemer racing this one loses). */
export async function markUsed(trx: Tx, id: number, userId: number) {
  const r = await trx.updateTable('survey_invitations').set({ used_at: new Date(), used_by: userId })
    .where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date()).where('failed_attempts', '<', MAX_CODE_FAILURES)
    .returning('id').executeTakeFirst();
  return !!r;
}
