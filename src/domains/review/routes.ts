// HTTP edge of the review chain and quality control (docs/review-api.md).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import { IdParams } from '../../server/schemas.ts';
import { act, unlock, type ActBody, type UnlockBody } from './actions.ts';
import { getChain, listQueue, queueSummary, returnedToMe, setChain, startBulkApprove } from './queue.ts';
import { acceptPhase, phaseStatus, revokePhase } from './phases/phases.ts';
import { drawSample, getSample, getSettings, listSamples, putSettings, rates, recordFinding, type DrawBody, type ItemBody } from './qc/qc.ts';
import { ruleCatalogue } from './qc/rule-catalogue.ts';
import type { QueueFilter } from './review.sql.ts';
import type { Phase } from '../../core/db/schema.ts';
import type { QcSettings } from './qc/qc.sql.ts';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });
const Level = Type.Union(['respondent', 'enumerator', 'instructor', 'county', 'city', 'province', 'nation'].map((l) => Type.Literal(l)));
const PhaseT = Type.Union([Type.Literal('inventory'), Type.Literal('survey')]);
const Region = Type.String({ pattern: '^[0-9]{6,12}$' });
const Reason = Type.String({ maxLength: 500 });
const Path = Type.String({ minLength: 1, maxLength: 300 });
const filterFields = {
  form: Type.Optional(Type.String({ pattern: '^[A-Z][0-9]{3}(-[0-9]{1,2})?$' })),
  township: Type.Optional(Region),
  issues: Type.Optional(Type.Union(['blocking', 'warnings', 'explained', 'unexplained', 'clean', 'permit'].map((l) => Type.Literal(l)))),
  rule: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  minAgeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
};
const Filter = Type.Object(filterFields, { additionalProperties: false });

export async function reviewRoutes(app: FastifyInstance) {
  const { db, jobs } = app.ctx;
  const tags = ['review'];
  const base = '/api/v1';

  app.get(`${base}/review/chain`, { config: { action: 'review.read' }, schema: { tags, summary: 'The levels of the review chain' } }, async () => getChain(db));
  app.put(`${base}/review/chain`, {
    config: { action: 'review.config' },
    schema: { tags, summary: 'Turn levels of the chain on or off (national office)', body: Type.Object({ levels: Type.Array(Type.Object({ code: Level, enabled: Type.Boolean() }, { additionalProperties: false }), { minItems: 1, maxItems: 7 }) }, { additionalProperties: false }) },
  }, async (req) => setChain(db, actorOf(req), (req.body as { levels: { code: string; enabled: boolean }[] }).levels));

  app.post(`${base}/submissions/:id/review`, {
    config: { action: 'review.act', resource: 'submission' },
    schema: {
      tags, summary: 'Approve or reject a submission at the level it waits at', params: Type.Object({ id: Uuid }),
      body: Type.Object({
        action: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reviewVersion: Type.Integer({ minimum: 0 }), reason: Type.Optional(Reason),
        comments: Type.Optional(Type.Array(Type.Object({ path: Path, text: Reason }, { additionalProperties: false }), { maxItems: 200 })),
      }, { additionalProperties: false }),
    },
  }, async (req) => act(db, actorOf(req), (req.params as { id: string }).id.toLowerCase(), req.body as ActBody));

  app.post(`${base}/submissions/:id/unlock`, {
    config: { action: 'review.act', resource: 'submission' },
    schema: {
      tags, summary: 'Unlock an approved submission, whole or some fields, with a reason', params: Type.Object({ id: Uuid }),
      body: Type.Object({ reviewVersion: Type.Integer({ minimum: 0 }), reason: Reason, paths: Type.Optional(Type.Array(Path, { maxItems: 200 })) }, { additionalProperties: false }),
    },
  }, async (req) => unlock(db, actorOf(req), (req.params as { id: string }).id.toLowerCase(), req.body as UnlockBody));

  app.get(`${base}/review/queue`, {
    config: { action: 'review.read' },
    schema: { tags, summary: 'What waits at my level in my scope, oldest first', querystring: Type.Object({ ...filterFields, level: Type.Optional(Level), cursor: Type.Optional(Type.String({ maxLength: 40 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }) },
  }, async (req) => listQueue(db, actorOf(req), req.query as QueueFilter & { level?: string; cursor?: string; limit?: number }));

  app.get(`${base}/review/queue/summary`, {
    config: { action: 'review.read' },
    schema: { tags, summary: 'Counts of the queue by form, and its oldest item', querystring: Type.Object({ ...filterFields, level: Type.Optional(Level) }) },
  }, async (req) => queueSummary(db, actorOf(req), req.query as QueueFilter & { level?: string }));

  app.post(`${base}/review/bulk-approve`, {
    config: { action: 'review.act' },
    schema: { tags, summary: 'Approve what a filter selects at my level, as a job', body: Type.Object({ filter: Filter, expected: Type.Integer({ minimum: 0, maximum: 10_000_000 }) }, { additionalProperties: false }) },
  }, async (req, reply) => reply.status(202).send(await startBulkApprove(db, actorOf(req), (a, k, p, r, n) => jobs.enqueue(a, k, p, r, n), req.body as { filter: QueueFilter; expected: number })));

  app.get(`${base}/review/returned`, {
    config: { action: 'survey.read' },
    schema: { tags, summary: 'What has been sent back to me to correct, with the reasons and fields' },
  }, async (req) => returnedToMe(db, actorOf(req)));

  app.get(`${base}/review/phases/:phase`, {
    config: { action: 'review.read' },
    schema: { tags, summary: 'A region\'s acceptance of a phase, its figures and what holds it back', params: Type.Object({ phase: PhaseT }), querystring: Type.Object({ region: Type.Optional(Region) }) },
  }, async (req) => phaseStatus(db, actorOf(req), (req.params as { phase: Phase }).phase, (req.query as { region?: string }).region));

  app.post(`${base}/review/phases/:phase/accept`, {
    config: { action: 'review.accept' },
    schema: { tags, summary: 'Sign the acceptance of a phase for my region', params: Type.Object({ phase: PhaseT }), body: Type.Object({ regionCode: Region, signedBy: Type.String({ minLength: 1, maxLength: 100 }), statement: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }) },
  }, async (req, reply) => reply.status(201).send(await acceptPhase(db, actorOf(req), (req.params as { phase: Phase }).phase, req.body as { regionCode: string; signedBy: string; statement?: string })));

  app.post(`${base}/review/phases/:phase/revoke`, {
    config: { action: 'review.accept' },
    schema: { tags, summary: 'Revoke a region\'s acceptance (a level above)', params: Type.Object({ phase: PhaseT }), body: Type.Object({ regionCode: Region, reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }) },
  }, async (req) => revokePhase(db, actorOf(req), (req.params as { phase: Phase }).phase, req.body as { regionCode: string; reason: string }));

  const Settings = Type.Object({
    errorRateMax: Type.Number({ minimum: 0, maximum: 1 }), omissionRateMax: Type.Number({ minimum: 0, maximum: 1 }),
    inventoryAdded: Type.Integer({ minimum: 0, maximum: 1000 }), inventoryDeleted: Type.Integer({ minimum: 0, maximum: 1000 }), surveyShare: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  }, { additionalProperties: false });
  app.get(`${base}/review/qc/settings`, { config: { action: 'review.read' }, schema: { tags, summary: 'Thresholds and sample sizes of quality control' } }, async () => getSettings(db));
  app.put(`${base}/review/qc/settings`, { config: { action: 'review.config' }, schema: { tags, summary: 'Set the thresholds and sample sizes (national office)', body: Settings } }, async (req) => putSettings(db, actorOf(req), req.body as QcSettings));

  app.post(`${base}/review/samples`, {
    config: { action: 'review.sample' },
    schema: {
      tags, summary: 'Draw a random re-check sample of a county',
      body: Type.Object({ phase: PhaseT, regionCode: Region, teamId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 ** 53 })), added: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })), deleted: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })), share: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })) }, { additionalProperties: false }),
    },
  }, async (req, reply) => reply.status(201).send(await drawSample(db, actorOf(req), req.body as DrawBody)));
  app.get(`${base}/review/samples`, {
    config: { action: 'review.read' },
    schema: { tags, summary: 'Samples drawn in scope', querystring: Type.Object({ region: Type.Optional(Region), phase: Type.Optional(PhaseT) }) },
  }, async (req) => listSamples(db, actorOf(req), req.query as { region?: string; phase?: Phase }));
  app.get(`${base}/review/samples/:id`, { config: { action: 'review.recheck', resource: 'sample' }, schema: { tags, summary: 'A sample with its items and findings', params: IdParams } },
    async (req) => getSample(db, actorOf(req), (req.params as { id: number }).id));
  // The source is named in the body: the route's one parameter is the sample, checked for scope first.
  app.put(`${base}/review/samples/:id/items`, {
    config: { action: 'review.recheck', resource: 'sample' },
    schema: {
      tags, summary: 'Record what the re-check of one sampled source found', params: IdParams,
      body: Type.Object({ sourceId: Type.Integer({ minimum: 1, maximum: 2 ** 53 }), verdict: Type.Union([Type.Literal('right'), Type.Literal('wrong')]), fieldsChecked: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })), fieldsWrong: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })), missed: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
    },
  }, async (req) => {
    const { sourceId, ...finding } = req.body as ItemBody & { sourceId: number };
    return recordFinding(db, actorOf(req), (req.params as { id: number }).id, sourceId, finding);
  });
  app.get(`${base}/review/qc/rates`, {
    config: { action: 'review.read' },
    schema: { tags, summary: 'Error and omission rates per county and source category', querystring: Type.Object({ region: Type.Optional(Region), phase: Type.Optional(PhaseT) }) },
  }, async (req) => rates(db, actorOf(req), { region: (req.query as { region?: string }).region, phase: (req.query as { phase?: Phase }).phase ?? 'survey' }));
  app.get(`${base}/review/rules`, {
    config: { action: 'review.read' },
    schema: { tags, summary: 'How often each audit rule fires, per region, with peer-ratio outliers', querystring: Type.Object({ region: Type.Optional(Region) }) },
  }, async (req) => ruleCatalogue(db, actorOf(req), (req.query as { region?: string }).region));
}
