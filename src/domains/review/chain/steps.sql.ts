// The history of a submission in the chain, and the move of a source's forms past the
// respondent's confirmation. A leaf module: the survey reads it without importing the review.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { ReviewLevel } from '../../../core/db/schema.ts';
import { ACCOUNTING_FORMS } from '../../accounting/forms-read.ts';

export interface StepView { level: string; action: string; reason: string | null; comments: { path: string; text: string }[]; rev: number; by: string | null; at: Date }

export async function stepsOf(db: Db | Tx, submissionId: string): Promise<StepView[]> {
  const r = await sql<StepView>`SELECT st.level, st.action, st.reason, st.comments, st.rev, u.username AS by, st.at
    FROM review_steps st LEFT JOIN users u ON u.id = st.by_user WHERE st.submission_id = ${submissionId} ORDER BY st.id`.execute(db);
  return r.rows;
}

/** The last rejection or unlock of a returned submission: what the person who must act is told. */
export async function lastReturn(db: Db | Tx, submissionId: string) {
  const r = await sql<StepView>`SELECT st.level, st.action, st.reason, st.comments, st.rev, u.username AS by, st.at
    FROM review_steps st LEFT JOIN users u ON u.id = st.by_user
    WHERE st.submission_id = ${submissionId} AND st.action IN ('reject', 'unlock') ORDER BY st.id DESC LIMIT 1`.execute(db);
  return r.rows[0];
}

/**
 * 法定代表人确认 moves the source's forms waiting at the respondent level to the next level, each
 * with a step; answers the number moved. Runs in the confirmation's transaction.
 */
export async function passRespondentLevel(trx: Tx, sourceId: number, next: ReviewLevel | null, userId: number | null): Promise<number> {
  const r = await sql<{ n: number }>`
    WITH u AS (
      UPDATE submissions SET status = ${next ? 'approved' : 'locked'}, review_level = ${next}, waiting_since = ${next ? sql`now()` : null},
        review_version = review_version + 1
      WHERE source_id = ${sourceId} AND review_level = 'respondent' AND status = 'submitted'
      RETURNING id, source_id, form, province_code, rev),
    st AS (INSERT INTO review_steps (submission_id, province_code, level, action, rev, by_user)
      SELECT id, province_code, 'respondent', 'confirm', rev, ${userId}::bigint FROM u),
    d AS (INSERT INTO accounting_dirty (province_code, source_id) SELECT DISTINCT province_code, source_id FROM u WHERE u.form IN (${sql.join([...ACCOUNTING_FORMS])})
      ON CONFLICT (province_code, source_id) DO UPDATE SET marked_at = now())
    SELECT count(*)::int AS n FROM u`.execute(trx);
  return r.rows[0].n;
}
