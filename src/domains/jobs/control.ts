// Cancelling and resuming a job: a person's decision about work in their scope, so it is
// audited (who stopped or restarted what) in the transaction that changes the job row.
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../core/db/index.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/index.ts';
import * as q from './jobs.sql.ts';

/** `redact` gives the params to keep when a queued job is cancelled before its worker ever ran (drops secrets). */
export async function cancelJob(db: Db, actor: Actor, id: number, redact: (kind: string, params: unknown) => unknown | undefined) {
  if (!(await q.getJob(db, id, actor.scopePrefix))) throw new AppError('JOB_NOT_FOUND');
  return db.transaction().execute(async (trx) => {
    const row = await q.requestCancel(trx, id);
    if (!row) throw new AppError('JOB_NOT_CANCELLABLE');
    const kept = row.status === 'cancelled' ? redact(row.kind, row.params) : undefined;
    if (kept !== undefined) {
      await q.setJobParams(trx, id, kept);
      row.params = kept;
    }
    // Never the params: a job's may carry secrets until its worker drops them.
    await recordAudit(trx, actor, { action: 'job.cancel', entity: 'job', entityId: id, regionCode: row.region_code, after: { kind: row.kind, status: row.status } });
    return q.jobView(row);
  });
}

export async function resumeJob(db: Db, actor: Actor, id: number) {
  if (!(await q.getJob(db, id, actor.scopePrefix))) throw new AppError('JOB_NOT_FOUND');
  return db.transaction().execute(async (trx) => {
    const row = await q.requeue(trx, id);
    if (!row) throw new AppError('JOB_NOT_RESUMABLE');
    await recordAudit(trx, actor, { action: 'job.resume', entity: 'job', entityId: id, regionCode: row.region_code, after: { kind: row.kind, status: row.status } });
    return q.jobView(row);
  });
}
