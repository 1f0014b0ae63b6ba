// Files of supervision (evidence, channel attachments): the client makes the id, so a retried
// upload is the same file; the type is judged by the first bytes (JPEG, PNG, PDF; a ZIP is taken
// as XLSX or DOCX by the name's extension), the size while streaming, and the bytes are stored
// once by their hash under PUCHA_DATA_DIR/supervision-files.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import { guardXlsxBuffer } from '../../../core/xlsx-guard.ts';
import { inScope, type Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { receiveFile } from '../../../server/file-upload.ts';
import * as q from './channels.sql.ts';
import { fileView } from './channels.ts';

export const FILE_LIMIT = 20 * 1024 * 1024;
const FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Sniffed = 'image/jpeg' | 'image/png' | 'application/pdf' | 'zip';

export function sniff(head: Buffer): Sniffed | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG)) return 'image/png';
  if (head.length >= 5 && head.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'PK\x03\x04') return 'zip';
  return null;
}

export const filesDir = (dataDir: string) => path.join(dataDir, 'supervision-files');
const filePath = (dataDir: string, sha256: string) => path.join(filesDir(dataDir), sha256.slice(0, 2), sha256);

async function keepFile(dataDir: string, tmp: string, sha256: string) {
  const dest = filePath(dataDir, sha256);
  await fs.promises.mkdir(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) await fs.promises.rm(tmp, { force: true });
  else await fs.promises.rename(tmp, dest);
}

function cleanName(raw: string | null | undefined): string | null {
  // eslint-disable-next-line no-control-regex
  const s = (raw ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/^.*[\\/]/, '').trim().slice(0, 255);
  return s || null;
}

/**
 * An XLSX or DOCX is a ZIP that whoever downloads it will unpack: a bomb (an entry unpacking
 * far past any document, or past what it declares) or an XML entity declaration is refused here,
 * as the spreadsheet readers refuse them. The file is at most FILE_LIMIT, so it is read whole.
 */
function checkOfficeZip(file: string) {
  try {
    guardXlsxBuffer(fs.readFileSync(file), { maxEntryBytes: 100 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 });
  } catch (e) {
    if (e instanceof AppError && e.code === 'XLSX_UNSAFE') throw new AppError('SUPERVISION_FILE_UNSAFE', e.params);
    throw new AppError('SUPERVISION_FILE_TYPE'); // not a readable ZIP
  }
}

/** Stores one upload in the uploader's region; `created` tells 201 from 200 (the same id and bytes again). */
export async function uploadFile(db: Db, actor: Actor, req: FastifyRequest, dataDir: string) {
  const f = await receiveFile(req, filesDir(dataDir), {
    limit: FILE_LIMIT, headBytes: 8, sniff,
    badType: () => new AppError('SUPERVISION_FILE_TYPE'), tooLarge: () => new AppError('SUPERVISION_FILE_TOO_LARGE', { limit: '20 MB' }),
  });
  try {
    const id = f.fields.id ?? '';
    if (!FILE_ID.test(id)) throw new AppError('SUPERVISION_FILE_INVALID', { field: 'id', detail: 'A-Z a-z 0-9 _ -, 1–128 (e.g. a UUID)' });
    const name = cleanName(f.fields.name ?? f.fileName);
    let mime: string = f.mime;
    if (f.mime === 'zip') {
      const ext = (name ?? '').toLowerCase().split('.').pop();
      if (ext === 'xlsx') mime = XLSX;
      else if (ext === 'docx') mime = DOCX;
      else throw new AppError('SUPERVISION_FILE_TYPE');
      checkOfficeZip(f.tmp);
    }
    const same = (e: { sha256: string }) => {
      if (e.sha256 !== f.sha256) throw new AppError('SUPERVISION_FILE_ID_TAKEN', { id });
    };
    const before = await q.fileRow(db, id);
    if (before) {
      same(before);
      return { created: false, file: fileView(before) };
    }
    await keepFile(dataDir, f.tmp, f.sha256);
    const row = { id, region_code: actor.regionCode, mime, bytes: f.bytes, sha256: f.sha256, name, uploaded_by: actor.id };
    const made = await db.transaction().execute(async (trx) => {
      const r = await q.insertFile(trx, row);
      if (r) await recordAudit(trx, actor, { action: 'supervision.file.upload', entity: 'supervision-file', entityId: id, regionCode: row.region_code, after: { mime, bytes: f.bytes, sha256: f.sha256, name } });
      return !!r;
    });
    if (made) return { created: true, file: fileView(row) };
    const now = (await q.fileRow(db, id))!; // stored by a request at the same moment
    same(now);
    return { created: false, file: fileView(now) };
  } finally {
    fs.rmSync(f.tmp, { force: true });
  }
}

/** A file in the actor's scope, or attached to a message of a channel the actor belongs to. */
export async function supervisionFile(db: Db, actor: Actor, id: string, dataDir: string) {
  const f = FILE_ID.test(id) ? await q.fileRow(db, id) : undefined;
  const reach = f && (inScope(actor.scopePrefix, f.region_code) || (actor.id !== null && (await q.fileInMemberChannel(db, id, actor.id))));
  const file = f && filePath(dataDir, f.sha256);
  if (!f || !reach || !fs.existsSync(file!)) throw new AppError('SUPERVISION_FILE_NOT_FOUND');
  return { file: file!, mime: f.mime, bytes: Number(f.bytes), name: f.name ?? f.id };
}
