// HTTP edge of supervision (docs/supervision-api.md): calendar, readiness, progress, dispatches,
// briefings, cases and the map's boundaries. Channels have their own routes (channels/).
import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import { getCalendar, putCalendar, type CalendarBody } from './calendar.ts';
import { readinessHistory, readinessList, reportReadiness, type ReadinessBody } from './readiness.ts';
import { progressFor, today, trend } from './progress.ts';
import { dispatchWorkbook, editDispatch, generateDispatch, getDispatch, listDispatches, publishDispatch, regenerateDispatch, type DispatchKind } from './dispatches.ts';
import { createBriefing, editBriefing, getBriefing, listBriefings, publishBriefing, type Block } from './briefings.ts';
import { answerCase, closeCase, escalateCase, getCase, listCases, openCase, reopenCase, suggestions, type OpenBody } from './cases/cases.ts';
import { letterHtml } from './cases/letter.ts';
import { geoOf } from './geo.ts';
import { CASE_TYPES } from './rules/cases.ts';
import { PHASES } from './rules/calendar.ts';
import type { CaseStatus, CaseType } from '../../core/db/schema.ts';

const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Region = Type.String({ pattern: '^[0-9]{6,12}$' });
const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
const Version = Type.Integer({ minimum: 1 });
const body = (props: Record<string, TSchema>) => Type.Object(props, { additionalProperties: false });
const Deadlines = body({ province: Type.Optional(Day), prefecture: Type.Optional(Day), county: Type.Optional(Day), township: Type.Optional(Day) });
const METRIC = Type.String({ pattern: '^[a-zA-Z.]{1,40}$' });
const BlockT = Type.Union([
  body({ kind: Type.Literal('text'), text: Type.String({ maxLength: 20_000 }) }),
  body({ kind: Type.Literal('table'), metrics: Type.Array(METRIC, { minItems: 1, maxItems: 12 }), region: Type.Optional(Region) }),
  body({ kind: Type.Literal('chart'), metric: METRIC, region: Type.Optional(Region) }),
]);
const Text = (max: number) => Type.String({ maxLength: max });
const FileIds = Type.Array(Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}$' }), { maxItems: 20 });

export async function supervisionRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const tags = ['supervision'];
  const base = '/api/v1/supervision';
  const id = (req: { params: unknown }) => (req.params as { id: number }).id;

  app.get(`${base}/calendar`, { config: { action: 'supervision.read' }, schema: { tags, summary: 'The census calendar: phases, deadlines by level, pilot counties' } }, async () => getCalendar(db));
  app.put(`${base}/calendar`, {
    config: { action: 'supervision.config' },
    schema: { tags, summary: 'Set the phases\' national dates, weights and deadlines by level', body: body({ phases: Type.Array(body({ phase: lit(PHASES), startsOn: Day, endsOn: Day, weight: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })), deadlines: Type.Optional(Deadlines) }), { minItems: 1, maxItems: 10 }) }) },
  }, async (req) => putCalendar(db, actorOf(req), req.body as CalendarBody));

  app.get(`${base}/readiness`, {
    config: { action: 'supervision.read' },
    schema: { tags, summary: 'The children\'s readiness and guarantees standing on a day, with their gaps', querystring: Type.Object({ region: Type.Optional(Region), asOf: Type.Optional(Day) }) },
  }, async (req) => readinessList(db, actorOf(req), req.query as { region?: string; asOf?: string }));
  app.get(`${base}/readiness/:code`, {
    config: { action: 'supervision.read', resource: 'region' },
    schema: { tags, summary: 'A region\'s readiness reports, newest first', params: Type.Object({ code: Region }) },
  }, async (req) => readinessHistory(db, actorOf(req), (req.params as { code: string }).code));
  const Meeting = body({ level: lit(['province', 'prefecture', 'county']), heldOn: Day, document: Type.Optional(Type.Union([Text(200), Type.Null()])) });
  const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
  const Yuan = Type.Number({ minimum: 0, maximum: 1e13 });
  const DayOrNull = Type.Optional(Type.Union([Day, Type.Null()]));
  app.put(`${base}/readiness/:code`, {
    config: { action: 'supervision.report', resource: 'region' },
    schema: {
      tags, summary: 'Report the own region\'s organisation and guarantees (a new report; fields not sent keep their last values)', params: Type.Object({ code: Region }),
      body: body({
        reportedOn: Type.Optional(Day), leadingGroupOn: DayOrNull, officeOn: DayOrNull, planOn: DayOrNull, planDocument: Type.Optional(Type.Union([Text(200), Type.Null()])),
        meetings: Type.Optional(Type.Array(Meeting, { maxItems: 20 })), inAssessment: Type.Optional(Type.Boolean()), staffNeeded: Type.Optional(Count), staffOwn: Type.Optional(Count),
        staffSeconded: Type.Optional(Count), officeSpace: Type.Optional(Type.Boolean()), networkConnected: Type.Optional(Type.Boolean()), fundsBudgeted: Type.Optional(Yuan),
        fundsArrived: Type.Optional(Yuan), agencyContracted: Type.Optional(Type.Boolean()), note: Type.Optional(Text(2000)),
      }),
    },
  }, async (req) => reportReadiness(db, actorOf(req), (req.params as { code: string }).code, req.body as ReadinessBody));

  app.get(`${base}/progress`, {
    config: { action: 'supervision.read' },
    schema: { tags, summary: 'The children of a region on a day: metrics, expected progress, lag score, ranking and its change over 14 days', querystring: Type.Object({ region: Type.Optional(Region), asOf: Type.Optional(Day) }) },
  }, async (req) => progressFor(db, actorOf(req), req.query as { region?: string; asOf?: string }));
  app.get(`${base}/trend`, {
    config: { action: 'supervision.read' },
    schema: { tags, summary: 'One metric of a region every 14 days', querystring: Type.Object({ region: Type.Optional(Region), metric: METRIC, to: Type.Optional(Day), points: Type.Optional(Type.Integer({ minimum: 2, maximum: 26 })) }) },
  }, async (req) => trend(db, actorOf(req), req.query as { region?: string; metric: string; to?: string; points?: number }));

  app.post(`${base}/dispatches`, {
    config: { action: 'supervision.dispatch' },
    schema: { tags, summary: 'Generate a dispatch (draft) for a day from the data as of that day', body: body({ kind: lit(['biweekly', 'monthly']), asOf: Day, region: Type.Optional(Region) }) },
  }, async (req, reply) => reply.status(201).send(await generateDispatch(db, actorOf(req), req.body as { kind: DispatchKind; asOf: string; region?: string })));
  app.get(`${base}/dispatches`, {
    config: { action: 'supervision.read' },
    schema: { tags, summary: 'Dispatches of the scope, newest first', querystring: Type.Object({ kind: Type.Optional(lit(['biweekly', 'monthly'])), region: Type.Optional(Region), status: Type.Optional(lit(['draft', 'published'])), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }) },
  }, async (req) => listDispatches(db, actorOf(req), req.query as { kind?: DispatchKind }));
  app.get(`${base}/dispatches/:id`, { config: { action: 'supervision.read', resource: 'dispatch' }, schema: { tags, summary: 'A dispatch with its figures', params: Id } }, async (req) => getDispatch(db, actorOf(req), id(req)));
  app.patch(`${base}/dispatches/:id`, {
    config: { action: 'supervision.dispatch', resource: 'dispatch' },
    schema: { tags, summary: 'Edit a draft dispatch\'s title and remarks', params: Id, body: body({ title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), remarks: Type.Optional(Text(20_000)), version: Version }) },
  }, async (req) => editDispatch(db, actorOf(req), id(req), req.body as { version: number }));
  app.post(`${base}/dispatches/:id/regenerate`, {
    config: { action: 'supervision.dispatch', resource: 'dispatch' }, schema: { tags, summary: 'Compute a draft\'s figures again', params: Id, body: body({ version: Version }) },
  }, async (req) => regenerateDispatch(db, actorOf(req), id(req), req.body as { version: number }));
  app.post(`${base}/dispatches/:id/publish`, {
    config: { action: 'supervision.dispatch', resource: 'dispatch' }, schema: { tags, summary: 'Publish: numbered, posted into the channel', params: Id, body: body({ version: Version }) },
  }, async (req) => publishDispatch(db, actorOf(req), id(req), req.body as { version: number }));
  app.get(`${base}/dispatches/:id/xlsx`, { config: { action: 'supervision.read', resource: 'dispatch' }, schema: { tags, summary: 'The dispatch\'s table as XLSX', params: Id } }, async (req, reply) => {
    const w = await dispatchWorkbook(db, actorOf(req), id(req));
    reply.header('content-disposition', `attachment; filename="${w.name}"`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(w.bytes);
  });

  app.post(`${base}/briefings`, {
    config: { action: 'supervision.dispatch' },
    schema: { tags, summary: 'Write a briefing with live data blocks', body: body({ title: Type.String({ minLength: 1, maxLength: 200 }), asOf: Day, blocks: Type.Array(BlockT, { maxItems: 50 }), region: Type.Optional(Region) }) },
  }, async (req, reply) => reply.status(201).send(await createBriefing(db, actorOf(req), req.body as { title: string; asOf: string; blocks: Block[] })));
  app.get(`${base}/briefings`, { config: { action: 'supervision.read' }, schema: { tags, summary: 'Briefings of the scope' } }, async (req) => listBriefings(db, actorOf(req)));
  app.get(`${base}/briefings/:id`, { config: { action: 'supervision.read', resource: 'briefing' }, schema: { tags, summary: 'A briefing with its blocks\' figures as of its day', params: Id } }, async (req) => getBriefing(db, actorOf(req), id(req)));
  app.patch(`${base}/briefings/:id`, {
    config: { action: 'supervision.dispatch', resource: 'briefing' },
    schema: { tags, summary: 'Edit a draft briefing', params: Id, body: body({ title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), asOf: Type.Optional(Day), blocks: Type.Optional(Type.Array(BlockT, { maxItems: 50 })), version: Version }) },
  }, async (req) => editBriefing(db, actorOf(req), id(req), req.body as { version: number }));
  app.post(`${base}/briefings/:id/publish`, {
    config: { action: 'supervision.dispatch', resource: 'briefing' }, schema: { tags, summary: 'Publish a briefing', params: Id, body: body({ version: Version }) },
  }, async (req) => publishBriefing(db, actorOf(req), id(req), req.body as { version: number }));

  app.get(`${base}/cases`, {
    config: { action: 'supervision.read' },
    schema: { tags, summary: 'Supervision cases issued or received in the scope', querystring: Type.Object({ direction: Type.Optional(lit(['issued', 'received', 'all'])), status: Type.Optional(lit(['open', 'answered', 'closed', 'escalated'])), type: Type.Optional(lit(CASE_TYPES)), region: Type.Optional(Region), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }) },
  }, async (req) => listCases(db, actorOf(req), req.query as { direction: 'all'; status?: CaseStatus; type?: CaseType }));
  app.post(`${base}/cases`, {
    config: { action: 'supervision.case' },
    schema: { tags, summary: 'Open a case for a region below the own', body: body({ type: lit(CASE_TYPES), targetRegion: Region, title: Type.Optional(Type.String({ maxLength: 200 })), reasons: Type.String({ minLength: 1, maxLength: 5000 }), measures: Type.Optional(Text(5000)), dueOn: Type.Optional(Day), dispatchId: Type.Optional(Type.Integer({ minimum: 1 })), lagScore: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })) }) },
  }, async (req, reply) => reply.status(201).send(await openCase(db, actorOf(req), req.body as OpenBody)));
  app.get(`${base}/cases/:id`, { config: { action: 'supervision.read', resource: 'case' }, schema: { tags, summary: 'A case with its history', params: Id } }, async (req) => getCase(db, actorOf(req), id(req)));
  app.post(`${base}/cases/:id/answer`, {
    config: { action: 'supervision.case', resource: 'case' }, schema: { tags, summary: 'Answer a case addressed to the own region, with evidence', params: Id, body: body({ text: Type.String({ minLength: 1, maxLength: 5000 }), files: Type.Optional(FileIds), version: Version }) },
  }, async (req) => answerCase(db, actorOf(req), id(req), req.body as { text: string; version: number }));
  app.post(`${base}/cases/:id/close`, {
    config: { action: 'supervision.case', resource: 'case' }, schema: { tags, summary: 'Close a case (its issuer or above)', params: Id, body: body({ text: Type.Optional(Text(5000)), version: Version }) },
  }, async (req) => closeCase(db, actorOf(req), id(req), req.body as { version: number }));
  app.post(`${base}/cases/:id/reopen`, {
    config: { action: 'supervision.case', resource: 'case' }, schema: { tags, summary: 'Send an answered case back as not enough', params: Id, body: body({ text: Type.String({ minLength: 1, maxLength: 5000 }), version: Version }) },
  }, async (req) => reopenCase(db, actorOf(req), id(req), req.body as { text: string; version: number }));
  app.post(`${base}/cases/:id/escalate`, {
    config: { action: 'supervision.case', resource: 'case' }, schema: { tags, summary: 'Escalate a case one rung (or to a named higher type)', params: Id, body: body({ type: Type.Optional(lit(CASE_TYPES)), reasons: Type.String({ minLength: 1, maxLength: 5000 }), dueOn: Day, version: Version }) },
  }, async (req) => escalateCase(db, actorOf(req), id(req), req.body as { reasons: string; dueOn: string; version: number }));
  app.get(`${base}/cases/:id/letter`, { config: { action: 'supervision.read', resource: 'case' }, schema: { tags, summary: 'The printable letter of a case (HTML)', params: Id } }, async (req, reply) => {
    const c = await getCase(db, actorOf(req), id(req));
    return reply.type('text/html; charset=utf-8').send(letterHtml(c, new Date(c.createdAt).toISOString().slice(0, 10) || today()));
  });
  app.get(`${base}/suggestions`, {
    config: { action: 'supervision.read' }, schema: { tags, summary: 'Laggards without an open case, and the type to open', querystring: Type.Object({ asOf: Type.Optional(Day) }) },
  }, async (req) => suggestions(db, actorOf(req), req.query as { asOf?: string }));

  app.get('/api/v1/geo/:code', {
    config: { action: 'regions.read', resource: 'region' }, schema: { tags, summary: 'Boundaries of a region\'s children for the ECharts map (nation and provinces)', params: Type.Object({ code: Region }) },
  }, async (req, reply) => reply.header('cache-control', 'private, max-age=3600').send(await geoOf(db, actorOf(req), (req.params as { code: string }).code)));
}
