// HTTP edge of the computed emissions and their totals (docs/accounting-api.md, "Emissions").
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../../server/auth.ts';
import { IdParams } from '../../../server/schemas.ts';
import { sourceEmissions, totals } from './totals.ts';
import { totalsWorkbook } from './totals-xlsx.ts';
import { RECOMPUTE_JOB, VERIFY_JOB } from './verify.ts';

const Region = Type.String({ pattern: '^[0-9]{6,12}$' });

export async function emissionRoutes(app: FastifyInstance) {
  const { db, jobs } = app.ctx;
  const tags = ['accounting'];
  const base = '/api/v1';

  app.get(`${base}/accounting/totals`, {
    config: { action: 'accounting.read' },
    schema: { tags, summary: 'A region\'s emission totals by pollutant, category, industry division and child region; approved apart from in review', querystring: Type.Object({ region: Type.Optional(Region) }) },
  }, async (req) => totals(db, actorOf(req), (req.query as { region?: string }).region));

  app.get(`${base}/accounting/totals.xlsx`, {
    config: { action: 'accounting.read' },
    schema: { tags, summary: 'A region\'s emission totals as XLSX: sheets pollutants, categories, industries, children', querystring: Type.Object({ region: Type.Optional(Region) }) },
  }, async (req, reply) => {
    const t = await totals(db, actorOf(req), (req.query as { region?: string }).region);
    reply.header('content-disposition', `attachment; filename="emissions-${t.region.code}.xlsx"`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(await totalsWorkbook(t));
  });

  app.get(`${base}/sources/:id/emissions`, {
    config: { action: 'accounting.read', resource: 'source' },
    schema: { tags, summary: 'A source\'s emissions per outlet and pollutant, with the lineage of each figure', params: IdParams },
  }, async (req) => sourceEmissions(db, actorOf(req), (req.params as { id: number }).id));

  app.post(`${base}/accounting/recompute`, {
    config: { action: 'accounting.config' },
    schema: { tags, summary: 'Compute every source of a region again (a job)', body: Type.Object({ regionCode: Type.Optional(Region) }, { additionalProperties: false }) },
  }, async (req, reply) => {
    const a = actorOf(req);
    const regionCode = (req.body as { regionCode?: string }).regionCode ?? '100000';
    return reply.status(202).send({ job: await jobs.enqueue(a, RECOMPUTE_JOB, { regionCode }, regionCode) });
  });

  app.post(`${base}/accounting/rollups/verify`, {
    config: { action: 'accounting.config' },
    schema: { tags, summary: 'Recompute every figure and total from the forms and report differences (a job; changes nothing)' },
  }, async (req, reply) => reply.status(202).send({ job: await jobs.enqueue(actorOf(req), VERIFY_JOB, {}, '100000') }));
}
