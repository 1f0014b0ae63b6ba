// HTTP edge of the outfall survey (docs/outfalls-api.md).
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import { IdParams } from '../../server/schemas.ts';
import { receiveUpload, uploadsDir } from '../directory/index.ts';
import { imageFile, getImage, listImages, uploadImage } from './images.ts';
import { IMPORT_BYTES, importSuspects } from './import.ts';
import * as o from './outfalls.ts';
import { photoFile, uploadPhoto } from './photos.ts';
import { outfallProgress } from './progress.ts';
import { createReach, editReach, listReaches, type ReachBody } from './reaches.ts';
import { DISCHARGING, OUTFALL_STATES, OUTFALL_TYPES, TEST_PARAMETERS, WATER_TYPES } from './rules/outfall.ts';

const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const body = (props: Parameters<typeof Type.Object>[0]) => Type.Object(props, { additionalProperties: false });
const V = Type.Integer({ minimum: 1 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Region = Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$' });
const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 });
const Text = (max: number) => Type.String({ maxLength: max });
const Path = Type.Array(Type.Tuple([Lng, Lat]), { maxItems: 5000 });
const ReachFields = {
  regionCode: Region, name: Type.String({ minLength: 1, maxLength: 100 }), waterBody: Type.String({ minLength: 1, maxLength: 100 }), waterType: lit(WATER_TYPES),
  lengthKm: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 10_000 }), Type.Null()])),
  landwardM: Type.Optional(Type.Integer({ minimum: 0, maximum: 50_000 })), waterwardM: Type.Optional(Type.Integer({ minimum: 0, maximum: 50_000 })),
  path: Type.Optional(Type.Union([Path, Type.Null()])),
};
const Tests = Type.Array(body({ parameter: lit(Object.keys(TEST_PARAMETERS)), value: Type.Number() }), { maxItems: 20 });
const CheckFields = {
  version: V, verdict: lit(['confirmed', 'rejected', 'hard']), lat: Type.Optional(Lat), lng: Type.Optional(Lng),
  type: Type.Optional(lit(OUTFALL_TYPES.map((t) => t.code))), waterBody: Type.Optional(Text(100)), waterType: Type.Optional(lit(WATER_TYPES)),
  flowM3d: Type.Optional(Type.Number({ minimum: 0, maximum: 1e8 })), discharging: Type.Optional(lit(DISCHARGING)), tests: Type.Optional(Tests),
  responsibleName: Type.Optional(Text(200)), sourceId: Type.Optional(Type.Union([Id, Type.Null()])), note: Type.Optional(Text(1000)),
};

export async function outfallRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const tags = ['outfalls'];
  const base = '/api/v1/outfalls';
  const id = (req: { params: unknown }) => (req.params as { id: number }).id;

  app.get(`${base}/reaches`, { config: { action: 'outfalls.read' }, schema: { tags, summary: 'Reaches of the caller\'s scope with their counts by state', querystring: Type.Object({ region: Type.Optional(Region) }) } },
    async (req) => listReaches(db, actorOf(req), (req.query as { region?: string }).region));
  app.post(`${base}/reaches`, { config: { action: 'outfalls.plan' }, schema: { tags, summary: 'A reach and its survey corridor (2 km landward, 200 m waterward by default)', body: body(ReachFields) } },
    async (req, reply) => reply.status(201).send(await createReach(db, actorOf(req), req.body as ReachBody)));
  app.patch(`${base}/reaches/:id`, {
    config: { action: 'outfalls.plan', resource: 'outfall-reach' },
    schema: { tags, summary: 'Change a reach', params: IdParams, body: body({ version: V, ...Object.fromEntries(Object.entries(ReachFields).map(([k, s]) => [k, Type.Optional(s)])) }) },
  }, async (req) => editReach(db, actorOf(req), id(req), req.body as Partial<ReachBody> & { version: number }));

  app.post(`${base}/images`, {
    config: { action: 'outfalls.plan' },
    schema: { tags, summary: 'Upload a drone or satellite image (multipart: file JPEG/PNG/WebP ≤ 50 MB, reachId?, regionCode?, kind?); position and time from its EXIF', consumes: ['multipart/form-data'] },
  }, async (req, reply) => { const r = await uploadImage(db, actorOf(req), req, config.dataDir); return reply.status(r.created ? 201 : 200).send(r.image); });
  app.get(`${base}/images`, { config: { action: 'outfalls.read' }, schema: { tags, summary: 'Images, newest first', querystring: Type.Object({ reach: Type.Optional(Id), region: Type.Optional(Region), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }) } },
    async (req) => listImages(db, actorOf(req), req.query as { reach?: number; region?: string; limit?: number }));
  app.get(`${base}/images/:id`, { config: { action: 'outfalls.read', resource: 'outfall-image' }, schema: { tags, summary: 'An image with the outfalls marked on it', params: IdParams } },
    async (req) => getImage(db, actorOf(req), id(req)));
  app.get(`${base}/images/:id/file`, {
    config: { action: 'outfalls.read', resource: 'outfall-image' },
    schema: { tags, summary: 'The image\'s bytes: its thumbnail or the original', params: IdParams, querystring: Type.Object({ size: Type.Optional(lit(['thumb', 'full'])) }) },
  }, async (req, reply) => {
    const f = await imageFile(db, actorOf(req), id(req), (req.query as { size?: 'thumb' | 'full' }).size ?? 'thumb', config.dataDir);
    reply.type(f.mime).header('cache-control', 'private, max-age=86400');
    return reply.send(fs.createReadStream(f.file));
  });

  app.post(base, {
    config: { action: 'outfalls.plan' },
    schema: { tags, summary: 'Mark a suspect (level 1) on an image or a map', body: body({ lat: Lat, lng: Lng, regionCode: Type.Optional(Region), reachId: Type.Optional(Id), imageId: Type.Optional(Id), imageX: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })), imageY: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })), note: Type.Optional(Text(500)) }) },
  }, async (req, reply) => reply.status(201).send(await o.markSuspect(db, actorOf(req), req.body as o.MarkBody)));
  app.post(`${base}/import`, {
    config: { action: 'outfalls.plan' },
    schema: { tags, summary: 'Import suspects from a CSV or XLSX (纬度, 经度, 区划代码?, 河段?, 备注?; ≤ 20,000 rows), whole or not at all', consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const upload = await receiveUpload(req, uploadsDir(config.dataDir), { maxBytes: IMPORT_BYTES, keep: false });
    try {
      return reply.status(201).send(await importSuspects(db, actorOf(req), upload, upload.fields.reachId));
    } finally {
      fs.rmSync(upload.file.path, { force: true });
    }
  });
  app.post(`${base}/found`, {
    config: { action: 'outfalls.field' },
    schema: { tags, summary: 'An outfall found on foot, created and checked at once', body: body({ ...CheckFields, version: Type.Optional(V), lat: Lat, lng: Lng, regionCode: Region, reachId: Type.Optional(Id) }) },
  }, async (req, reply) => reply.status(201).send(await o.foundOutfall(db, actorOf(req), req.body as o.CheckBody & { lat: number; lng: number; regionCode: string; reachId?: number })));
  app.get(base, {
    config: { action: 'outfalls.read' },
    schema: { tags, summary: 'Outfalls of the caller\'s scope', querystring: Type.Object({ region: Type.Optional(Region), state: Type.Optional(lit(OUTFALL_STATES)), reach: Type.Optional(Id), type: Type.Optional(lit(OUTFALL_TYPES.map((t) => t.code))), image: Type.Optional(Id), q: Type.Optional(Text(100)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,16}$' })) }) },
  }, async (req) => o.listOutfalls(db, actorOf(req), req.query as Parameters<typeof o.listOutfalls>[2]));
  app.get(`${base}/near`, {
    config: { action: 'outfalls.read' },
    schema: { tags, summary: 'The caller\'s suspects and hard cases nearest a point (the field app\'s list)', querystring: Type.Object({ lat: Lat, lng: Lng, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }) },
  }, async (req) => { const qs = req.query as { lat: number; lng: number; limit?: number }; return o.nearOutfalls(db, actorOf(req), qs.lat, qs.lng, qs.limit); });
  app.get(`${base}/progress`, { config: { action: 'outfalls.read' }, schema: { tags, summary: 'The three levels\' progress per child region and per reach', querystring: Type.Object({ region: Type.Optional(Region) }) } },
    async (req) => outfallProgress(db, actorOf(req), (req.query as { region?: string }).region));
  app.get(`${base}/photos/:id`, {
    config: { action: 'outfalls.read', resource: 'outfall-photo' },
    schema: { tags, summary: 'A field photo', params: Type.Object({ id: Type.String({ maxLength: 36 }) }) },
  }, async (req, reply) => {
    const f = await photoFile(db, actorOf(req), (req.params as { id: string }).id, config.dataDir);
    reply.type(f.mime).header('cache-control', 'private, max-age=86400');
    return reply.send(fs.createReadStream(f.file));
  });
  app.get(`${base}/:id`, { config: { action: 'outfalls.read', resource: 'outfall' }, schema: { tags, summary: 'An outfall whole: tests, photos, image, corridor, responsible unit and its forms, history', params: IdParams } },
    async (req) => o.getOutfall(db, actorOf(req), id(req)));
  app.post(`${base}/:id/check`, { config: { action: 'outfalls.field', resource: 'outfall' }, schema: { tags, summary: 'Level 2: the field check', params: IdParams, body: body(CheckFields) } },
    async (req) => o.checkOutfall(db, actorOf(req), id(req), req.body as o.CheckBody));
  app.post(`${base}/:id/photos`, {
    config: { action: 'outfalls.field', resource: 'outfall' },
    schema: { tags, summary: 'A field photo (multipart: file ≤ 10 MB, id a UUID made on the device, lat?, lng?, takenAt?)', params: IdParams, consumes: ['multipart/form-data'] },
  }, async (req, reply) => { const r = await uploadPhoto(db, actorOf(req), id(req), req, config.dataDir); return reply.status(r.created ? 201 : 200).send(r.photo); });
  app.post(`${base}/:id/verify`, {
    config: { action: 'outfalls.verify', resource: 'outfall' },
    schema: { tags, summary: 'Level 3: the experts\' verdict on a confirmed or hard case', params: IdParams, body: body({ version: V, verdict: lit(['verified', 'rejected']), note: Type.String({ minLength: 1, maxLength: 1000 }) }) },
  }, async (req) => o.verifyOutfall(db, actorOf(req), id(req), req.body as { version: number; verdict: 'verified' | 'rejected'; note: string }));
}
