// HTTP edge of the demo: the national office (or the local CLI) reloads it as a job.
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../server/auth.ts';
import { MATCH_JOB } from '../directory/index.ts';
import type { JobHandler } from '../jobs/index.ts';
import { loadDemo } from './demo.ts';
import { seedDemoDirectory } from './demo-directory.ts';
import { demoInventoryJob } from './demo-inventory.ts';
import { demoSurveyJob, queueDemoSurvey } from './demo-survey.ts';
import { demoReviewJob, queueDemoReview } from './demo-review.ts';
import { demoSupervisionJob, queueDemoSupervision } from './demo-supervision.ts';
import { demoPortalJob, queueDemoPortal } from './demo-portal.ts';
import { demoOutfallsJob, queueDemoOutfalls } from './demo-outfalls.ts';
import { DEMO_NATIONAL_JOB, checkNational, nationalJob } from './national.ts';
import { Type } from '@sinclair/typebox';

export const demoJobs: JobHandler[] = [
  {
    kind: 'demo.load',
    async run(ctx) {
      // One transaction, a second or two: no progress to report inside it.
      const people = await loadDemo(ctx.db);
      const queued = await seedDemoDirectory(ctx.db);
      // A demo loaded before the survey or review demos existed gets them now (seedDemoDirectory queues them otherwise).
      if (!queued.length) {
        for (const next of [await queueDemoSurvey(ctx.db), await queueDemoReview(ctx.db), await queueDemoSupervision(ctx.db), await queueDemoPortal(ctx.db), await queueDemoOutfalls(ctx.db)]) if (next) queued.push(next);
      }
      return { ...people, directoryMatchJob: queued.find((j) => j.kind === MATCH_JOB)?.id ?? null, followUpJobs: queued.map((j) => j.id) };
    },
  },
  demoInventoryJob,
  demoSurveyJob,
  demoReviewJob,
  demoSupervisionJob,
  demoPortalJob,
  demoOutfallsJob,
  nationalJob as JobHandler,
];

export async function demoRoutes(app: FastifyInstance) {
  app.post('/api/v1/demo', {
    config: { action: 'demo.load' },
    schema: { tags: ['demo'], summary: 'Load or reload the demo census (a job)' },
  }, async (req, reply) => {
    const job = await app.ctx.jobs.enqueue(actorOf(req), 'demo.load', {}, '100000', 1);
    return reply.status(202).send({ job });
  });
  app.post('/api/v1/demo/national', {
    config: { action: 'demo.load' },
    schema: {
      tags: ['demo'], summary: 'Load the national synthetic census (3,579,700 sources at scale 1, with inventory, emissions and totals) as a job',
      body: Type.Object({ scale: Type.Number({ exclusiveMinimum: 0, maximum: 1 }) }, { additionalProperties: false }),
    },
  }, async (req, reply) => {
    const { scale } = req.body as { scale: number };
    await checkNational(app.ctx.db, scale);
    const job = await app.ctx.jobs.enqueue(actorOf(req), DEMO_NATIONAL_JOB, { scale }, '100000');
    return reply.status(202).send({ job });
  });
}
