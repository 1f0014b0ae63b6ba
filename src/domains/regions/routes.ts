// HTTP edge of regions.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import { CodeParams } from '../../server/schemas.ts';
import * as regions from './regions.ts';

export async function regionRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const tags = ['regions'];

  app.get('/api/v1/regions', {
    config: { action: 'regions.read' },
    schema: {
      tags,
      summary: 'Search regions by Chinese name, pinyin, initials or code prefix',
      querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }),
    },
  }, async (req) => {
    const { q, limit } = req.query as { q: string; limit?: number };
    return regions.searchRegions(db, actorOf(req), q, limit);
  });

  app.get('/api/v1/regions/:code', {
    config: { action: 'regions.read', resource: 'region' },
    schema: { tags, summary: 'One region with its path from the nation', params: CodeParams },
  }, async (req) => regions.getRegion(db, actorOf(req), (req.params as { code: string }).code));

  app.get('/api/v1/regions/:code/children', {
    config: { action: 'regions.read', resource: 'region' },
    schema: { tags, summary: 'The regions directly under one region', params: CodeParams },
  }, async (req) => regions.getChildren(db, actorOf(req), (req.params as { code: string }).code));

  app.post('/api/v1/regions/villages', {
    config: { action: 'regions.load' },
    schema: { tags, summary: 'Load the 620 k villages and residents\' committees (a resumable job)' },
  }, async (req, reply) => {
    const job = await app.ctx.jobs.enqueue(actorOf(req), 'regions.villages', {}, '100000', 620_573);
    return reply.status(202).send({ job });
  });

  app.patch('/api/v1/regions/:code', {
    config: { action: 'regions.write', resource: 'region' },
    schema: { tags, summary: 'Mark or unmark a pilot county', params: CodeParams, body: Type.Object({ pilot: Type.Boolean() }, { additionalProperties: false }) },
  }, async (req) => regions.setPilot(db, actorOf(req), (req.params as { code: string }).code, (req.body as { pilot: boolean }).pilot));
}
