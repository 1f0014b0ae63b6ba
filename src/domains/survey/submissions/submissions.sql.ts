// SQL of the survey's submissions: the source as the survey sees it, submissions and their
// revisions. Scope is applied by the caller (submissions.ts) from the columns these return,
// except in lists, where it is a WHERE clause built from the actor.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { SubmissionStatus } from '../../../core/db/schema.ts';
import type { Actor } from '../../access/index.ts';

export interface SurveySource {
  id: number;
  name: string;
  region_code: string;
  category: string;
  industry_code: string | null;
  state: string;
  record_region: string | null;
  inventory_state: string | null;
  to_survey: boolean | null;
  /** The caller is on the team of the work package holding this source. */
  in_my_package: boolean;
}

/** Field roles also reach the sources of their work packages, which may lie outside their township. */
const PACKAGE_ROLES = new Set(['enumerator', 'instructor', 'agency-staff']);

const myPackages = (userId: number) => sql`(
  SELECT wp.id FROM work_packages wp WHERE wp.team_id IN (
    SELECT team_id FROM team_members WHERE user_id = ${userId} UNION ALL SELECT id FROM teams WHERE instructor_id = ${userId}))`;

export async function surveySource(db: Db | Tx, id: number, actor: Actor): Promise<SurveySource | undefined> {
  const pkg = actor.id !== null && PACKAGE_ROLES.has(actor.role) ? sql`coalesce(ir.package_id IN ${myPackages(actor.id)}, false)` : sql`false`;
  const r = await sql<SurveySource>`
    SELECT s.id, s.name, s.region_code, s.category, s.industry_code, s.state, ir.region_code AS record_region,
      ir.state AS inventory_state, st.to_survey, ${pkg} AS in_my_package
    FROM sources s
    LEFT JOIN inventory_records ir ON ir.source_id = s.id
    LEFT JOIN inventory_states st ON st.code = ir.state
    WHERE s.id = ${id}`.execute(db);
  return r.rows[0];
}

export interface SubmissionRow {
  id: string;
  seq: number;
  source_id: number;
  region_code: string;
  form: string;
  version: number;
  status: SubmissionStatus;
  answers: Record<string, unknown>;
  explanations: Record<string, string>;
  computed: Record<string, unknown>;
  issues: unknown[];
  ready: boolean;
  blocking: number;
  warnings: number;
  unexplained: number;
  rev: number;
  content_hash: string;
  created_by: number | null;
  created_at: Date;
  updated_by: number | null;
  updated_at: Date;
  submitted_at: Date | null;
}

export async function getSubmission(db: Db | Tx, id: string): Promise<SubmissionRow | undefined> {
  return (await db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst()) as SubmissionRow | undefined;
}

/** The source's other current submissions: cross-form rules and applicability read them. */
export async function otherForms(db: Db | Tx, sourceId: number, form: string) {
  return db.selectFrom('submissions').select(['form', 'version', 'answers', 'explanations']).where('source_id', '=', sourceId).where('form', '<>', form).execute();
}

export async function formsOfSource(db: Db | Tx, sourceId: number) {
  return db.selectFrom('submissions')
    .select(['id', 'form', 'version', 'status', 'rev', 'updated_at', 'ready', 'blocking', 'warnings', 'unexplained', 'computed'])
    .where('source_id', '=', sourceId).execute();
}

export async function idOfSourceForm(db: Db | Tx, sourceId: number, form: string) {
  return (await db.selectFrom('submissions').select('id').where('source_id', '=', sourceId).where('form', '=', form).executeTakeFirst())?.id;
}

export interface Write {
  id: string;
  sourceId: number;
  regionCode: string;
  form: string;
  version: number;
  status: SubmissionStatus;
  answers: unknown;
  explanations: Record<string, string>;
  computed: unknown;
  issues: unknown[];
  summary: { ready: boolean; blocking: number; warnings: number; unexplained: number };
  hash: string;
  userId: number | null;
}

const columns = (w: Write) => ({
  status: w.status, answers: JSON.stringify(w.answers), explanations: JSON.stringify(w.explanations), computed: JSON.stringify(w.computed),
  issues: JSON.stringify(w.issues), ready: w.summary.ready, blocking: w.summary.blocking, warnings: w.summary.warnings,
  unexplained: w.summary.unexplained, content_hash: w.hash, updated_by: w.userId,
});

/** Inserts the first revision; undefined when the id or the (source, form) pair is already taken. */
export async function insertSubmission(trx: Tx, w: Write): Promise<SubmissionRow | undefined> {
  const r = await trx.insertInto('submissions').values({
    id: w.id, source_id: w.sourceId, region_code: w.regionCode, province_code: `${w.regionCode.slice(0, 2)}0000`, form: w.form, version: w.version,
    ...columns(w), created_by: w.userId, submitted_at: w.status === 'submitted' ? new Date() : null,
  }).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
  return r as SubmissionRow | undefined;
}

/** The next revision, only from `baseRev` and while the filler may still change it. */
export async function updateSubmission(trx: Tx, w: Write, baseRev: number, editable: readonly string[]): Promise<SubmissionRow | undefined> {
  const r = await trx.updateTable('submissions').set({
    ...columns(w), rev: sql`rev + 1`, updated_at: new Date(),
    submitted_at: w.status === 'submitted' ? new Date() : null,
  }).where('id', '=', w.id).where('rev', '=', baseRev).where('status', 'in', editable as SubmissionStatus[]).returningAll().executeTakeFirst();
  return r as SubmissionRow | undefined;
}

export async function insertRevision(trx: Tx, s: SubmissionRow, userId: number | null) {
  await trx.insertInto('submission_revisions').values({
    submission_id: s.id, rev: s.rev, status: s.status, answers: JSON.stringify(s.answers), explanations: JSON.stringify(s.explanations),
    content_hash: s.content_hash, by_user: userId,
  }).execute();
}

export async function revisionsOf(db: Db, id: string) {
  return sql<{ rev: number; status: string; at: Date; by_user: number | null; username: string | null }>`
    SELECT r.rev, r.status, r.at, r.by_user, u.username FROM submission_revisions r LEFT JOIN users u ON u.id = r.by_user
    WHERE r.submission_id = ${id} ORDER BY r.rev`.execute(db).then((r) => r.rows);
}

/** A revision and the one before it (null for the first). */
export async function revisionPair(db: Db, id: string, rev: number) {
  const rows = await db.selectFrom('submission_revisions').selectAll().where('submission_id', '=', id).where('rev', 'in', [rev - 1, rev]).orderBy('rev').execute();
  const cur = rows.find((r) => r.rev === rev);
  return cur ? { cur, prev: rows.find((r) => r.rev === rev - 1) ?? null } : undefined;
}

export interface ListFilter { sourceId?: number; form?: string; status?: string; after?: number; limit: number }

/** What the actor may list: a respondent its own source; others their region or work packages. */
function scopeWhere(actor: Actor): RawBuilder<unknown> {
  if (actor.role === 'respondent') return actor.sourceId ? sql`s.source_id = ${actor.sourceId}` : sql`false`;
  const region = sql`s.region_code LIKE ${actor.scopePrefix + '%'}`;
  if (actor.id === null || !PACKAGE_ROLES.has(actor.role)) return region;
  return sql`(${region} OR s.source_id IN (SELECT ir.source_id FROM inventory_records ir WHERE ir.package_id IN ${myPackages(actor.id)}))`;
}

export async function listSubmissions(db: Db, actor: Actor, f: ListFilter) {
  const where = [scopeWhere(actor)];
  if (f.sourceId !== undefined) where.push(sql`s.source_id = ${f.sourceId}`);
  if (f.form) where.push(sql`s.form = ${f.form}`);
  if (f.status) where.push(sql`s.status = ${f.status}`);
  if (f.after !== undefined) where.push(sql`s.seq > ${f.after}`);
  const r = await sql<Omit<SubmissionRow, 'answers' | 'explanations' | 'computed' | 'issues' | 'content_hash'> & { source_name: string }>`
    SELECT s.id, s.seq, s.source_id, s.region_code, s.form, s.version, s.status, s.ready, s.blocking, s.warnings, s.unexplained, s.rev,
      s.created_by, s.created_at, s.updated_by, s.updated_at, s.submitted_at, src.name AS source_name
    FROM submissions s JOIN sources src ON src.id = s.source_id
    WHERE ${sql.join(where, sql` AND `)} ORDER BY s.seq LIMIT ${f.limit + 1}`.execute(db);
  return r.rows;
}
