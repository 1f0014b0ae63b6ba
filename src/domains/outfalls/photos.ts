// 现场照片 of an outfall check: the id is made on the device, so a retried upload is the same
// photo; stored once by content under PUCHA_DATA_DIR/outfall-photos/.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { imageType, receiveFile } from '../../server/file-upload.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as q from './outfalls.sql.ts';
import { checkPoint } from './outfalls.ts';
import { inScopeOf } from '../../core/db/distribution.ts';

export const PHOTO_LIMIT = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXT = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
const photosDir = (dataDir: string) => path.join(dataDir, 'outfall-photos');
const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

export async function uploadPhoto(db: Db, actor: Actor, outfallId: number, req: FastifyRequest, dataDir: string) {
  // Scope first: a photo for an outfall the caller cannot see is refused before it is read.
  const outfall = await q.getOutfall(db, outfallId, actor.scopePrefix);
  if (!outfall) throw new AppError('OUTFALL_NOT_FOUND');
  const dir = photosDir(dataDir);
  const f = await receiveFile(req, dir, {
    limit: PHOTO_LIMIT, headBytes: 12, sniff: imageType,
    badType: () => new AppError('OUTFALL_PHOTO_TYPE'), tooLarge: () => new AppError('OUTFALL_PHOTO_TOO_LARGE', { limit: '10 MB' }),
  });
  try {
    const id = f.fields.id ?? '';
    if (!UUID.test(id)) throw new AppError('OUTFALL_FIELD_INVALID', { field: 'id', detail: 'a UUID made on the device' });
    const lat = num(f.fields.lat);
    const lng = num(f.fields.lng);
    if ((lat === null) !== (lng === null)) throw new AppError('OUTFALL_FIELD_INVALID', { field: 'lat', detail: 'both latitude and longitude, or neither' });
    if (lat !== null) checkPoint(lat, lng!);
    const takenAt = f.fields.takenAt ? new Date(f.fields.takenAt) : null;
    if (takenAt && Number.isNaN(takenAt.getTime())) throw new AppError('OUTFALL_FIELD_INVALID', { field: 'takenAt', detail: 'a date and time' });

    const existing = await db.selectFrom('outfall_photos').select(['id', 'outfall_id', 'sha256', 'bytes', 'mime']).where('id', '=', id).executeTakeFirst();
    if (existing) {
      if (existing.sha256 !== f.sha256 || existing.outfall_id !== outfallId) throw new AppError('OUTFALL_PHOTO_ID_TAKEN', { id });
      return { created: false, photo: { id, outfallId, bytes: existing.bytes, mime: existing.mime, url: `/api/v1/outfalls/photos/${id}` } };
    }
    const name = `${f.sha256}.${EXT[f.mime]}`;
    if (!fs.existsSync(path.join(dir, name))) fs.renameSync(f.tmp, path.join(dir, name));
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('outfall_photos').values({
        id, outfall_id: outfallId, region_code: outfall.region_code, province_code: outfall.province_code, mime: f.mime, bytes: f.bytes, sha256: f.sha256, path: name,
        lat, lng, taken_at: takenAt, uploaded_by: actor.id,
      }).execute();
      await recordAudit(trx, actor, { action: 'outfalls.photo', entity: 'outfall', entityId: outfallId, regionCode: outfall.region_code, after: { photo: id, bytes: f.bytes, mime: f.mime } });
    });
    return { created: true, photo: { id, outfallId, bytes: f.bytes, mime: f.mime, url: `/api/v1/outfalls/photos/${id}` } };
  } finally {
    fs.rmSync(f.tmp, { force: true });
  }
}

export async function photoFile(db: Db, actor: Actor, id: string, dataDir: string) {
  if (!UUID.test(id)) throw new AppError('OUTFALL_PHOTO_NOT_FOUND');
  const p = await db.selectFrom('outfall_photos').select(['path', 'mime', 'bytes']).where('id', '=', id).where(inScopeOf('outfall_photos', actor.scopePrefix)).executeTakeFirst();
  const file = p ? path.join(photosDir(dataDir), p.path) : '';
  if (!p || !fs.existsSync(file)) throw new AppError('OUTFALL_PHOTO_NOT_FOUND');
  return { file, mime: p.mime };
}
