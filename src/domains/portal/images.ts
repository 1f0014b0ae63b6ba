// 门户图片: an editor's upload is judged by its first bytes (JPEG, PNG, WebP), decoded with a
// pixel limit (a small file that claims a huge canvas is refused, not expanded), turned upright,
// stripped of its metadata (no camera GPS on a public page) and stored twice: the page size
// (longest side ≤ 1600 px) and a small copy (≤ 480 px). The same bytes again are the same image.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { imageType, receiveFile } from '../../server/file-upload.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';

export const IMAGE_LIMIT = 10 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;
const PAGE_SIDE = 1600;
const THUMB_SIDE = 480;

type Mime = 'image/jpeg' | 'image/png' | 'image/webp';
const EXT: Record<Mime, 'jpg' | 'png' | 'webp'> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const MIME_OF_EXT: Record<string, Mime> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export const imagesDir = (dataDir: string) => path.join(dataDir, 'portal-images');

const sniff = (h: Buffer): Mime | null => imageType(h);

const view = (i: { id: string; name: string; mime: string; width: number; height: number; created_at?: Date }) => {
  const ext = EXT[i.mime as Mime];
  return { id: i.id, name: i.name, mime: i.mime, width: i.width, height: i.height, url: `/media/${i.id}.${ext}`, thumbUrl: `/media/${i.id}-s.${ext}`, createdAt: i.created_at };
};

async function encode(input: string, mime: Mime, side: number, out: string) {
  let img = sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate().resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
  img = mime === 'image/jpeg' ? img.jpeg({ quality: 82, mozjpeg: true }) : mime === 'image/png' ? img.png({ compressionLevel: 9 }) : img.webp({ quality: 82 });
  const tmp = `${out}.tmp-${process.pid}`;
  const info = await img.toFile(tmp);
  await fs.promises.rename(tmp, out);
  return info;
}

export async function uploadImage(db: Db, actor: Actor, req: FastifyRequest, dataDir: string) {
  const dir = imagesDir(dataDir);
  const f = await receiveFile(req, dir, {
    limit: IMAGE_LIMIT, headBytes: 12, sniff,
    badType: () => new AppError('PORTAL_IMAGE_TYPE'), tooLarge: () => new AppError('PORTAL_IMAGE_TOO_LARGE', { limit: '10 MB' }),
  });
  try {
    const id = f.sha256.slice(0, 24);
    const before = await db.selectFrom('portal_images').selectAll().where('id', '=', id).executeTakeFirst();
    if (before) return { created: false, image: view(before) };
    let meta: sharp.Metadata;
    try {
      meta = await sharp(f.tmp, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).metadata();
      if (!meta.width || !meta.height) throw new Error('no size');
      if (meta.width * meta.height > MAX_PIXELS) throw new Error('too many pixels');
    } catch (e) {
      throw new AppError('UPLOAD_UNREADABLE', { detail: String((e as Error).message).slice(0, 120) });
    }
    const ext = EXT[f.mime];
    let page: sharp.OutputInfo;
    try {
      page = await encode(f.tmp, f.mime, PAGE_SIDE, path.join(dir, `${id}.${ext}`));
      await encode(f.tmp, f.mime, THUMB_SIDE, path.join(dir, `${id}-s.${ext}`));
    } catch (e) {
      throw new AppError('UPLOAD_UNREADABLE', { detail: String((e as Error).message).slice(0, 120) });
    }
    const name = (f.fields.name ?? f.fileName ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
    const row = await db.transaction().execute(async (trx) => {
      const r = await trx.insertInto('portal_images').values({ id, sha256: f.sha256, name, mime: f.mime, width: page.width, height: page.height, bytes: f.bytes, created_by: actor.id })
        .onConflict((oc) => oc.column('id').doNothing()).returningAll().executeTakeFirst();
      if (r) await recordAudit(trx, actor, { action: 'portal.image', entity: 'portal-image', entityId: id, regionCode: null, after: { name, mime: f.mime, bytes: f.bytes, width: page.width, height: page.height } });
      return r;
    });
    if (!row) return { created: false, image: view((await db.selectFrom('portal_images').selectAll().where('id', '=', id).executeTakeFirstOrThrow())) };
    return { created: true, image: view(row) };
  } finally {
    await fs.promises.rm(f.tmp, { force: true });
  }
}

export async function listImages(db: Db, limit = 100) {
  return { items: (await db.selectFrom('portal_images').selectAll().orderBy('created_at', 'desc').limit(Math.min(limit, 500)).execute()).map(view) };
}

/** The stored file of a public image address (`<id>.<ext>` or `<id>-s.<ext>`), if it exists. */
export function imageFile(dataDir: string, name: string): { file: string; mime: Mime } | null {
  const m = /^([0-9a-f]{24})(-s)?\.(jpg|png|webp)$/.exec(name);
  if (!m) return null;
  const file = path.join(imagesDir(dataDir), name);
  return fs.existsSync(file) ? { file, mime: MIME_OF_EXT[m[3]] } : null;
}
