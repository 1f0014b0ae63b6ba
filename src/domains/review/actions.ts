// 审核: a level approves or rejects what waits on it, with a reason and comments pinned to
// fields; an approval locks, and the level that approved last (or one above) may unlock a whole
// record or some of its fields. Every action is checked against the review version the reviewer
// saw, so two reviewers on one record cannot both act: the second is told it changed.
import type { Db, Tx } from '../../core/db/index.ts';
import type { ReviewLevel } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { getSubmission, reaches } from '../survey/submissions/submissions.ts';
import { surveySource, type SubmissionRow } from '../survey/submissions/submissions.sql.ts';
import { FORMS } from '../survey/forms/index.ts';
import { enabledLevels } from './chain/config.ts';
import { LEVEL_NAMES, afterApproval, lastApprover, mayUnlock, reviewLevelOf, reviewLevelsOf } from './chain/levels.ts';
import { pathInForm } from './chain/paths.ts';
import * as q from './review.sql.ts';

export interface Comment { path: string; text: string }
export interface ActBody { action: 'approve' | 'reject'; reviewVersion: number; reason?: string; comments?: Comment[] }
export interface UnlockBody { reviewVersion: number; reason: string; paths?: string[] }

/** The submission locked for the action, if the actor reaches it (else 404, as for reading). */
async function lockedInReach(trx: Tx, actor: Actor, id: string): Promise<SubmissionRow> {
  const s = await q.lockSubmission(trx, id);
  const src = s ? await surveySource(trx, s.source_id, actor) : undefined;
  if (!s || !src || !reaches(actor, src)) throw new AppError('SURVEY_SUBMISSION_NOT_FOUND');
  return s;
}

async function changed(db: Db, actor: Actor, id: string): Promise<AppError> {
  return new AppError('REVIEW_CHANGED', {}, { current: await getSubmission(db, actor, id) });
}

function checkComments(s: Pick<SubmissionRow, 'form' | 'version'>, comments: Comment[]) {
  if (!comments.length) return;
  const def = FORMS.find((f) => f.code === s.form && f.version === s.version);
  for (const c of comments) if (!def || !pathInForm(def.fields, c.path)) throw new AppError('REVIEW_PATH_UNKNOWN', { form: s.form, path: c.path.slice(0, 80) });
}

export async function act(db: Db, actor: Actor, id: string, b: ActBody) {
  const reason = b.reason?.trim() || null;
  const comments = (b.comments ?? []).map((c) => ({ path: c.path, text: c.text.trim() })).filter((c) => c.text);
  if (b.action === 'reject' && !reason && !comments.length) throw new AppError('REVIEW_REASON_REQUIRED');
  const enabled = await enabledLevels(db);
  const mine = reviewLevelsOf(actor);
  const pre = await db.selectFrom('submissions').select(['form', 'version']).where('id', '=', id).executeTakeFirst();
  if (pre) checkComments(pre, comments);
  const ok = await db.transaction().execute(async (trx) => {
    const s = await lockedInReach(trx, actor, id);
    // The version first: whoever acted before us is what the reviewer must hear about.
    if (s.review_version !== b.reviewVersion) return false;
    if (s.status !== 'submitted' && s.status !== 'approved') throw new AppError('REVIEW_NOT_WAITING', { status: s.status });
    const level = s.review_level!;
    if (!mine.includes(level)) throw new AppError('REVIEW_NOT_YOUR_LEVEL', { level: LEVEL_NAMES[level].zh });
    const move: q.Move = b.action === 'approve'
      ? afterApproval(enabled, level)
      : { status: 'returned', level: null, returnedFrom: level, returnedTo: s.updated_by, openPaths: null };
    if (!(await q.moveSubmission(trx, id, s.review_version, move))) return false;
    await q.insertStep(trx, { submissionId: id, provinceCode: s.province_code, level, action: b.action, reason, comments, rev: s.rev, userId: actor.id });
    await q.markDirty(trx, s);
    await recordAudit(trx, actor, {
      action: `review.${b.action}`, entity: 'submission', entityId: id, regionCode: s.region_code,
      before: { status: s.status, reviewLevel: level, reviewVersion: s.review_version },
      after: { status: move.status, reviewLevel: move.level, reason, comments },
    });
    return true;
  });
  if (!ok) throw await changed(db, actor, id);
  return getSubmission(db, actor, id);
}

export async function unlock(db: Db, actor: Actor, id: string, b: UnlockBody) {
  const reason = b.reason.trim();
  if (!reason) throw new AppError('REVIEW_REASON_REQUIRED');
  const enabled = await enabledLevels(db);
  const mine = reviewLevelOf(actor);
  const pre = await db.selectFrom('submissions').select(['form', 'version']).where('id', '=', id).executeTakeFirst();
  const paths = b.paths?.length ? [...new Set(b.paths)] : null;
  if (pre && paths) checkComments(pre, paths.map((p) => ({ path: p, text: reason })));
  const ok = await db.transaction().execute(async (trx) => {
    const s = await lockedInReach(trx, actor, id);
    if (s.review_version !== b.reviewVersion) return false;
    if (s.status !== 'approved' && s.status !== 'locked') throw new AppError('REVIEW_NOT_LOCKED', { status: s.status });
    const approver = lastApprover(enabled, s.status, s.review_level);
    if (!mayUnlock(mine, approver)) throw new AppError('REVIEW_NOT_YOUR_LEVEL', { level: approver ? LEVEL_NAMES[approver].zh : '—' });
    const move: q.Move = { status: 'returned', level: null, returnedFrom: mine as ReviewLevel, returnedTo: s.updated_by, openPaths: paths };
    if (!(await q.moveSubmission(trx, id, s.review_version, move))) return false;
    const comments = (paths ?? []).map((p) => ({ path: p, text: reason }));
    await q.insertStep(trx, { submissionId: id, provinceCode: s.province_code, level: mine!, action: 'unlock', reason, comments, rev: s.rev, userId: actor.id });
    await q.markDirty(trx, s);
    await recordAudit(trx, actor, {
      action: 'review.unlock', entity: 'submission', entityId: id, regionCode: s.region_code,
      before: { status: s.status, reviewLevel: s.review_level, reviewVersion: s.review_version }, after: { status: 'returned', returnedFrom: mine, paths, reason },
    });
    return true;
  });
  if (!ok) throw await changed(db, actor, id);
  return getSubmission(db, actor, id);
}
