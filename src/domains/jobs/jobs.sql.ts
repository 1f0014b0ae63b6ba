// SQL of the jobs table: a queue worked with FOR UPDATE SKIP LOCKED, so several
// server processes on one PostgreSQL can share it, and PGlite runs it unchanged.
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import type { JobsTable } from '../../core/db/schema.ts';
import type { Selectable } from 'kysely';

export type JobRow = Selectable<JobsTable>;

export async function insertJob(db: Db, v: { kind: string; regionCode: string; createdBy: number | null; params: unknown; total?: number | null }) {
  return db
    .insertInto('jobs')
    .values({
      kind: v.kind,
      region_code: v.regionCode,
      created_by: v.createdBy,
      params: JSON.stringify(v.params ?? {}),
      progress_total: v.total ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Queues a job from outside a runner (start-up, another job); the worker picks it up at its next poll. */
export async function queueJob(db: Db, v: { kind: string; regionCode: string; createdBy: number | null; params: unknown; total?: number | null }) {
  return view(await insertJob(db, v));
}

/** Takes the oldest queued job of the kinds this worker knows. */
export async function claimJob(db: Db, kinds: string[]): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  const r = await sql<JobRow>`
    UPDATE jobs SET status = 'running', attempts = attempts + 1,
      started_at = coalesce(started_at, now()), heartbeat_at = now(), error = NULL, finished_at = NULL
    WHERE id = (
      SELECT id FROM jobs WHERE status = 'queued' AND kind IN (${sql.join(kinds)})
      ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING *`.execute(db);
  return r.rows[0];
}

/** Jobs left running by a process that died go back to the queue, to resume from their checkpoint. */
export async function requeueStale(db: Db, staleSeconds: number) {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'queued' })
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds})`)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Saves progress and tells the worker whether someone asked to cancel. */
export async function saveProgress(db: Db, id: number, p: { done: number; total?: number | null; message?: string | null; checkpoint?: unknown }) {
  const row = await db
    .updateTable('jobs')
    .set({
      progress_done: p.done,
      ...(p.total !== undefined ? { progress_total: p.total } : {}),
      ...(p.message !== undefined ? { message: p.message } : {}),
      ...(p.checkpoint !== undefined ? { checkpoint: JSON.stringify(p.checkpoint) } : {}),
      heartbeat_at: new Date(),
    })
    .where('id', '=', id)
    .returning('cancel_requested')
    .executeTakeFirst();
  return row?.cancel_requested ?? true;
}

export async function finishJob(db: Db, id: number, status: 'succeeded' | 'failed' | 'cancelled', v: { result?: unknown; error?: unknown; params?: unknown }) {
  await db
    .updateTable('jobs')
    .set({
      status,
      ...(v.params !== undefined ? { params: JSON.stringify(v.params) } : {}),
      finished_at: new Date(),
      result: v.result === undefined ? null : JSON.stringify(v.result),
      error: v.error === undefined ? null : JSON.stringify(v.error),
    })
    .where('id', '=', id)
    .execute();
}

const view = (r: JobRow) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  regionCode: r.region_code,
  createdBy: r.created_by,
  params: r.params,
  progressDone: r.progress_done,
  progressTotal: r.progress_total,
  message: r.message,
  result: r.result,
  error: r.error,
  cancelRequested: r.cancel_requested,
  attempts: r.attempts,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});
export type JobView = ReturnType<typeof view>;
export { view as jobView };

export async function getJob(db: Db, id: number, scopePrefix: string) {
  const r = await db.selectFrom('jobs').selectAll().where('id', '=', id).where('region_code', 'like', `${scopePrefix}%`).executeTakeFirst();
  return r && view(r);
}

export async function listJobs(db: Db, f: { scopePrefix: string; status?: string; kind?: string; before?: number; limit: number }) {
  let q = db.selectFrom('jobs').selectAll().where('region_code', 'like', `${f.scopePrefix}%`);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.before) q = q.where('id', '<', f.before);
  const rows = await q.orderBy('id', 'desc').limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  return { items: page.map(view), nextCursor: rows.length > f.limit ? String(page[page.length - 1].id) : null };
}

export async function requestCancel(db: Db | Tx, id: number) {
  // A queued job is cancelled at once; a running one stops at its next progress report.
  return db
    .updateTable('jobs')
    .set((eb) => ({
      cancel_requested: true,
      status: eb.case().when('status', '=', 'queued').then('cancelled').else(eb.ref('status')).end(),
      finished_at: eb.case().when('status', '=', 'queued').then(new Date()).else(eb.ref('finished_at')).end(),
    }))
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
}

/** Rewrites a job's params, inside the caller's transaction (a job that must drop secrets as it commits). */
export async function setJobParams(db: Db | Tx, id: number, params: unknown) {
  await db.updateTable('jobs').set({ params: JSON.stringify(params) }).where('id', '=', id).execute();
}

export async function requeue(db: Db | Tx, id: number) {
  return db
    .updateTable('jobs')
    .set({ status: 'queued', cancel_requested: false, finished_at: null })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'cancelled'])
    .returningAll()
    .executeTakeFirst();
}
