// HTTP edge of the inventory (docs/inventory-api.md): configuration, zones and
// packages, the field app's download, sync and photos, review, progress.
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import { IdParams, PageQuery } from '../../server/schemas.ts';
import { getDepartments, getStates, listPilots, putDepartments, putPhaseDates, putStates } from './config.ts';
import * as plan from './plan/plan.ts';
import { ZONE_ASSIGN_JOB } from './plan/zone-assign-job.ts';
import { photoFile, photosOf, uploadPhoto } from './records/photos.ts';
import { progress } from './records/progress.ts';
import * as review from './records/review.ts';
import { downloadPackage, sync, type SyncItem } from './records/sync.ts';
import { DepartmentsBody, Ids, RegionCode, StateCode, StatesBody, Str, SyncBody, Uuid } from './schemas.ts';
import type { DepartmentDef, StateDef } from './rules/states.ts';
import { AppError } from '../../core/errors.ts';

const V = Type.Integer({ minimum: 1 });
const Body = <T extends Record<string, import('@sinclair/typebox').TSchema>>(p: T) => Type.Object(p, { additionalProperties: false });
const RegionQuery = Type.Object({ region: Type.Optional(RegionCode) });
type P = { id: number };

export async function inventoryRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const tags = ['inventory'];
  const base = '/api/v1/inventory';

  // configuration
  app.get(`${base}/states`, { config: { action: 'inventory.read' }, schema: { tags, summary: 'The six inventory states and their colours' } }, async () => getStates(db));
  app.put(`${base}/states`, { config: { action: 'inventory.config' }, schema: { tags, summary: 'Replace the six states', body: StatesBody } }, async (req) =>
    putStates(db, actorOf(req), (req.body as { states: StateDef[] }).states));
  app.get(`${base}/departments`, { config: { action: 'inventory.read' }, schema: { tags, summary: 'The departments of the joint review' } }, async () => getDepartments(db));
  app.put(`${base}/departments`, { config: { action: 'inventory.config' }, schema: { tags, summary: 'Replace the reviewing departments', body: DepartmentsBody } }, async (req) =>
    putDepartments(db, actorOf(req), (req.body as { departments: DepartmentDef[] }).departments));
  app.get(`${base}/pilots`, { config: { action: 'inventory.read' }, schema: { tags, summary: 'Pilot counties, their survey dates and inventory completion' } }, async (req) => listPilots(db, actorOf(req)));
  app.put(`${base}/phase-dates`, {
    config: { action: 'inventory.config' },
    schema: { tags, summary: 'Dates of a phase for the nation or a (pilot) county', body: Body({ regionCode: Type.String({ pattern: '^[0-9]{6}$' }), phase: Type.Union([Type.Literal('inventory'), Type.Literal('survey')]), startsOn: Type.String({ format: 'date' }), endsOn: Type.String({ format: 'date' }) }) },
  }, async (req) => putPhaseDates(db, actorOf(req), req.body as Parameters<typeof putPhaseDates>[2]));

  // zones and packages
  app.get(`${base}/zones`, { config: { action: 'inventory.read' }, schema: { tags, summary: 'Census zones of a region', querystring: RegionQuery } }, async (req) =>
    plan.listZones(db, actorOf(req), (req.query as { region?: string }).region));
  app.post(`${base}/zones`, {
    config: { action: 'inventory.plan' },
    schema: { tags, summary: 'Draw a census zone in a township', body: Body({ regionCode: RegionCode, name: Str(60), keywords: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200 })) }) },
  }, async (req, reply) => reply.status(201).send(await plan.createZone(db, actorOf(req), req.body as { regionCode: string; name: string; keywords?: string[] })));
  app.patch(`${base}/zones/:id`, {
    config: { action: 'inventory.plan', resource: 'zone' },
    schema: { tags, summary: 'Rename a zone or change its address keywords', params: IdParams, body: Body({ version: V, name: Type.Optional(Str(60)), keywords: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200 })) }) },
  }, async (req) => plan.updateZone(db, actorOf(req), (req.params as P).id, req.body as { version: number }));
  app.post(`${base}/zones/:id/sources`, {
    config: { action: 'inventory.plan', resource: 'zone' },
    schema: { tags, summary: 'Place sources in a zone by hand', params: IdParams, body: Body({ sourceIds: Ids }) },
  }, async (req) => plan.assignToZone(db, actorOf(req), (req.params as P).id, (req.body as { sourceIds: number[] }).sourceIds));
  app.post(`${base}/zones/assign`, {
    config: { action: 'inventory.plan' },
    schema: { tags, summary: 'Place every unzoned source of a region by its address (a job)', body: Body({ regionCode: RegionCode }) },
  }, async (req, reply) => {
    const a = actorOf(req);
    const regionCode = (req.body as { regionCode: string }).regionCode;
    if (!regionCode.startsWith(a.scopePrefix) || regionCode.length < 6) throw new AppError('USER_SCOPE_OUTSIDE', { code: regionCode });
    const job = await app.ctx.jobs.enqueue(a, ZONE_ASSIGN_JOB, { regionCode, actor: { id: a.id, username: a.username } }, regionCode);
    return reply.status(202).send({ job });
  });
  app.get(`${base}/packages`, { config: { action: 'inventory.read' }, schema: { tags, summary: 'Work packages of a region', querystring: RegionQuery } }, async (req) =>
    plan.listPackages(db, actorOf(req), (req.query as { region?: string }).region));
  app.get(`${base}/packages/mine`, { config: { action: 'inventory.field' }, schema: { tags, summary: 'Open packages of my teams' } }, async (req) => plan.myPackages(db, actorOf(req)));
  app.post(`${base}/packages`, {
    config: { action: 'inventory.plan' },
    schema: { tags, summary: 'Give a zone or a list of sources to a team', body: Body({ name: Str(80), teamId: Type.Integer({ minimum: 1 }), zoneId: Type.Optional(Type.Integer({ minimum: 1 })), sourceIds: Type.Optional(Ids) }) },
  }, async (req, reply) => reply.status(201).send(await plan.createPackage(db, actorOf(req), req.body as { name: string; teamId: number })));
  app.get(`${base}/packages/:id`, { config: { action: 'inventory.read', resource: 'package' }, schema: { tags, summary: 'A package and its assignment history', params: IdParams } }, async (req) =>
    plan.getPackage(db, actorOf(req), (req.params as P).id));
  app.post(`${base}/packages/:id/reassign`, {
    config: { action: 'inventory.plan', resource: 'package' },
    schema: { tags, summary: 'Give a package to another team (history kept)', params: IdParams, body: Body({ version: V, teamId: Type.Integer({ minimum: 1 }), reason: Str(500) }) },
  }, async (req) => plan.reassignPackage(db, actorOf(req), (req.params as P).id, req.body as { version: number; teamId: number; reason: string }));
  app.post(`${base}/packages/:id/sources`, {
    config: { action: 'inventory.plan', resource: 'package' },
    schema: { tags, summary: 'Add sources to a package or take them out', params: IdParams, body: Body({ version: V, add: Type.Optional(Ids), remove: Type.Optional(Ids) }) },
  }, async (req) => plan.changePackageSources(db, actorOf(req), (req.params as P).id, req.body as { version: number }));

  // the field app
  app.get(`${base}/packages/:id/download`, { config: { action: 'inventory.field', resource: 'package' }, schema: { tags, summary: 'Everything the device needs to work offline', params: IdParams } }, async (req) =>
    downloadPackage(db, actorOf(req), (req.params as P).id));
  app.post(`${base}/sync`, { config: { action: 'inventory.field' }, schema: { tags, summary: 'Send what was recorded offline; receive what changed', body: SyncBody } }, async (req) =>
    sync(db, actorOf(req), req.body as { packageId: number; cursor?: string; items: SyncItem[] }));
  app.post(`${base}/photos`, { config: { action: 'inventory.field' }, schema: { tags, summary: 'Upload a photo of a visit (multipart; id made on the device)' } }, async (req, reply) => {
    const r = await uploadPhoto(db, actorOf(req), req, config.dataDir);
    return reply.status(r.created ? 201 : 200).send(r.photo);
  });
  app.get(`${base}/photos/:id`, { config: { action: 'inventory.read', resource: 'photo' }, schema: { tags, summary: 'A photo', params: Type.Object({ id: Uuid }) } }, async (req, reply) => {
    const p = await photoFile(db, actorOf(req), (req.params as { id: string }).id, config.dataDir);
    reply.type(p.mime).header('cache-control', 'private, max-age=86400').header('content-length', p.bytes);
    return reply.send(fs.createReadStream(p.file));
  });

  // review
  app.get(`${base}/records`, {
    config: { action: 'inventory.read' },
    schema: {
      tags, summary: 'Inventory records with their verdicts (keyset paging)',
      querystring: Type.Composite([PageQuery, Type.Object({
        region: Type.Optional(RegionCode), zone: Type.Optional(Type.Integer({ minimum: 1 })), zoneCode: Type.Optional(Type.String({ pattern: '^[0-9]{16}$' })), state: Type.Optional(StateCode),
        status: Type.Optional(Type.Union(['new', 'submitted', 'approved', 'rejected', 'locked', 'assigned', 'done', 'deleted'].map((s) => Type.Literal(s)))),
        confirmation: Type.Optional(Type.Union(['pending', 'confirmed', 'disputed', 'settled'].map((s) => Type.Literal(s)))),
        department: Type.Optional(Type.String({ pattern: '^[a-z]{2,10}$' })), pending: Type.Optional(Type.Boolean()),
      })]),
    },
  }, async (req) => {
    const { cursor, limit, department, pending, ...f } = req.query as { cursor?: string; limit?: number; department?: string; pending?: boolean; region?: string };
    return review.listRecords(db, actorOf(req), { ...f, department, pending, submittedOnly: !!(department && pending), after: cursor ? Number(cursor) : undefined, limit: limit ?? 50 });
  });
  app.get(`${base}/records/:id`, { config: { action: 'inventory.read', resource: 'record' }, schema: { tags, summary: 'One record: form, directory data, verdicts, remarks, photos', params: IdParams } }, async (req) =>
    review.getRecord(db, actorOf(req), (req.params as P).id));
  app.get(`${base}/records/:id/photos`, { config: { action: 'inventory.read', resource: 'record' }, schema: { tags, summary: 'Photos of a record', params: IdParams } }, async (req) => {
    await review.getRecord(db, actorOf(req), (req.params as P).id);
    return photosOf(db, (req.params as P).id);
  });
  app.post(`${base}/records/:id/approve`, { config: { action: 'inventory.review', resource: 'record' }, schema: { tags, summary: 'Approve a submitted record', params: IdParams, body: Body({ version: V }) } }, async (req) =>
    review.approve(db, actorOf(req), (req.params as P).id, (req.body as { version: number }).version));
  app.post(`${base}/records/:id/reject`, { config: { action: 'inventory.review', resource: 'record' }, schema: { tags, summary: 'Send a record back to the field with a reason', params: IdParams, body: Body({ version: V, reason: Str(1000) }) } }, async (req) =>
    review.reject(db, actorOf(req), (req.params as P).id, (req.body as { version: number }).version, (req.body as { reason: string }).reason));
  app.post(`${base}/records/:id/remarks`, { config: { action: 'inventory.review', resource: 'record' }, schema: { tags, summary: 'Add a remark (reaches the device)', params: IdParams, body: Body({ text: Str(1000) }) } }, async (req) =>
    review.addRemark(db, actorOf(req), (req.params as P).id, (req.body as { text: string }).text));
  app.post(`${base}/verdicts`, {
    config: { action: 'inventory.verdict' },
    schema: { tags, summary: "My department's verdict on records", body: Body({ sourceIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 1000 }), verdict: Type.Union([Type.Literal('agree'), Type.Literal('disagree')]), reason: Type.Optional(Type.String({ maxLength: 1000 })) }) },
  }, async (req) => review.giveVerdicts(db, actorOf(req), req.body as { sourceIds: number[]; verdict: 'agree' | 'disagree'; reason?: string }));
  app.post(`${base}/records/:id/settle`, {
    config: { action: 'inventory.settle', resource: 'record' },
    schema: { tags, summary: 'Settle a disputed record', params: IdParams, body: Body({ version: V, state: StateCode, stateReason: Type.Optional(Type.String({ maxLength: 40 })), note: Str(1000) }) },
  }, async (req) => review.settle(db, actorOf(req), (req.params as P).id, req.body as { version: number; state: string; note: string }));

  app.get(`${base}/progress`, { config: { action: 'inventory.read' }, schema: { tags, summary: 'Progress per child region or zone', querystring: RegionQuery } }, async (req) =>
    progress(db, actorOf(req), (req.query as { region?: string }).region));
}
