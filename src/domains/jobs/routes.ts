// HTTP edge of jobs: list, read, cancel, resume.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../core/errors.ts';
import { actorOf } from '../../server/auth.ts';
import { IdParams, PageQuery } from '../../server/schemas.ts';
import * as q from './jobs.sql.ts';
import { cancelJob, resumeJob } from './control.ts';

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

  app.post('/api/v1/jobs/:id/cancel', { config: { action: 'jobs.write', resource: 'job' }, schema: { tags: ['jobs'], params: IdParams } }, async (req) =>
    cancelJob(db, actorOf(req), (req.params as { id: number }).id, (kind, params) => app.ctx.jobs.redacted(kind, params)));

  app.post('/api/v1/jobs/:id/resume', { config: { action: 'jobs.write', resource: 'job' }, schema: { tags: ['jobs'], params: IdParams } }, async (req) =>
    resumeJob(db, actorOf(req), (req.params as { id: number }).id));
}
