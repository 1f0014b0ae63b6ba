// 邀请码 invitation codes: an office issues a one-time code for a source; the enterprise redeems
// it with its credit code for a respondent account linked to that source. The code is shown once
// and stored hashed; it expires, serves once and may be revoked. A redeemer learns whether the
// code was expired, used or revoked only when it also gave the source's credit code.
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import { normaliseCreditCode } from '../../../core/identifiers/credit-code.ts';
import { hashPassword, type Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { checkRespondentAccount, insertRespondentAccount } from '../../people/index.ts';
import { reaches } from '../submissions/submissions.ts';
import { surveySource } from '../submissions/submissions.sql.ts';
import { INVITATION_DAYS, MAX_CODE_FAILURES, inviteCodeHash, isInviteCode, newInviteCode, normaliseInviteCode } from './invite-code.ts';
import * as q from './invitations.sql.ts';

type Status = 'open' | 'used' | 'expired' | 'revoked';

function statusOf(r: q.InvitationRow, now = new Date()): Status {
  if (r.used_at) return 'used';
  if (r.revoked_at || r.failed_attempts >= MAX_CODE_FAILURES || r.source_state !== 'active') return 'revoked';
  return new Date(r.expires_at) <= now ? 'expired' : 'open';
}

function view(r: q.InvitationRow & { created_by_name?: string | null; used_by_name?: string | null }) {
  return {
    id: Number(r.id), sourceId: Number(r.source_id), status: statusOf(r), createdAt: r.created_at, createdBy: r.created_by_name ?? null,
    expiresAt: r.expires_at, usedAt: r.used_at, usedBy: r.used_by_name ?? null, revokedAt: r.revoked_at,
  };
}

/** The source, if the office reaches it (else 404 like a missing one). */
async function reachable(db: Db, actor: Actor, sourceId: number) {
  const src = await surveySource(db, sourceId, actor);
  if (!src || !reaches(actor, src)) throw new AppError('SURVEY_SOURCE_NOT_FOUND', { id: sourceId });
  return src;
}

/** Issues a code for the source: `{ id, code, expiresAt }`, the only time the code is shown. */
export async function issueInvitation(db: Db, actor: Actor, sourceId: number) {
  const src = await reachable(db, actor, sourceId);
  if (src.state !== 'active' || src.to_survey === false) throw new AppError('SURVEY_SOURCE_NOT_SURVEYED', { id: src.id, state: src.inventory_state ?? src.state });
  const info = (await q.inviteSource(db, src.id))!;
  if (!info.credit_code) throw new AppError('INVITATION_NO_CREDIT_CODE', { id: src.id });
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  // A code is ~50 random bits: among a million, two alike are rare but possible, and the key
  // only holds a hash unique within its province, so a code already issued anywhere is drawn again.
  for (let attempt = 0; ; attempt++) {
    const code = newInviteCode();
    const id = await db.transaction().execute(async (trx) => {
      const id = await q.insertInvitation(trx, { sourceId: src.id, regionCode: info.region_code, hash: inviteCodeHash(code), expiresAt, by: actor.id });
      // Never the code: the audit shows that one was issued, for which source, until when.
      if (id !== undefined) await recordAudit(trx, actor, { action: 'invitation.issue', entity: 'invitation', entityId: id, regionCode: info.region_code, after: { sourceId: src.id, expiresAt } });
      return id;
    });
    if (id !== undefined) return { id, sourceId: src.id, code, expiresAt };
    if (attempt === 4) throw new Error('five invitation codes in a row were taken: the code generator is broken');
  }
}

export async function listInvitations(db: Db, actor: Actor, sourceId: number) {
  const src = await reachable(db, actor, sourceId);
  return { items: (await q.ofSource(db, src.id)).map(view) };
}

export async function revokeInvitation(db: Db, actor: Actor, id: number) {
  const row = await q.byId(db, id);
  if (!row) throw new AppError('INVITATION_NOT_FOUND');
  const src = await surveySource(db, row.source_id, actor);
  if (!src || !reaches(actor, src)) throw new AppError('INVITATION_NOT_FOUND');
  if (row.used_at) throw new AppError('INVITATION_USED');
  if (!row.revoked_at) {
    await db.transaction().execute(async (trx) => {
      if (!(await q.revoke(trx, id, actor.id))) throw new AppError('INVITATION_USED');
      await recordAudit(trx, actor, { action: 'invitation.revoke', entity: 'invitation', entityId: id, regionCode: row.region_code, before: { status: statusOf(row) }, after: { status: 'revoked' } });
    });
  }
  return view((await q.byId(db, id))!);
}

export interface RedeemBody {
  code: string;
  creditCode: string;
  username: string;
  password: string;
  displayName: string;
}

/**
 * Redeems a code: checks it and the credit code, creates the respondent linked to the source,
 * marks the code used and audits both, in one transaction. Returns the username to log in.
 */
export async function redeemInvitation(db: Db, b: RedeemBody): Promise<{ username: string; sourceId: number }> {
  const code = normaliseInviteCode(b.code);
  const row = isInviteCode(code) ? await q.byHash(db, inviteCodeHash(code)) : undefined;
  if (!row) throw new AppError('INVITATION_INVALID');
  if (!row.credit_code || normaliseCreditCode(b.creditCode) !== normaliseCreditCode(row.credit_code)) {
    if (!row.used_at && !row.revoked_at) await q.recordFailure(db, row.id);
    throw new AppError('INVITATION_INVALID');
  }
  // Both secrets given: now it is safe to say what is wrong with the code.
  const status = statusOf(row);
  if (status === 'used') throw new AppError('INVITATION_USED');
  if (status === 'revoked') throw new AppError('INVITATION_REVOKED');
  if (status === 'expired') throw new AppError('INVITATION_EXPIRED');

  const draft = await checkRespondentAccount(db, { username: b.username, displayName: b.displayName, password: b.password, regionCode: row.region_code });
  const passwordHash = await hashPassword(b.password); // before the transaction: scrypt is slow on purpose
  return db.transaction().execute(async (trx) => {
    const { view: user, actor } = await insertRespondentAccount(trx, draft, passwordHash, row.source_id);
    if (!(await q.markUsed(trx, row.id, user.id))) throw new AppError('INVITATION_USED'); // rolls the account back
    await recordAudit(trx, actor, { action: 'invitation.redeem', entity: 'invitation', entityId: row.id, regionCode: row.region_code, before: { status: 'open' }, after: { status: 'used', userId: user.id, sourceId: Number(row.source_id) } });
    return { username: user.username, sourceId: Number(row.source_id) };
  });
}
