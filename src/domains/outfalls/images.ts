// 影像 drone and satellite images: judged by their first bytes, decoded with a pixel limit (a
// small file that claims a huge canvas is refused), their position and time read from the EXIF,
// stored once by content with a thumbnail. A position outside China is refused: it is a wrong
// hemisphere sign or another place's flight, and suspects marked on it would be wrong too.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { imageType, receiveFile, type ReceivedFile } from '../../server/file-upload.ts';
import { readExif } from './exif.ts';
import * as q from './outfalls.sql.ts';
import { checkPoint, placeRegion } from './outfalls.ts';
import { imageView } from './views.ts';

export const IMAGE_LIMIT = 50 * 1024 * 1024;
export const MAX_PIXELS = 100_000_000;
const THUMB_SIDE = 480;
const EXT = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

export const imagesDir = (dataDir: string) => path.join(dataDir, 'outfall-images');
const thumbName = (sha: string) => `${sha}-t.jpg`;

export async function uploadImage(db: Db, actor: Actor, req: FastifyRequest, dataDir: string) {
  const f = await receiveFile(req, imagesDir(dataDir), {
    limit: IMAGE_LIMIT, headBytes: 12, sniff: imageType,
    badType: () => new AppError('OUTFALL_IMAGE_TYPE'), tooLarge: () => new AppError('OUTFALL_IMAGE_TOO_LARGE', { limit: '50 MB' }),
  });
  try {
    return await keepImage(db, actor, f, dataDir);
  } finally {
    await fs.promises.rm(f.tmp, { force: true });
  }
}

/** An image already written to a temporary file in the images folder: checked, read, kept. */
export async function keepImage(db: Db, actor: Actor, f: ReceivedFile<keyof typeof EXT>, dataDir: string) {
  const dir = imagesDir(dataDir);
  const reachId = f.fields.reachId ? Number(f.fields.reachId) : undefined;
  if (reachId !== undefined && !(Number.isInteger(reachId) && reachId > 0)) throw new AppError('OUTFALL_FIELD_INVALID', { field: 'reachId', detail: 'a reach id' });
  const kind = f.fields.kind ?? 'drone';
  if (kind !== 'drone' && kind !== 'satellite') throw new AppError('OUTFALL_FIELD_INVALID', { field: 'kind', detail: 'drone or satellite' });
  const reach = reachId ? await q.getReach(db, reachId, actor.scopePrefix) : undefined;
  if (reachId && !reach) throw new AppError('OUTFALL_REACH_NOT_FOUND');
  const regionCode = f.fields.regionCode || reach?.region_code || actor.regionCode;
  const region = await q.regionRow(db, regionCode);
  if (!region) throw new AppError('REGION_NOT_FOUND', { code: regionCode });
  if (!regionCode.startsWith(actor.scopePrefix)) throw new AppError('USER_SCOPE_OUTSIDE', { code: regionCode });

  const before = await db.selectFrom('outfall_images').selectAll().where('region_code', '=', regionCode).where('sha256', '=', f.sha256).executeTakeFirst();
  if (before) return { created: false, image: imageView(before) };

  let meta: sharp.Metadata;
  try {
    meta = await sharp(f.tmp, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
  } catch (e) {
    throw new AppError('UPLOAD_UNREADABLE', { detail: String((e as Error).message).slice(0, 120) });
  }
  // EXIF lives in the first segments; 256 kB covers it without reading a 50 MB file whole.
  const fd = await fs.promises.open(f.tmp, 'r');
  const head = Buffer.alloc(Math.min(f.bytes, 256 * 1024));
  try { await fd.read(head, 0, head.length, 0); } finally { await fd.close(); }
  const exif = readExif(head);
  if (exif.lat !== null && exif.lng !== null) checkPoint(exif.lat, exif.lng);

  const final = path.join(dir, `${f.sha256}.${EXT[f.mime]}`);
  try {
    await sharp(f.tmp, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate().resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 78 }).toFile(path.join(dir, thumbName(f.sha256)));
  } catch (e) {
    throw new AppError('UPLOAD_UNREADABLE', { detail: String((e as Error).message).slice(0, 120) });
  }
  if (!fs.existsSync(final)) await fs.promises.rename(f.tmp, final);
  const fileName = (f.fileName ?? '').replace(/[\u0000-\u001f\u007f/\\]/g, '').slice(0, 200);
  const row = await db.transaction().execute(async (trx) => {
    const r = await trx.insertInto('outfall_images').values({
      region_code: regionCode, province_code: q.provinceOf(regionCode), reach_id: reach?.id ?? null, kind, sha256: f.sha256, file_name: fileName, mime: f.mime, bytes: f.bytes,
      width: meta.width!, height: meta.height!, lat: exif.lat, lng: exif.lng, altitude_m: exif.altitudeM, taken_at: exif.takenAt, camera: exif.camera, uploaded_by: actor.id,
    }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'outfalls.image', entity: 'outfall-image', entityId: r.id, regionCode, after: { fileName, bytes: f.bytes, lat: r.lat, lng: r.lng, takenAt: r.taken_at } });
    return r;
  });
  return { created: true, image: imageView(row) };
}

/** An image from bytes in hand (the demo's drone flight), through the same checks as an upload. */
export async function keepImageBytes(db: Db, actor: Actor, bytes: Buffer, fields: Record<string, string>, fileName: string, dataDir: string) {
  const mime = imageType(bytes.subarray(0, 12));
  if (!mime) throw new AppError('OUTFALL_IMAGE_TYPE');
  fs.mkdirSync(imagesDir(dataDir), { recursive: true });
  const tmp = path.join(imagesDir(dataDir), `.tmp-${randomBytes(8).toString('hex')}`);
  await fs.promises.writeFile(tmp, bytes);
  try {
    return await keepImage(db, actor, { fields, tmp, mime, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, fileName }, dataDir);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}

export async function listImages(db: Db, actor: Actor, f: { reach?: number; region?: string; limit?: number }) {
  const rows = await q.listImages(db, actor.scopePrefix, { reachId: f.reach, region: f.region?.replace(/(00)+$/, ''), limit: Math.min(f.limit ?? 100, 500) });
  return { items: rows.map(imageView) };
}

export async function getImage(db: Db, actor: Actor, id: number) {
  const r = await q.getImage(db, id, actor.scopePrefix);
  if (!r) throw new AppError('OUTFALL_IMAGE_NOT_FOUND');
  const marks = await q.listOutfalls(db, { prefix: actor.scopePrefix, imageId: id, limit: 1000 });
  return { ...imageView(r), marks: marks.map((m) => ({ id: m.id, code: m.code, state: m.state, imageX: m.image_x, imageY: m.image_y, lat: m.lat, lng: m.lng })) };
}

export async function imageFile(db: Db, actor: Actor, id: number, size: 'thumb' | 'full', dataDir: string) {
  // A township's census taker sees the county's image of an outfall of the township.
  const r = (await q.getImage(db, id, actor.scopePrefix)) ?? (await q.imageOfVisibleOutfall(db, id, actor.scopePrefix));
  if (!r) throw new AppError('OUTFALL_IMAGE_NOT_FOUND');
  const name = size === 'thumb' ? thumbName(r.sha256) : `${r.sha256}.${EXT[r.mime as keyof typeof EXT]}`;
  const file = path.join(imagesDir(dataDir), name);
  if (!fs.existsSync(file)) throw new AppError('OUTFALL_IMAGE_NOT_FOUND');
  return { file, mime: size === 'thumb' ? 'image/jpeg' : r.mime };
}

export { placeRegion };
