// HTTP edge of the directory: sources, the merge queue, merges, matching, exports.
import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import { AppError } from '../../../core/errors.ts';
import { actorOf } from '../../../server/auth.ts';
import { IdParams, PageQuery } from '../../../server/schemas.ts';
import { scopePrefixOf } from '../../access/index.ts';
import { MATCH_JOB } from '../matching/match-job.ts';
import { decideCandidate, listQueue, mergeCandidate, undoMerge } from '../merge/merge.ts';
import { splitSource, type SplitBody } from '../merge/split.ts';
import { editSource } from './edit.ts';
import type { SourceEditBody } from './edit-rules.ts';
import { linksCsv, sourcesCsv, sourcesXlsx } from './export.ts';
import { CATEGORIES, DELETE_REASONS, getSource, listSignOffs, listSources, setSourceState, signOffSupplement, supplementSource, type SupplementBody } from './sources.ts';
import { getSource as getSourceRow } from './sources.sql.ts';

const Str = (max: number) => Type.String({ minLength: 1, maxLength: max });
const SourceQuery = Type.Composite([
  PageQuery,
  Type.Object({
    region: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
    category: Type.Optional(Type.Union(CATEGORIES.map((c) => Type.Literal(c)))),
    industry: Type.Optional(Type.String({ pattern: '^[A-T0-9][0-9]{0,3}$' })),
    department: Type.Optional(Type.String({ maxLength: 10 })),
    hasCreditCode: Type.Optional(Type.Boolean()),
    state: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('deleted'), Type.Literal('merged')])),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    fuzzy: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true')], { description: 'similar names instead of the fragment: the best `limit`, no next page' })),
  }),
]);
const Nullable = <T extends TSchema>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
const SourceEdit = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Str(200)),
  formerNames: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 })),
  address: Nullable(Type.String({ maxLength: 300 })),
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
  industryCode: Nullable(Type.String({ maxLength: 10 })),
  category: Type.Optional(Type.Union(CATEGORIES.map((c) => Type.Literal(c)))),
  // Bounds are the rules' (China's box, with a coded error), not the schema's.
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  legalRep: Nullable(Type.String({ maxLength: 60 })),
  phone: Nullable(Type.String({ maxLength: 40 })),
  permitNo: Nullable(Type.String({ maxLength: 40 })),
  radioactive: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export async function directoryRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const tags = ['directory'];

  app.get('/api/v1/sources', { config: { action: 'directory.read' }, schema: { tags, summary: 'Browse the directory (keyset paging)', querystring: SourceQuery } }, async (req) => {
    const { cursor, limit, fuzzy, ...f } = req.query as Record<string, never> & { cursor?: string; limit?: number; fuzzy?: string };
    return listSources(db, actorOf(req), { ...(f as object), fuzzy: !!fuzzy, after: cursor ? Number(cursor) : undefined, limit: limit ?? 50 });
  });

  app.get('/api/v1/sources/export.csv', { config: { action: 'directory.read' }, schema: { tags, summary: 'The directory as CSV (streamed)', querystring: Type.Object({ region: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })) }) } }, async (req, reply) => {
    const region = (req.query as { region?: string }).region;
    reply.header('content-disposition', 'attachment; filename="directory.csv"').type('text/csv; charset=utf-8');
    return reply.send(sourcesCsv(db, actorOf(req).scopePrefix, region ? scopePrefixOf(region) : undefined));
  });

  app.get('/api/v1/sources/export.xlsx', { config: { action: 'directory.read' }, schema: { tags, summary: 'The directory as XLSX (streamed)', querystring: Type.Object({ region: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })) }) } }, async (req, reply) => {
    const region = (req.query as { region?: string }).region;
    reply.header('content-disposition', 'attachment; filename="directory.xlsx"').type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(sourcesXlsx(db, actorOf(req).scopePrefix, region ? scopePrefixOf(region) : undefined));
  });

  app.get('/api/v1/sources/:id', { config: { action: 'directory.read', resource: 'source' }, schema: { tags, summary: 'One source, its provenance and merges', params: IdParams } }, async (req) =>
    getSource(db, actorOf(req), (req.params as { id: number }).id));

  app.post('/api/v1/sources', {
    config: { action: 'directory.write' },
    schema: {
      tags, summary: 'Supplement (增补) a source by hand',
      body: Type.Object({
        regionCode: Type.String({ pattern: '^[0-9]{6,12}$' }), name: Str(200), creditCode: Type.Optional(Type.String({ maxLength: 40 })),
        address: Type.Optional(Type.String({ maxLength: 300 })), legalRep: Type.Optional(Type.String({ maxLength: 60 })),
        phone: Type.Optional(Type.String({ maxLength: 40 })), industryCode: Type.Optional(Type.String({ pattern: '^[A-T0-9][0-9]{0,3}$' })),
        category: Type.Optional(Type.Union(CATEGORIES.map((c) => Type.Literal(c)))),
      }, { additionalProperties: false }),
    },
  }, async (req, reply) => reply.status(201).send(await supplementSource(db, actorOf(req), req.body as SupplementBody)));

  app.patch('/api/v1/sources/:id', {
    config: { action: 'directory.write', resource: 'source' },
    schema: { tags, summary: 'Edit (修改) a source\'s details; each changed field\'s origin becomes manual', params: IdParams, body: SourceEdit },
  }, async (req) => editSource(db, actorOf(req), (req.params as { id: number }).id, req.body as SourceEditBody));

  app.post('/api/v1/sources/:id/delete', {
    config: { action: 'directory.write', resource: 'source' },
    schema: { tags, summary: 'Delete (删除) a source with a reason', params: IdParams, body: Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Type.Union(DELETE_REASONS.map((r) => Type.Literal(r))) }, { additionalProperties: false }) },
  }, async (req) => {
    const b = req.body as { version: number; reason: string };
    return setSourceState(db, actorOf(req), (req.params as { id: number }).id, b.version, 'deleted', b.reason);
  });

  app.post('/api/v1/sources/:id/restore', {
    config: { action: 'directory.write', resource: 'source' },
    schema: { tags, summary: 'Undo a deletion', params: IdParams, body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }) },
  }, async (req) => setSourceState(db, actorOf(req), (req.params as { id: number }).id, (req.body as { version: number }).version, 'active', null));

  app.post('/api/v1/sources/:id/split', {
    config: { action: 'directory.review', resource: 'source' },
    schema: {
      tags, summary: 'Split (拆分) some register rows off a source into a new source (undo it like a merge)', params: IdParams,
      body: Type.Object({
        version: Type.Integer({ minimum: 1 }),
        rows: Type.Array(Type.Object({ registerId: Type.Integer({ minimum: 1 }), rowNumber: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }),
      }, { additionalProperties: false }),
    },
  }, async (req) => splitSource(db, actorOf(req), (req.params as { id: number }).id, req.body as SplitBody));

  app.get('/api/v1/directory/candidates', {
    config: { action: 'directory.read' },
    schema: { tags, summary: 'The merge queue', querystring: Type.Composite([PageQuery, Type.Object({ status: Type.Optional(Type.Union(['pending', 'later', 'apart', 'merged'].map((s) => Type.Literal(s)))) })]) },
  }, async (req) => {
    const a = actorOf(req);
    const qs = req.query as { status?: string; cursor?: string; limit?: number };
    const { page, nextCursor } = await listQueue(db, a, qs.status ?? 'pending', qs.cursor ? Number(qs.cursor) : undefined, qs.limit ?? 20);
    const items = [];
    for (const c of page) {
      const [x, y] = await Promise.all([getSourceRow(db, c.source_a, ''), getSourceRow(db, c.source_b, '')]);
      items.push({ id: c.id, score: c.score, reasons: c.reasons, status: c.status, regionCode: c.region_code, version: c.version, sources: [x, y].map((s) => s && (({ id: s.id, name: s.name, creditCode: s.credit_code, address: s.address, legalRep: s.legal_rep, phone: s.phone, industryCode: s.industry_code, regionCode: s.region_code, regionName: s.region_name, departments: s.departments }))) });
    }
    return { items, nextCursor };
  });

  const decision = (status: 'apart' | 'later' | 'pending') => async (req: import('fastify').FastifyRequest) =>
    decideCandidate(db, actorOf(req), (req.params as { id: number }).id, status);
  app.post('/api/v1/directory/candidates/:id/merge', {
    config: { action: 'directory.review', resource: 'candidate' },
    schema: { tags, summary: 'Merge a queued pair', params: IdParams, body: Type.Object({ keep: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }) },
  }, async (req) => mergeCandidate(db, actorOf(req), (req.params as { id: number }).id, (req.body as { keep?: number } | undefined)?.keep));
  app.post('/api/v1/directory/candidates/:id/apart', { config: { action: 'directory.review', resource: 'candidate' }, schema: { tags, summary: 'Keep a queued pair apart', params: IdParams } }, decision('apart'));
  app.post('/api/v1/directory/candidates/:id/later', { config: { action: 'directory.review', resource: 'candidate' }, schema: { tags, summary: 'Decide a queued pair later', params: IdParams } }, decision('later'));
  app.post('/api/v1/directory/candidates/:id/reopen', { config: { action: 'directory.review', resource: 'candidate' }, schema: { tags, summary: 'Put a pair kept apart (or set aside) back in the queue', params: IdParams } }, decision('pending'));

  app.post('/api/v1/directory/merges/:id/undo', { config: { action: 'directory.review', resource: 'merge' }, schema: { tags, summary: 'Undo a merge or a split', params: IdParams } }, async (req) =>
    undoMerge(db, actorOf(req), (req.params as { id: number }).id));

  app.post('/api/v1/directory/match', {
    config: { action: 'directory.write' },
    schema: { tags, summary: 'Match the imported register rows of a region into sources (a job)', body: Type.Object({ regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })) }, { additionalProperties: false }) },
  }, async (req, reply) => {
    const a = actorOf(req);
    const regionCode = (req.body as { regionCode?: string } | undefined)?.regionCode ?? a.regionCode;
    if (!regionCode.startsWith(a.scopePrefix)) throw new AppError('USER_SCOPE_OUTSIDE', { code: regionCode });
    const job = await app.ctx.jobs.enqueue(a, MATCH_JOB, { regionCode, actor: { id: a.id, username: a.username } }, regionCode);
    return reply.status(202).send({ job });
  });

  app.get('/api/v1/directory/links.csv', { config: { action: 'directory.read' }, schema: { tags, summary: 'register_id,register_file,row_number,source_id for every imported row' } }, async (req, reply) => {
    reply.header('content-disposition', 'attachment; filename="links.csv"').type('text/csv; charset=utf-8');
    return reply.send(linksCsv(db, actorOf(req).scopePrefix));
  });

  app.get('/api/v1/directory/signoffs', { config: { action: 'directory.read' }, schema: { tags, summary: 'Supplement sign-offs of the scope' } }, async (req) => listSignOffs(db, actorOf(req)));
  app.post('/api/v1/directory/signoffs', {
    config: { action: 'directory.write' },
    schema: { tags, summary: 'Sign off "directory supplement complete" for the caller\'s region', body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }) },
  }, async (req, reply) => reply.status(201).send(await signOffSupplement(db, actorOf(req), (req.body as { note?: string } | undefined)?.note ?? null)));
}
