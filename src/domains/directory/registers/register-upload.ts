// A register upload, streamed to PUCHA_DATA_DIR/uploads/<sha256>.<ext> while it
// is hashed: never held whole in memory. The type is checked on the name and on
// the first bytes before anything large is written.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import { cleanFileName, textField } from '../../../server/file-upload.ts';
import type { RegisterFormat } from './register-file.ts';

export interface StoredFile {
  fileName: string;
  format: RegisterFormat;
  /** Where the bytes are now: the final name when kept, a temporary one otherwise. */
  path: string;
  sha256: string;
  size: number;
}

export interface Upload {
  file: StoredFile;
  /** The plain form fields (department, regionCode, mapping, …). */
  fields: Record<string, string>;
}

export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');
export const storedPath = (dir: string, sha256: string, format: RegisterFormat) => path.join(dir, `${sha256}.${format}`);

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function formatOf(fileName: string): RegisterFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new AppError('UPLOAD_TYPE', { expected: '.csv, .xlsx' });
}

const formatLimit = (bytes: number) => (bytes >= 1024 ** 3 ? `${+(bytes / 1024 ** 3).toFixed(1)} GB` : `${+(bytes / 1024 ** 2).toFixed(1)} MB`);

/** Hashes and counts what passes; checks the XLSX magic on the first bytes. */
function inspector(format: RegisterFormat) {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const t = new Transform({
    transform(chunk: Buffer, _e, cb) {
      if (format === 'xlsx' && head.length < 4) {
        head = Buffer.concat([head, chunk.subarray(0, 4)]);
        if (head.length >= 4 && !head.subarray(0, 4).equals(ZIP_MAGIC)) return cb(new AppError('UPLOAD_TYPE', { expected: '.xlsx (a ZIP file)' }));
      }
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
    flush(cb) {
      if (format === 'xlsx' && size > 0 && head.length < 4) return cb(new AppError('UPLOAD_TYPE', { expected: '.xlsx (a ZIP file)' }));
      cb();
    },
  });
  return { t, done: () => ({ sha256: hash.digest('hex'), size }) };
}

/**
 * Reads a multipart request: the part `file` goes to disk, the other parts are
 * fields. `keep` renames the file to its content address; otherwise it stays
 * under a temporary name for the caller to read and remove.
 */
export async function receiveUpload(req: FastifyRequest, dir: string, opts: { maxBytes: number; keep: boolean }): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('UPLOAD_MISSING');
  fs.mkdirSync(dir, { recursive: true });
  const fields: Record<string, string> = {};
  let file: StoredFile | undefined;
  let tmp: string | undefined;
  const tooLarge = () => new AppError('REQUEST_TOO_LARGE', { limit: formatLimit(opts.maxBytes) });
  try {
    // The limit is raised for this route only; the file's size is checked here (not thrown by the plugin).
    const parts = req.parts({ limits: { fileSize: opts.maxBytes, files: 1, fields: 10 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = textField(part.fieldname, part.value);
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        continue;
      }
      const format = formatOf(part.filename ?? '');
      tmp = path.join(dir, `.upload-${randomBytes(8).toString('hex')}`);
      const ins = inspector(format);
      // Refused at the limit, not once the client has sent the rest (busboy only skips it).
      part.file.once('limit', () => ins.t.destroy(tooLarge()));
      // Opened here, not by the stream: a stream destroyed while opening its file would create it after our cleanup.
      await pipeline(part.file, ins.t, fs.createWriteStream('', { fd: fs.openSync(tmp, 'wx', 0o600) }));
      if (part.file.truncated) throw tooLarge();
      file = { fileName: cleanFileName(part.filename) || `upload.${format}`, format, path: tmp, ...ins.done() };
    }
  } catch (e) {
    if (tmp) fs.rmSync(tmp, { force: true });
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw e;
  }
  if (!file) throw new AppError('UPLOAD_MISSING');
  if (opts.keep) {
    const final = storedPath(dir, file.sha256, file.format);
    fs.renameSync(file.path, final);
    file.path = final;
  }
  return { file, fields };
}
