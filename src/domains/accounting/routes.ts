// HTTP edge of emission accounting (docs/accounting-api.md): the coefficient library.
import type { FastifyInstance } from 'fastify';
import { RECOMPUTE_JOB } from './emissions/verify.ts';
import { NATION } from './emissions/rollup-rules.ts';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import { IdParams, PageQuery } from '../../server/schemas.ts';
import { receiveUpload, uploadsDir } from '../directory/index.ts';
import * as coef from './coefficients/coefficients.ts';

const VersionId = Type.Integer({ minimum: 1, maximum: 2 ** 53 });

export async function accountingRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const tags = ['accounting'];
  const base = '/api/v1/accounting/coefficients';

  app.post(`${base}/import`, {
    config: { action: 'accounting.config' },
    schema: { tags, summary: 'Import a coefficient table (multipart: file CSV/XLSX ≤ 50 MB, label, census, sample) as a draft version, whole or not at all', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const upload = await receiveUpload(req, uploadsDir(config.dataDir), { maxBytes: coef.IMPORT_LIMIT, keep: false });
    return reply.status(201).send({ version: await coef.importUpload(db, actorOf(req), upload) });
  });

  app.get(`${base}/versions`, {
    config: { action: 'accounting.read' },
    schema: { tags, summary: 'The versions of the library, newest first' },
  }, async () => coef.listVersions(db));

  // Versions are national: every reader sees every version.
  app.get(`${base}/versions/:id/rows`, {
    config: { action: 'accounting.read', resource: 'coefficient-version' },
    schema: {
      tags, summary: 'A version\'s rows (keyset paging), filtered by industry code prefix and pollutant', params: IdParams,
      querystring: Type.Composite([PageQuery, Type.Object({ industry: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })), pollutant: Type.Optional(Type.String({ maxLength: 20 })) })]),
    },
  }, async (req) => coef.versionRows(db, (req.params as { id: number }).id, req.query as Parameters<typeof coef.versionRows>[2]));

  app.get(`${base}/versions/:id/diff`, {
    config: { action: 'accounting.read', resource: 'coefficient-version' },
    schema: { tags, summary: 'What a version adds, removes and changes against another (default: the version in force)', params: IdParams, querystring: Type.Object({ against: Type.Optional(VersionId) }) },
  }, async (req) => coef.diffVersions(db, (req.params as { id: number }).id, (req.query as { against?: number }).against));

  app.post(`${base}/versions/:id/in-force`, {
    config: { action: 'accounting.config', resource: 'coefficient-version' },
    schema: { tags, summary: 'Put a version in force (the one before is retired, in one transaction)', params: IdParams },
  }, async (req) => {
    const a = actorOf(req);
    const version = await coef.putInForce(db, a, (req.params as { id: number }).id);
    // Every figure may read the new coefficients: compute them all again, as a job.
    const job = await app.ctx.jobs.enqueue(a, RECOMPUTE_JOB, { regionCode: NATION }, NATION);
    return { version, recomputeJobId: job.id };
  });
}
