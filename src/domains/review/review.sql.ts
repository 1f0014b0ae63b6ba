// SQL of the review chain: a submission locked for a review action and its move, the queue of a
// level in a scope with its filters and keyset paging, what is returned to a person, and the
// chunked bulk approval. Scope is a WHERE clause built from the actor (region or work packages).
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import type { ReviewLevel } from '../../core/db/schema.ts';
import type { Actor } from '../access/index.ts';
import { ACCOUNTING_FORMS } from '../accounting/forms-read.ts';
import { inScopeOf } from '../../core/db/distribution.ts';
import type { SubmissionRow } from '../survey/submissions/submissions.sql.ts';

export async function lockSubmission(trx: Tx, id: string): Promise<SubmissionRow | undefined> {
  const r = await sql<SubmissionRow>`SELECT * FROM submissions WHERE id = ${id} FOR UPDATE`.execute(trx);
  return r.rows[0];
}

export interface Move {
  status: 'approved' | 'locked' | 'returned';
  level: ReviewLevel | null;
  returnedFrom?: ReviewLevel | null;
  returnedTo?: number | null;
  openPaths?: string[] | null;
}

/** The move, only from the review version the actor saw (false: someone acted first). */
export async function moveSubmission(trx: Tx, id: string, fromVersion: number, m: Move): Promise<boolean> {
  const r = await sql`UPDATE submissions SET status = ${m.status}, review_level = ${m.level}, waiting_since = ${m.level ? sql`now()` : null},
      returned_from = ${m.returnedFrom ?? null}, returned_to = ${m.returnedTo ?? null}, open_paths = ${m.openPaths ? JSON.stringify(m.openPaths) : null}::jsonb,
      review_version = review_version + 1
    WHERE id = ${id} AND review_version = ${fromVersion}`.execute(trx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** The source's emissions are computed again in the background (their approved share changes). */
export async function markDirty(trx: Tx, s: { source_id: number; province_code: string; form: string }) {
  if (!ACCOUNTING_FORMS.includes(s.form)) return;
  await sql`INSERT INTO accounting_dirty (province_code, source_id) VALUES (${s.province_code}, ${s.source_id})
    ON CONFLICT (province_code, source_id) DO UPDATE SET marked_at = now()`.execute(trx);
}

/** A step, after closing the submission's latest one (its `superseded_at`, migration 0027). */
export async function insertStep(trx: Tx, s: { submissionId: string; provinceCode: string; level: string; action: string; reason: string | null; comments: unknown[]; rev: number; userId: number | null }) {
  if (s.action !== 'confirm') await supersedeSteps(trx, [s.submissionId]);
  await trx.insertInto('review_steps').values({
    submission_id: s.submissionId, province_code: s.provinceCode, level: s.level, action: s.action as 'approve', reason: s.reason,
    comments: sql`${JSON.stringify(s.comments)}::jsonb`, rev: s.rev, by_user: s.userId,
  }).execute();
}

/** Closes the latest step of each submission: a new one is being added in this transaction (whose `now()` both share). */
export async function supersedeSteps(trx: Tx, submissionIds: string[]) {
  await sql`UPDATE review_steps SET superseded_at = now()
    WHERE submission_id IN (${sql.join(submissionIds)}) AND superseded_at IS NULL AND action <> 'confirm'`.execute(trx);
}

const FIELD_ROLES = new Set(['enumerator', 'agency-staff', 'instructor']);
const myPackageSources = (userId: number) => sql`(SELECT ir.source_id FROM inventory_records ir WHERE ir.package_id IN (
  SELECT wp.id FROM work_packages wp WHERE wp.team_id IN (
    SELECT team_id FROM team_members WHERE user_id = ${userId} UNION ALL SELECT id FROM teams WHERE instructor_id = ${userId})))`;

/** What of the queue the actor sees: field roles their packages' sources, offices their region. */
export function scopeOf(actor: Actor): RawBuilder<unknown> {
  const region = inScopeOf('s', actor.scopePrefix);
  if (actor.id !== null && FIELD_ROLES.has(actor.role)) return sql`(${region} OR s.source_id IN ${myPackageSources(actor.id)})`;
  return region;
}

export interface QueueFilter {
  form?: string;
  township?: string;
  issues?: 'blocking' | 'warnings' | 'explained' | 'unexplained' | 'clean' | 'permit';
  rule?: string;
  minAgeDays?: number;
}

export function filterWhere(actor: Actor, level: ReviewLevel, f: QueueFilter, snapshot?: Date): RawBuilder<unknown> {
  const w: RawBuilder<unknown>[] = [sql`s.review_level = ${level}`, scopeOf(actor)];
  if (f.form) w.push(sql`s.form = ${f.form}`);
  if (f.township) w.push(sql`s.region_code LIKE ${f.township + '%'}`);
  if (f.issues === 'blocking') w.push(sql`s.blocking > 0`);
  if (f.issues === 'warnings') w.push(sql`s.warnings > 0`);
  if (f.issues === 'explained') w.push(sql`s.warnings > s.unexplained`);
  if (f.issues === 'unexplained') w.push(sql`s.unexplained > 0`);
  if (f.issues === 'clean') w.push(sql`s.warnings = 0 AND s.blocking = 0`);
  // 排污许可: the source's accounted emission is far from its permit execution report (核算 flags it).
  if (f.issues === 'permit') w.push(sql`EXISTS (SELECT 1 FROM emissions e WHERE e.source_id = s.source_id AND e.permit_flag)`);
  if (f.rule) w.push(sql`s.issues @> ${JSON.stringify([{ rule: f.rule }])}::jsonb`);
  if (f.minAgeDays) w.push(sql`s.waiting_since <= now() - make_interval(days => ${f.minAgeDays})`);
  if (snapshot) w.push(sql`s.waiting_since <= ${snapshot}`);
  return sql.join(w, sql` AND `);
}

export interface QueueRow {
  id: string; seq: number; source_id: number; source_name: string; region_code: string; region_name: string | null; form: string; status: string;
  rev: number; review_version: number; waiting_since: Date; warnings: number; unexplained: number; filled_by: string | null; permit_flags: number;
}

/** Oldest first; the cursor is the last row's (waiting_since, seq). */
export async function queue(db: Db, actor: Actor, level: ReviewLevel, f: QueueFilter, after: { at: Date; seq: number } | null, limit: number) {
  const cursor = after ? sql`AND (s.waiting_since, s.seq) > (${after.at}, ${after.seq})` : sql``;
  const r = await sql<QueueRow>`
    SELECT p.id, p.seq, p.source_id, src.name AS source_name, p.region_code, rg.name AS region_name, p.form, p.status, p.rev, p.review_version,
      p.waiting_since, p.warnings, p.unexplained, u.username AS filled_by,
      (SELECT count(*)::int FROM emissions e WHERE e.source_id = p.source_id AND e.permit_flag) AS permit_flags
    FROM (SELECT s.id, s.seq, s.source_id, s.region_code, s.form, s.status, s.rev, s.review_version, s.waiting_since, s.warnings, s.unexplained, s.updated_by
          FROM submissions s WHERE ${filterWhere(actor, level, f)} ${cursor}
          ORDER BY s.waiting_since, s.seq LIMIT ${limit + 1}) p
    JOIN sources src ON src.id = p.source_id
    LEFT JOIN regions rg ON rg.code = p.region_code
    LEFT JOIN users u ON u.id = p.updated_by
    ORDER BY p.waiting_since, p.seq`.execute(db);
  return r.rows;
}

export async function queueSummary(db: Db, actor: Actor, level: ReviewLevel, f: QueueFilter) {
  const r = await sql<{ form: string; n: number; oldest: Date }>`
    SELECT s.form, count(*)::int AS n, min(s.waiting_since) AS oldest FROM submissions s
    WHERE ${filterWhere(actor, level, f)} GROUP BY s.form ORDER BY s.form`.execute(db);
  return r.rows;
}

/** What waits on the actor to correct: returned to them, or (field roles) to a source of their packages. */
export async function returnedFor(db: Db, actor: Actor) {
  if (actor.id === null) return [];
  const mine = FIELD_ROLES.has(actor.role) ? sql`(s.returned_to = ${actor.id} OR s.source_id IN ${myPackageSources(actor.id)})`
    : actor.role === 'respondent' ? sql`s.source_id = ${actor.sourceId ?? 0}` : sql`s.returned_to = ${actor.id}`;
  const r = await sql<SubmissionRow & { source_name: string }>`SELECT s.*, src.name AS source_name FROM submissions s JOIN sources src ON src.id = s.source_id
    WHERE s.status = 'returned' AND ${mine} ORDER BY s.seq LIMIT 1000`.execute(db);
  return r.rows;
}

/**
 * One chunk of a bulk approval: up to `size` of the selection move to `next` with a step and an
 * audit row each, in one statement. Answers how many moved (0: the selection is done).
 */
export async function approveChunk(db: Db, actor: Actor, level: ReviewLevel, f: QueueFilter, snapshot: Date, next: ReviewLevel | null, size: number): Promise<number> {
  const status = next ? 'approved' : 'locked';
  const r = await sql<{ n: number }>`
    WITH picked AS (SELECT s.id FROM submissions s WHERE ${filterWhere(actor, level, f, snapshot)} ORDER BY s.waiting_since, s.seq LIMIT ${size} FOR UPDATE SKIP LOCKED),
    u AS (UPDATE submissions t SET status = ${status}, review_level = ${next}, waiting_since = ${next ? sql`now()` : null}, review_version = t.review_version + 1
          FROM picked WHERE t.id = picked.id RETURNING t.id, t.source_id, t.province_code, t.region_code, t.rev, t.form, t.review_version),
    d AS (INSERT INTO accounting_dirty (province_code, source_id) SELECT DISTINCT province_code, source_id FROM u WHERE u.form IN (${sql.join([...ACCOUNTING_FORMS])})
          ON CONFLICT (province_code, source_id) DO UPDATE SET marked_at = now()),
    st AS (INSERT INTO review_steps (submission_id, province_code, level, action, reason, rev, by_user)
           SELECT id, province_code, ${level}, 'approve', 'bulk', rev, ${actor.id}::bigint FROM u),
    sup AS (UPDATE review_steps r SET superseded_at = now() FROM u
            WHERE r.submission_id = u.id AND r.superseded_at IS NULL AND r.action <> 'confirm'),
    a AS (INSERT INTO audit_log (actor_id, actor_username, action, entity, entity_id, region_code, province_code, before, after)
          SELECT ${actor.id}::bigint, ${actor.username}, 'review.approve', 'submission', u.id::text, u.region_code, u.province_code,
            jsonb_build_object('reviewLevel', ${level}::text), jsonb_build_object('status', ${status}::text, 'reviewLevel', ${next}::text, 'bulk', true, 'reviewVersion', u.review_version)
          FROM u)
    SELECT count(*)::int AS n FROM u`.execute(db);
  return r.rows[0].n;
}
