// HTTP edge of the associated radioactive mines (docs/outfalls-api.md, second part).
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import { IdParams } from '../../server/schemas.ts';
import { qaIssues, radioProgress, reconcile } from './checks.ts';
import * as e from './enterprises.ts';
import { fileOf, recordMeasurement, uploadFile, type MeasurementBody } from './measurements.ts';
import { listMinerals, putMinerals, type MineralBody } from './minerals.ts';
import { NUCLIDES, POINT_KINDS, STAGES } from './rules/screening.ts';

const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const body = (props: Parameters<typeof Type.Object>[0]) => Type.Object(props, { additionalProperties: false });
const V = Type.Integer({ minimum: 1 });
const Region = Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$' });
const MineralCode = Type.String({ pattern: '^[0-9A-Za-z]{1,8}$' });
const Point = body({
  label: Type.String({ minLength: 1, maxLength: 50 }), kind: lit(POINT_KINDS),
  lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])), lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
  doseRateNGyH: Type.Number(), nuclides: Type.Optional(Type.Object(Object.fromEntries(NUCLIDES.map((n) => [n, Type.Optional(Type.Number())])), { additionalProperties: false })),
});

export async function radioactiveRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const tags = ['radioactive'];
  const base = '/api/v1/radioactive';
  const id = (req: { params: unknown }) => (req.params as { id: number }).id;
  const ent = { action: 'radioactive.read' as const, resource: 'radio-enterprise' as const };

  app.get(`${base}/minerals`, { config: { action: 'radioactive.read' }, schema: { tags, summary: 'The mineral kinds in scope' } }, async () => listMinerals(db));
  app.put(`${base}/minerals`, {
    config: { action: 'radioactive.config' },
    schema: { tags, summary: 'Replace the mineral kinds in scope', body: body({ items: Type.Array(body({ code: MineralCode, nameZh: Type.String({ minLength: 1, maxLength: 50 }), nameEn: Type.String({ minLength: 1, maxLength: 100 }), industries: Type.Array(Type.String({ maxLength: 4 }), { maxItems: 50 }), active: Type.Boolean() }), { minItems: 1, maxItems: 100 }) }) },
  }, async (req) => putMinerals(db, actorOf(req), (req.body as { items: MineralBody[] }).items));

  app.get(`${base}/enterprises`, {
    config: { action: 'radioactive.read' },
    schema: { tags, summary: 'The initial list of the caller\'s scope', querystring: Type.Object({ region: Type.Optional(Region), stage: Type.Optional(lit(STAGES)), mineral: Type.Optional(MineralCode), q: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,16}$' })) }) },
  }, async (req) => e.listEnterprises(db, actorOf(req), req.query as Parameters<typeof e.listEnterprises>[2]));
  app.post(`${base}/enterprises`, {
    config: { action: 'radioactive.list' },
    schema: { tags, summary: 'Put an enterprise on the initial list: a directory source, or by name', body: Type.Union([
      body({ sourceId: Type.Integer({ minimum: 1, maximum: 2 ** 53 }), minerals: Type.Optional(Type.Array(MineralCode, { maxItems: 15 })) }),
      body({ regionCode: Region, name: Type.String({ minLength: 1, maxLength: 200 }), creditCode: Type.Optional(Type.String({ maxLength: 18 })), minerals: Type.Array(MineralCode, { maxItems: 15 }) }),
    ]) },
  }, async (req, reply) => reply.status(201).send(await e.listEnterprise(db, actorOf(req), req.body as e.ListBody)));
  app.get(`${base}/enterprises/:id`, { config: ent, schema: { tags, summary: 'An enterprise with its measurements, original records and the values for form G107', params: IdParams } },
    async (req) => e.getEnterprise(db, actorOf(req), id(req)));
  app.delete(`${base}/enterprises/:id`, {
    config: { action: 'radioactive.list', resource: 'radio-enterprise' },
    schema: { tags, summary: 'Take an unmeasured enterprise off the list', params: IdParams, querystring: Type.Object({ version: Type.Optional(V) }) },
  }, async (req) => e.unlistEnterprise(db, actorOf(req), id(req), (req.query as { version?: number }).version));
  app.post(`${base}/enterprises/:id/measurements`, {
    config: { action: 'radioactive.measure', resource: 'radio-enterprise' },
    schema: { tags, summary: 'Record an initial measurement; the server screens it', params: IdParams, body: body({ body: Type.String({ minLength: 1, maxLength: 200 }), measuredOn: Type.String({ maxLength: 10 }), backgroundNGyH: Type.Number(), points: Type.Array(Point, { maxItems: 1000 }), note: Type.Optional(Type.String({ maxLength: 1000 })) }) },
  }, async (req, reply) => reply.status(201).send(await recordMeasurement(db, actorOf(req), id(req), req.body as MeasurementBody)));
  app.post(`${base}/enterprises/:id/detailed`, {
    config: { action: 'radioactive.list', resource: 'radio-enterprise' },
    schema: { tags, summary: 'Record the detailed survey of an enterprise above the screening level', params: IdParams, body: body({ version: V, note: Type.String({ maxLength: 1000 }) }) },
  }, async (req) => e.markDetailedDone(db, actorOf(req), id(req), req.body as { version: number; note: string }));
  app.post(`${base}/measurements/:id/files`, {
    config: { action: 'radioactive.measure', resource: 'radio-measurement' },
    schema: { tags, summary: 'An original record of a measurement (multipart: file PDF/JPEG/PNG ≤ 20 MB)', params: IdParams, consumes: ['multipart/form-data'] },
  }, async (req, reply) => reply.status(201).send(await uploadFile(db, actorOf(req), id(req), req, config.dataDir)));
  app.get(`${base}/files/:id`, { config: { action: 'radioactive.read', resource: 'radio-file' }, schema: { tags, summary: 'An original record\'s bytes', params: IdParams } }, async (req, reply) => {
    const f = await fileOf(db, actorOf(req), id(req), config.dataDir);
    reply.type(f.mime).header('cache-control', 'private, max-age=86400').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName || `record-${id(req)}`)}`);
    return reply.send(fs.createReadStream(f.file));
  });

  const RegionQuery = Type.Object({ region: Type.Optional(Region) });
  app.get(`${base}/reconcile`, { config: { action: 'radioactive.read' }, schema: { tags, summary: 'The list against the inventory: flagged sources not listed, listed enterprises not in the inventory', querystring: RegionQuery } },
    async (req) => reconcile(db, actorOf(req), (req.query as { region?: string }).region));
  app.get(`${base}/progress`, { config: { action: 'radioactive.read' }, schema: { tags, summary: 'Listed, measured, above screening and surveyed in detail per child region', querystring: RegionQuery } },
    async (req) => radioProgress(db, actorOf(req), (req.query as { region?: string }).region));
  app.get(`${base}/qa`, { config: { action: 'radioactive.read' }, schema: { tags, summary: 'QA issues: list completeness, point metadata, original records', querystring: RegionQuery } },
    async (req) => qaIssues(db, actorOf(req), (req.query as { region?: string }).region));
}
