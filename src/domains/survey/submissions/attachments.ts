// 附件: files that answers of `file` fields reference ({ id, type, name? }). The client makes the
// id, so a retried upload is the same attachment; the type is judged by the first bytes (JPEG,
// PNG, PDF), the size while streaming, and the bytes are stored once by their hash
// (file-store.ts) whatever number of attachments name them. A source's attachments are reached
// exactly as its forms are filled (reaches).
import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { receiveFile } from '../../../server/file-upload.ts';
import { filePath, filesDir, keepFile } from './file-store.ts';
import { provinceOf } from '../../../core/db/distribution.ts';
import { lockId } from '../../../core/db/global-unique.ts';
import { surveySource } from './submissions.sql.ts';
import { assertSurveyed, reaches } from './submissions.ts';

export const ATTACHMENT_LIMIT = 20 * 1024 * 1024;
export const ATTACHMENT_ID = /^[A-Za-z0-9_-]{1,128}$/;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type AttachmentType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** JPEG, PNG or PDF by the first bytes; null for anything else. */
export function attachmentType(head: Buffer): AttachmentType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG)) return 'image/png';
  if (head.length >= 5 && head.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** A display name: no control characters or path, at most 255 characters; null when blank. */
function cleanName(raw: string | null | undefined): string | null {
  // eslint-disable-next-line no-control-regex
  const s = (raw ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/^.*[\\/]/, '').trim().slice(0, 255);
  return s || null;
}

const view = (a: { id: string; source_id: number; mime: string; bytes: number; sha256: string; name: string | null }) =>
  ({ id: a.id, sourceId: a.source_id, mime: a.mime, bytes: a.bytes, sha256: a.sha256, name: a.name });

const existingRow = (db: Db | Tx, id: string) =>
  db.selectFrom('submission_attachments').select(['id', 'source_id', 'mime', 'bytes', 'sha256', 'name']).where('id', '=', id).executeTakeFirst();

export interface AttachmentRow { id: string; source_id: number; region_code: string; mime: string; bytes: number; sha256: string; name: string | null }

/**
 * The row of an attachment whose bytes are in place, and its audit row; false when the id is taken
 * already, in any province (the key is (id, province_code): the id's lock makes the check sound).
 */
export async function recordAttachment(trx: Tx, actor: Actor, a: AttachmentRow): Promise<boolean> {
  await lockId(trx, 'attachment', a.id);
  if (await existingRow(trx, a.id)) return false;
  await trx.insertInto('submission_attachments').values({ ...a, province_code: provinceOf(a.region_code), uploaded_by: actor.id }).execute();
  await recordAudit(trx, actor, { action: 'survey.attach', entity: 'attachment', entityId: a.id, regionCode: a.region_code, after: { sourceId: a.source_id, mime: a.mime, bytes: a.bytes, sha256: a.sha256, name: a.name } });
  return true;
}

/** Stores one upload; `created` tells 201 from 200 (the same id and bytes sent again). */
export async function uploadAttachment(db: Db, actor: Actor, req: FastifyRequest, dataDir: string) {
  const f = await receiveFile(req, filesDir(dataDir), {
    limit: ATTACHMENT_LIMIT, headBytes: 8, sniff: attachmentType,
    badType: () => new AppError('SURVEY_ATTACHMENT_TYPE'), tooLarge: () => new AppError('SURVEY_ATTACHMENT_TOO_LARGE', { limit: '20 MB' }),
  });
  try {
    const id = f.fields.id ?? '';
    if (!ATTACHMENT_ID.test(id)) throw new AppError('SURVEY_ATTACHMENT_INVALID', { field: 'id', detail: 'A-Z a-z 0-9 _ -, 1–128 (e.g. a UUID made on the device)' });
    const sourceId = /^\d{1,15}$/.test(f.fields.sourceId ?? '') ? Number(f.fields.sourceId) : NaN;
    if (!(sourceId >= 1)) throw new AppError('SURVEY_ATTACHMENT_INVALID', { field: 'sourceId', detail: 'a source id' });
    const src = await surveySource(db, sourceId, actor);
    if (!src || !reaches(actor, src)) throw new AppError('SURVEY_SOURCE_NOT_FOUND', { id: sourceId });
    assertSurveyed(src);

    const same = (e: { source_id: number; sha256: string }) => {
      if (e.source_id !== sourceId || e.sha256 !== f.sha256) throw new AppError('SURVEY_ATTACHMENT_ID_TAKEN', { id });
    };
    const before = await existingRow(db, id);
    if (before) {
      same(before);
      return { created: false, attachment: view(before) };
    }
    await keepFile(dataDir, f.tmp, f.sha256);
    const regionCode = src.record_region ?? src.region_code;
    const row = { id, source_id: sourceId, mime: f.mime, bytes: f.bytes, sha256: f.sha256, name: cleanName(f.fields.name ?? f.fileName) };
    if (await db.transaction().execute((trx) => recordAttachment(trx, actor, { ...row, region_code: regionCode }))) return { created: true, attachment: view(row) };
    // Another request stored this id between our read and our write: answer as if we had come second.
    const now = (await existingRow(db, id))!;
    same(now);
    return { created: false, attachment: view(now) };
  } finally {
    fs.rmSync(f.tmp, { force: true });
  }
}

/** The stored file of an attachment whose source the actor reaches. */
export async function attachmentFile(db: Db, actor: Actor, id: string, dataDir: string) {
  const a = ATTACHMENT_ID.test(id) ? await existingRow(db, id) : undefined;
  const src = a && (await surveySource(db, a.source_id, actor));
  const file = a && filePath(dataDir, a.sha256);
  // A row whose bytes are not on this server (a database restored without its files) is not found either.
  if (!a || !src || !reaches(actor, src) || !fs.existsSync(file!)) throw new AppError('SURVEY_ATTACHMENT_NOT_FOUND');
  return { file: file!, mime: a.mime, bytes: a.bytes, name: a.name ?? a.id };
}
