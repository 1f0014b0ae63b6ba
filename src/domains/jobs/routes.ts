// HTTP edge of jobs: list, read, cancel, resume.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../core/errors.ts';
import { actorOf } from '../../server/auth.ts';
import { IdParams, PageQuery } from '../../server/schemas.ts';
import * as q from './jobs.sql.ts';

export async function jobRoutes(app: FastifyInstance) {
  const { db } = app.ctx;

  app.get('/api/v1/jobs', {
    config: { action: 'jobs.read' },
    schema: {
      tags: ['jobs'],
      querystring: Type.Composite([PageQuery, Type.Object({ status: Type.Optional(Type.String()), kind: Type.Optional(Type.String()) })]),
    },
  }, async (req) => {
    const a = actorOf(req);
    const qs = req.query as { status?: string; kind?: string; cursor?: string; limit?: number };
    return q.listJobs(db, { scopePrefix: a.scopePrefix, status: qs.status, kind: qs.kind, before: qs.cursor ? Number(qs.cursor) : undefined, limit: qs.limit ?? 50 });
  });

  app.get('/api/v1/jobs/:id', { config: { action: 'jobs.read', resource: 'job' }, schema: { tags: ['jobs'], params: IdParams } }, async (req) => {
    const job = await q.getJob(db, (req.params as { id: number }).id, actorOf(req).scopePrefix);
    if (!job) throw new AppError('JOB_NOT_FOUND');
    return job;
  });

  app.post('/api/v1/jobs/:id/cancel', { config: { action: 'jobs.write', resource: 'job' }, schema: { tags: ['jobs'], params: IdParams } }, async (req) => {
    const id = (req.params as { id: number }).id;
    if (!(await q.getJob(db, id, actorOf(req).scopePrefix))) throw new AppError('JOB_NOT_FOUND');
    const row = await q.requestCancel(db, id);
    if (!row) throw new AppError('JOB_NOT_CANCELLABLE');
    // Cancelled before it started: its worker never runs, so drop its secrets here.
    const kept = row.status === 'cancelled' ? app.ctx.jobs.redacted(row.kind, row.params) : undefined;
    if (kept !== undefined) {
      await q.setJobParams(db, id, kept);
      row.params = kept;
    }
    return q.jobView(row);
  });

  app.post('/api/v1/jobs/:id/resume', { config: { action: 'jobs.write', resource: 'job' }, schema: { tags: ['jobs'], params: IdParams } }, async (req) => {
    const id = (req.params as { id: number }).id;
    if (!(await q.getJob(db, id, actorOf(req).scopePrefix))) throw new AppError('JOB_NOT_FOUND');
    const row = await q.requeue(db, id);
    if (!row) throw new AppError('JOB_NOT_RESUMABLE');
    return q.jobView(row);
  });
}
