// SQL of the survey's submissions: the source as the survey sees it, submissions and their
// revisions. Scope is applied by the caller (submissions.ts) from the columns these return,
// except in lists, where it is a WHERE clause built from the actor.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { ReviewLevel, SubmissionStatus } from '../../../core/db/schema.ts';
import type { Actor } from '../../access/index.ts';
import { ACCOUNTING_FORMS } from '../../accounting/forms-read.ts';
import { inScopeOf, provinceOf } from '../../../core/db/distribution.ts';
import { isUniqueViolation } from '../../../core/db/pg-errors.ts';

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

const inMyPackage = (actor: Actor) => (actor.id !== null && PACKAGE_ROLES.has(actor.role) ? sql`coalesce(ir.package_id IN ${myPackages(actor.id)}, false)` : sql`false`);
const SOURCE_COLUMNS = sql`s.id, s.name, s.region_code, s.category, s.industry_code, s.state, ir.region_code AS record_region, ir.state AS inventory_state, st.to_survey`;

export async function surveySource(db: Db | Tx, id: number, actor: Actor): Promise<SurveySource | undefined> {
  const r = await sql<SurveySource>`
    SELECT ${SOURCE_COLUMNS}, ${inMyPackage(actor)} AS in_my_package
    FROM sources s
    LEFT JOIN inventory_records ir ON ir.source_id = s.id
    LEFT JOIN inventory_states st ON st.code = ir.state
    WHERE s.id = ${id}`.execute(db);
  return r.rows[0];
}

export interface SaveContext {
  /** The source of the stored submission, else of the body (null when it does not exist). */
  source: SurveySource | null;
  existing: Pick<SubmissionRow, 'source_id' | 'form' | 'version' | 'status' | 'rev' | 'content_hash' | 'returned_from' | 'returned_to' | 'open_paths'> | null;
  /** The id already holding this (source, form), if any. */
  taken: string | null;
  /** The source's stored forms among `reads`. */
  others: { form: string; version: number; answers: unknown; explanations: unknown }[];
  /** Of the attachment ids asked about, those stored for this source: id → mime. */
  attachments: Record<string, string>;
  /** The source's county is a pilot or has accepted its inventory: the survey may be submitted there. */
  surveyOpen: boolean;
}

/**
 * Everything a save needs to decide, in one round trip: the stored submission, its source with
 * the inventory state, who holds the (source, form) pair, the source's other forms that the
 * form's rules read (`reads`, from the engine; none read, none fetched) and which of the
 * attachments the answers name it holds.
 */
export async function saveContext(db: Db, id: string, sourceId: number, form: string, actor: Actor, reads: readonly string[], attachmentIds: string[] = []): Promise<SaveContext> {
  const wanted = reads.filter((c) => c !== form);
  const others = wanted.length === 0 ? sql`NULL::jsonb` : sql`(SELECT jsonb_agg(jsonb_build_object('form', o.form, 'version', o.version, 'answers', o.answers, 'explanations', o.explanations))
         FROM submissions o WHERE o.source_id = s.id AND o.form IN (${sql.join(wanted)}))`;
  // Asked only when the answers reference files: most saves carry none.
  const attachments = attachmentIds.length
    ? sql`(SELECT jsonb_object_agg(a.id, a.mime) FROM submission_attachments a WHERE a.source_id = s.id AND a.id = ANY(${attachmentIds}::text[]))`
    : sql`NULL::jsonb`;
  const r = await sql<SurveySource & { in_my_package: boolean; e_source_id: number | null; e_form: string; e_version: number; e_status: SubmissionStatus; e_rev: number; e_hash: string; e_returned_from: ReviewLevel | null; e_returned_to: number | null; e_open_paths: string[] | null; taken: string | null; others: SaveContext['others'] | null; attachments: Record<string, string> | null; survey_open: boolean | null }>`
    SELECT ${SOURCE_COLUMNS}, ${inMyPackage(actor)} AS in_my_package,
      e.source_id AS e_source_id, e.form AS e_form, e.version AS e_version, e.status AS e_status, e.rev AS e_rev, e.content_hash AS e_hash,
      e.returned_from AS e_returned_from, e.returned_to AS e_returned_to, e.open_paths AS e_open_paths,
      (SELECT t.id FROM submissions t WHERE t.source_id = s.id AND t.form = ${form}) AS taken,
      (SELECT c.pilot OR EXISTS (SELECT 1 FROM phase_acceptances a WHERE a.phase = 'inventory' AND a.region_code = c.code AND a.revoked_at IS NULL)
         FROM regions c WHERE c.code = substr(coalesce(ir.region_code, s.region_code), 1, 6)) AS survey_open,
      ${others} AS others,
      ${attachments} AS attachments
    FROM (SELECT ${id}::uuid AS id) k
    LEFT JOIN submissions e ON e.id = k.id
    LEFT JOIN sources s ON s.id = coalesce(e.source_id, ${sourceId})
    LEFT JOIN inventory_records ir ON ir.source_id = s.id
    LEFT JOIN inventory_states st ON st.code = ir.state`.execute(db);
  const x = r.rows[0];
  return {
    source: x.id === null ? null : { id: x.id, name: x.name, region_code: x.region_code, category: x.category, industry_code: x.industry_code, state: x.state, record_region: x.record_region, inventory_state: x.inventory_state, to_survey: x.to_survey, in_my_package: x.in_my_package },
    existing: x.e_source_id === null ? null : {
      source_id: x.e_source_id, form: x.e_form, version: x.e_version, status: x.e_status, rev: x.e_rev, content_hash: x.e_hash,
      returned_from: x.e_returned_from, returned_to: x.e_returned_to, open_paths: x.e_open_paths,
    },
    taken: x.taken,
    others: x.others ?? [],
    attachments: x.attachments ?? {},
    surveyOpen: x.survey_open !== false,
  };
}

export interface SubmissionRow {
  id: string;
  seq: number;
  source_id: number;
  region_code: string;
  province_code: string;
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
  review_level: ReviewLevel | null;
  review_version: number;
  waiting_since: Date | null;
  filled_level: string | null;
  returned_from: ReviewLevel | null;
  returned_to: number | null;
  open_paths: string[] | null;
}

export async function getSubmission(db: Db | Tx, id: string): Promise<SubmissionRow | undefined> {
  return (await db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst()) as SubmissionRow | undefined;
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
  /** Where it stands in the review chain after this save (src/domains/review/chain). */
  review: { level: ReviewLevel | null; filled: string | null; returnedFrom: ReviewLevel | null; returnedTo: number | null; openPaths: string[] | null };
}

const columns = (w: Write) => ({
  status: w.status, answers: JSON.stringify(w.answers), explanations: JSON.stringify(w.explanations), computed: JSON.stringify(w.computed),
  issues: JSON.stringify(w.issues), ready: w.summary.ready, blocking: w.summary.blocking, warnings: w.summary.warnings,
  unexplained: w.summary.unexplained, content_hash: w.hash, updated_by: w.userId,
  open_paths: w.review.openPaths ? JSON.stringify(w.review.openPaths) : null,
});

export type Saved = Pick<SubmissionRow, 'id' | 'source_id' | 'region_code' | 'form' | 'version' | 'status' | 'rev' | 'updated_at' | 'review_level'>;

// One statement writes the submission, its revision and its audit row (auditFrom reads CTE s):
// atomic, one round trip, and the answers cross the wire once.
const withRevision = (write: RawBuilder<unknown>, userId: number | null, audit: RawBuilder<unknown>) => sql<Saved>`
  WITH s AS (${write} RETURNING id, source_id, region_code, province_code, form, version, status, rev, updated_at, answers, explanations, content_hash, review_level, filled_level),
  r AS (INSERT INTO submission_revisions (submission_id, province_code, rev, status, answers, explanations, content_hash, by_user)
        SELECT id, province_code, rev, status, answers, explanations, content_hash, ${userId}::bigint FROM s),
  st AS (INSERT INTO review_steps (submission_id, province_code, level, action, rev, by_user)
        SELECT id, province_code, filled_level, 'submit', rev, ${userId}::bigint FROM s WHERE s.status IN ('submitted', 'locked')),
  -- the submission's step before this one is no longer its latest (migration 0027)
  sup AS (UPDATE review_steps r SET superseded_at = now() FROM s
          WHERE r.submission_id = s.id AND s.status IN ('submitted', 'locked') AND r.superseded_at IS NULL AND r.action <> 'confirm'),
  -- The source's emissions are computed again in the background (src/domains/accounting).
  d AS (INSERT INTO accounting_dirty (province_code, source_id) SELECT province_code, source_id FROM s WHERE s.form IN (${sql.join([...ACCOUNTING_FORMS])})
        ON CONFLICT (province_code, source_id) DO UPDATE SET marked_at = now()),
  a AS (${audit})
  SELECT id, source_id, region_code, form, version, status, rev, updated_at, review_level FROM s`;

/**
 * Inserts the first revision; undefined when the id (in any province) or the (source, form) pair
 * is already taken. The key is (id, province_code): the id's national uniqueness is checked by the
 * insert's trigger, under a lock on the id (migration 0033), in this one statement.
 */
export async function insertSubmission(db: Db, w: Write, audit: RawBuilder<unknown>): Promise<Saved | undefined> {
  try {
    return await insertRow(db, w, audit);
  } catch (e) {
    if (isUniqueViolation(e, 'submissions_id_national')) return undefined;
    throw e;
  }
}

async function insertRow(db: Db, w: Write, audit: RawBuilder<unknown>): Promise<Saved | undefined> {
  const c = columns(w);
  const r = await withRevision(sql`INSERT INTO submissions (id, source_id, region_code, province_code, form, version, status, answers, explanations, computed, issues,
      ready, blocking, warnings, unexplained, content_hash, created_by, updated_by, submitted_at,
      review_level, review_version, waiting_since, filled_level, returned_from, returned_to, open_paths)
    VALUES (${w.id}, ${w.sourceId}, ${w.regionCode}, ${provinceOf(w.regionCode)}, ${w.form}, ${w.version}, ${c.status}, ${c.answers}::jsonb, ${c.explanations}::jsonb,
      ${c.computed}::jsonb, ${c.issues}::jsonb, ${c.ready}, ${c.blocking}, ${c.warnings}, ${c.unexplained}, ${c.content_hash}, ${w.userId}, ${w.userId},
      ${w.status === 'submitted' || w.status === 'locked' ? new Date() : null}::timestamptz,
      ${w.review.level}, 1, ${w.review.level ? new Date() : null}::timestamptz, ${w.review.filled}, ${w.review.returnedFrom}, ${w.review.returnedTo}, ${c.open_paths}::jsonb)
    ON CONFLICT DO NOTHING`, w.userId, audit).execute(db);
  return r.rows[0];
}

/** The next revision, only from `baseRev` and while the filler may still change it. */
export async function updateSubmission(db: Db, w: Write, baseRev: number, editable: readonly string[], audit: RawBuilder<unknown>): Promise<Saved | undefined> {
  const c = columns(w);
  const r = await withRevision(sql`UPDATE submissions SET status = ${c.status}, answers = ${c.answers}::jsonb, explanations = ${c.explanations}::jsonb,
      computed = ${c.computed}::jsonb, issues = ${c.issues}::jsonb, ready = ${c.ready}, blocking = ${c.blocking}, warnings = ${c.warnings},
      unexplained = ${c.unexplained}, content_hash = ${c.content_hash}, updated_by = ${w.userId}, rev = rev + 1, updated_at = now(),
      region_code = ${w.regionCode}, -- never province_code: a source stays in its province, and Citus moves no row between shards
      submitted_at = ${w.status === 'submitted' || w.status === 'locked' ? new Date() : null}::timestamptz,
      review_level = ${w.review.level}, review_version = review_version + 1, waiting_since = ${w.review.level ? new Date() : null}::timestamptz,
      filled_level = ${w.review.filled}, returned_from = ${w.review.returnedFrom}, returned_to = ${w.review.returnedTo}, open_paths = ${c.open_paths}::jsonb
    WHERE id = ${w.id} AND rev = ${baseRev} AND status IN (${sql.join(editable)})`, w.userId, audit).execute(db);
  return r.rows[0];
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
export function scopeWhere(actor: Actor): RawBuilder<unknown> {
  if (actor.role === 'respondent') return actor.sourceId ? sql`s.source_id = ${actor.sourceId}` : sql`false`;
  const region = inScopeOf('s', actor.scopePrefix);
  if (actor.id === null || !PACKAGE_ROLES.has(actor.role)) return region;
  return sql`(${region} OR s.source_id IN (SELECT ir.source_id FROM inventory_records ir WHERE ir.package_id IN ${myPackages(actor.id)}))`;
}

export async function listSubmissions(db: Db, actor: Actor, f: ListFilter) {
  const where = [scopeWhere(actor)];
  if (f.sourceId !== undefined) where.push(sql`s.source_id = ${f.sourceId}`);
  if (f.form) where.push(sql`s.form = ${f.form}`);
  if (f.status) where.push(sql`s.status = ${f.status}`);
  if (f.after !== undefined) where.push(sql`s.seq > ${f.after}`);
  const r = await sql<Omit<SubmissionRow, 'answers' | 'explanations' | 'computed' | 'issues' | 'content_hash' | 'filled_level' | 'returned_from' | 'returned_to' | 'open_paths'> & { source_name: string }>`
    SELECT s.id, s.seq, s.source_id, s.region_code, s.form, s.version, s.status, s.ready, s.blocking, s.warnings, s.unexplained, s.rev,
      s.created_by, s.created_at, s.updated_by, s.updated_at, s.submitted_at, s.review_level, s.review_version, s.waiting_since, src.name AS source_name
    FROM submissions s JOIN sources src ON src.id = s.source_id
    WHERE ${sql.join(where, sql` AND `)} ORDER BY s.seq LIMIT ${f.limit + 1}`.execute(db);
  return r.rows;
}
