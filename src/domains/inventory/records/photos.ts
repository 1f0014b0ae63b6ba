// 现场照片: photos of a visit, uploaded in the background by the field app.
// The id is made on the device, so a retried upload is the same photo; the type
// is judged by the first bytes (a .jpg that is not a JPEG is refused), the size
// while streaming (nothing over the limit reaches the disk), and the file is
// stored once by its content hash under PUCHA_DATA_DIR/photos/.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../../../core/db/index.ts';
import { lockId } from '../../../core/db/global-unique.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import * as plan from '../plan/plan.sql.ts';
import { inChina } from '../rules/geo.ts';
import { imageType, receiveFile } from '../../../server/file-upload.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export { imageType };

export const PHOTO_LIMIT = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const EXT = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

const receive = (req: FastifyRequest, dir: string) => receiveFile(req, dir, {
  limit: PHOTO_LIMIT, headBytes: 12, sniff: imageType,
  badType: () => new AppError('INVENTORY_PHOTO_TYPE'), tooLarge: () => new AppError('INVENTORY_PHOTO_TOO_LARGE', { limit: '10 MB' }),
});

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

export async function uploadPhoto(db: Db, actor: Actor, req: FastifyRequest, dataDir: string) {
  const dir = path.join(dataDir, 'photos');
  const f = await receive(req, dir);
  try {
    const id = f.fields.id ?? '';
    if (!UUID.test(id)) throw new AppError('INVENTORY_FIELD_INVALID', { field: 'id', detail: 'a UUID made on the device' });
    const sourceId = Number(f.fields.sourceId);
    if (!Number.isInteger(sourceId) || sourceId < 1) throw new AppError('INVENTORY_FIELD_INVALID', { field: 'sourceId', detail: 'a source id' });
    const lat = num(f.fields.lat);
    const lng = num(f.fields.lng);
    if ((lat === null) !== (lng === null) || (lat !== null && !inChina(lat, lng!))) throw new AppError('INVENTORY_COORDINATES', { lat: f.fields.lat ?? '—', lng: f.fields.lng ?? '—' });
    const takenAt = f.fields.takenAt ? new Date(f.fields.takenAt) : null;
    if (takenAt && Number.isNaN(takenAt.getTime())) throw new AppError('INVENTORY_FIELD_INVALID', { field: 'takenAt', detail: 'a date and time' });

    const rec = await db.selectFrom('inventory_records').select(['source_id', 'package_id', 'region_code']).where('source_id', '=', sourceId).executeTakeFirst();
    const pkg = rec?.package_id ? await plan.getPackage(db, rec.package_id, '') : undefined;
    if (!rec || !pkg || actor.id === null || !(await plan.userInTeam(db, actor.id, pkg.team_id))) throw new AppError('INVENTORY_NOT_IN_PACKAGE', { id: sourceId });

    const stored = (q: Db | Tx) => q.selectFrom('inventory_photos').select(['id', 'source_id', 'sha256', 'bytes', 'mime']).where('id', '=', id).executeTakeFirst();
    const again = (existing: NonNullable<Awaited<ReturnType<typeof stored>>>) => {
      if (existing.sha256 !== f.sha256 || existing.source_id !== sourceId) throw new AppError('INVENTORY_PHOTO_ID_TAKEN', { id });
      return { created: false, photo: { id, sourceId, bytes: existing.bytes, mime: existing.mime } };
    };
    const existing = await stored(db);
    if (existing) return again(existing);
    const final = path.join(dir, `${f.sha256}.${EXT[f.mime]}`);
    fs.renameSync(f.tmp, final);
    // The id is unique in the whole nation, its key (id, province_code) only in a province: checked under the id's lock.
    const added = await db.transaction().execute(async (trx) => {
      await lockId(trx, 'photo', id);
      if (await stored(trx)) return false;
      await trx.insertInto('inventory_photos').values({
        id, source_id: sourceId, region_code: rec.region_code, province_code: `${rec.region_code.slice(0, 2)}0000`, mime: f.mime, bytes: f.bytes,
        sha256: f.sha256, path: path.basename(final), taken_at: takenAt, lat, lng, uploaded_by: actor.id,
      }).execute();
      await recordAudit(trx, actor, { action: 'inventory.photo', entity: 'inventory_record', entityId: sourceId, regionCode: rec.region_code, after: { photo: id, bytes: f.bytes, mime: f.mime } });
      return true;
    });
    if (!added) return again((await stored(db))!);
    return { created: true, photo: { id, sourceId, bytes: f.bytes, mime: f.mime } };
  } finally {
    fs.rmSync(f.tmp, { force: true });
  }
}

export async function photoFile(db: Db, actor: Actor, id: string, dataDir: string) {
  if (!UUID.test(id)) throw new AppError('INVENTORY_PHOTO_NOT_FOUND');
  const p = await db.selectFrom('inventory_photos').select(['path', 'mime', 'bytes']).where('id', '=', id).where(inScopeOf('inventory_photos', actor.scopePrefix)).executeTakeFirst();
  if (!p) throw new AppError('INVENTORY_PHOTO_NOT_FOUND');
  return { file: path.join(dataDir, 'photos', p.path), mime: p.mime, bytes: p.bytes };
}

export async function photosOf(db: Db, sourceId: number) {
  const rows = await db.selectFrom('inventory_photos').select(['id', 'mime', 'bytes', 'taken_at', 'lat', 'lng', 'uploaded_at']).where('source_id', '=', sourceId).orderBy('uploaded_at').execute();
  return rows.map((r) => ({ id: r.id, mime: r.mime, bytes: r.bytes, takenAt: r.taken_at, lat: r.lat, lng: r.lng, uploadedAt: r.uploaded_at }));
}
