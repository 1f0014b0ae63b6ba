// HTTP edge of the survey (docs/survey-api.md): the catalogue and form definitions, which forms
// a source fills, submissions saved one by one or in bulk, their revisions and diffs, and a
// form's XLSX template to fill offline and upload back, and the files answers reference.
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import { IdParams, PageQuery } from '../../server/schemas.ts';
import { getForm, listForms } from './submissions/forms.ts';
import * as sub from './submissions/submissions.ts';
import { attachmentFile, uploadAttachment } from './submissions/attachments.ts';
import { selfFillRoutes } from './self/routes.ts';
import { receiveUpload, uploadsDir } from '../directory/index.ts';
import { IMPORT_LIMIT, formTemplate, importWorkbook } from './xlsx/xlsx.ts';
import { planExport, submissionsCsv, submissionsXlsx, type ExportQuery } from './export/export.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });
const FormCode = Type.String({ pattern: '^[A-Z][0-9]{3}(-[0-9]{1,2})?$' });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('approved'), Type.Literal('locked')]);
// answers and explanations are read by the engine, whose issues point at the exact path.
const saveFields = {
  sourceId: Type.Integer({ minimum: 1, maximum: 2 ** 53 }),
  form: FormCode,
  version: Type.Integer({ minimum: 1, maximum: 10_000 }),
  answers: Type.Unknown(),
  explanations: Type.Optional(Type.Unknown()),
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]),
  baseRev: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
};
const SaveBody = Type.Object(saveFields, { additionalProperties: false });
const BulkBody = Type.Object({ items: Type.Array(Type.Object({ id: Uuid, ...saveFields }, { additionalProperties: false }), { maxItems: 500 }) }, { additionalProperties: false });
const IdParam = Type.Object({ id: Uuid });

export async function surveyRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const tags = ['survey'];
  const base = '/api/v1';

  app.get(`${base}/forms`, { config: { action: 'survey.read' }, schema: { tags, summary: 'The catalogue of survey forms' } }, async () => listForms());
  // Forms are national: the "resource" is a form code, the same for every region.
  app.get(`${base}/forms/:code`, {
    config: { action: 'survey.read', resource: 'form' },
    schema: { tags, summary: 'A form definition (latest version unless one is given)', params: Type.Object({ code: Type.String({ maxLength: 20 }) }), querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }) },
  }, async (req) => getForm((req.params as { code: string }).code, (req.query as { version?: number }).version));

  app.get(`${base}/forms/:code/template.xlsx`, {
    config: { action: 'survey.read', resource: 'form' },
    schema: {
      tags, summary: 'The form as an XLSX template to fill offline: blank, or with a source\'s stored answers',
      params: Type.Object({ code: Type.String({ maxLength: 20 }) }),
      querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })), sourceId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 ** 53 })) }),
    },
  }, async (req, reply) => {
    const qs = req.query as { version?: number; sourceId?: number };
    const t = await formTemplate(db, actorOf(req), (req.params as { code: string }).code, qs.version, qs.sourceId);
    return reply.type(XLSX_TYPE).header('Content-Disposition', `attachment; filename="${t.fileName}"`).send(t.body);
  });

  app.get(`${base}/sources/:id/survey`, {
    config: { action: 'survey.read', resource: 'source' },
    schema: { tags, summary: 'Which forms a source fills, and what it has sent', params: IdParams },
  }, async (req) => sub.sourceSurvey(db, actorOf(req), (req.params as { id: number }).id));

  app.get(`${base}/submissions`, {
    config: { action: 'survey.read' },
    schema: {
      tags, summary: 'Submissions in scope (keyset paging)',
      querystring: Type.Composite([PageQuery, Type.Object({ sourceId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 ** 53 })), form: Type.Optional(FormCode), status: Type.Optional(Status) })]),
    },
  }, async (req) => sub.listSubmissions(db, actorOf(req), req.query as Parameters<typeof sub.listSubmissions>[2]));

  // 填报数据导出 (issue 11): streamed; the form's fields as columns when a form is named.
  const ExportQs = Type.Object({ form: Type.Optional(FormCode), region: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })), status: Type.Optional(Status) });
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`${base}/submissions/export.${format}`, {
      config: { action: 'survey.read' },
      schema: { tags, summary: `Submissions in scope as ${format.toUpperCase()} (streamed; one column per field of \`form\` when given, else the answers as JSON)`, querystring: ExportQs },
    }, async (req, reply) => {
      const actor = actorOf(req);
      const plan = planExport(actor, req.query as ExportQuery);
      reply.header('content-disposition', `attachment; filename="${plan.fileName}.${format}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(submissionsCsv(db, actor, plan));
      return reply.type(XLSX_TYPE).send(submissionsXlsx(db, actor, plan));
    });
  }

  app.put(`${base}/submissions/:id`, {
    config: { action: 'survey.fill', resource: 'submission' },
    schema: { tags, summary: 'Save a draft or submit one form of a source (id made by the client; idempotent)', params: IdParam, body: SaveBody },
  }, async (req, reply) => {
    const { created, result } = await sub.saveSubmission(db, actorOf(req), (req.params as { id: string }).id.toLowerCase(), req.body as sub.SaveBody);
    return reply.status(created ? 201 : 200).send(result);
  });

  app.post(`${base}/submissions/import`, {
    config: { action: 'survey.fill' },
    schema: {
      tags, summary: 'Save one form from its filled XLSX template (multipart: file, sourceId, status, id?, baseRev?), as PUT /submissions/:id would',
      consumes: ['multipart/form-data'],
    },
  }, async (req, reply) => {
    const upload = await receiveUpload(req, uploadsDir(config.dataDir), { maxBytes: IMPORT_LIMIT, keep: false });
    const { created, result } = await importWorkbook(db, actorOf(req), upload);
    return reply.status(created ? 201 : 200).send(result);
  });

  app.get(`${base}/submissions/:id`, {
    config: { action: 'survey.read', resource: 'submission' },
    schema: { tags, summary: 'A submission with its answers, verdict and revisions', params: IdParam },
  }, async (req) => sub.getSubmission(db, actorOf(req), (req.params as { id: string }).id.toLowerCase()));

  // :rev is checked after the submission's scope, so a row out of scope answers 404 whatever the rev.
  app.get(`${base}/submissions/:id/revisions/:rev`, {
    config: { action: 'survey.read', resource: 'submission' },
    schema: { tags, summary: 'One revision and what changed from the one before', params: Type.Object({ id: Uuid, rev: Type.String({ maxLength: 12 }) }) },
  }, async (req) => {
    const p = req.params as { id: string; rev: string };
    return sub.getRevision(db, actorOf(req), p.id.toLowerCase(), p.rev);
  });

  app.post(`${base}/submissions/bulk`, {
    config: { action: 'survey.fill' },
    schema: { tags, summary: 'Save up to 500 submissions, each in its own transaction, with a result per item', body: BulkBody },
  }, async (req) => sub.saveBulk(db, actorOf(req), (req.body as { items: sub.BulkItem[] }).items.map((i) => ({ ...i, id: i.id.toLowerCase() }))));

  // 附件: the files `file` answers reference, uploaded before the submission that names them.
  app.post(`${base}/attachments`, {
    config: { action: 'survey.fill' },
    schema: { tags, summary: 'Upload a file a form answer will reference (multipart: id made by the client, sourceId, name?, file; JPEG, PNG or PDF ≤ 20 MB; idempotent)', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const r = await uploadAttachment(db, actorOf(req), req, config.dataDir);
    return reply.status(r.created ? 201 : 200).send(r.attachment);
  });

  app.get(`${base}/attachments/:id`, {
    config: { action: 'survey.read', resource: 'attachment' },
    schema: { tags, summary: 'The bytes of an attachment', params: Type.Object({ id: Type.String({ maxLength: 128 }) }) },
  }, async (req, reply) => {
    const a = await attachmentFile(db, actorOf(req), (req.params as { id: string }).id, config.dataDir);
    // Shown inline, but never sniffed into something the browser would run.
    const ascii = a.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    reply.type(a.mime).header('content-length', a.bytes).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    return reply.send(fs.createReadStream(a.file));
  });

  await selfFillRoutes(app); // 企业自填: invitation codes and the legal representative's confirmation
}
