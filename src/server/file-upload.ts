// One file received from a multipart request, for uploads whose type is judged by the first
// bytes (photos, survey attachments): the part `file` streams to a temporary file in `dir` while
// it is hashed, counted and its head inspected, so a file of the wrong type or over the limit is
// refused before it is whole on disk and nothing of it stays behind. The caller renames the
// temporary file into place once it has decided to keep it, and removes it in any case.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

export interface ReceivedFile<M extends string> {
  /** The other parts, by name. */
  fields: Record<string, string>;
  tmp: string;
  mime: M;
  sha256: string;
  bytes: number;
  /** The file name the client gave, if any. */
  fileName: string | null;
}

export interface ReceiveOptions<M extends string> {
  limit: number;
  /** How many first bytes `sniff` needs (a shorter file is judged on what there is). */
  headBytes: number;
  /** The type by the first bytes; null refuses the file. */
  sniff: (head: Buffer) => M | null;
  badType: () => AppError;
  tooLarge: () => AppError;
}

export async function receiveFile<M extends string>(req: FastifyRequest, dir: string, o: ReceiveOptions<M>): Promise<ReceivedFile<M>> {
  if (!req.isMultipart()) throw new AppError('UPLOAD_MISSING');
  fs.mkdirSync(dir, { recursive: true });
  const fields: Record<string, string> = {};
  let got: ReceivedFile<M> | undefined;
  let tmp: string | undefined;
  try {
    // The plugin's limit is raised for this route only; the size is checked here (not thrown by the plugin).
    const parts = req.parts({ limits: { fileSize: o.limit, files: 1, fields: 10 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      if (part.fieldname !== 'file' || got) {
        part.file.resume();
        continue;
      }
      tmp = path.join(dir, `.upload-${randomBytes(8).toString('hex')}`);
      const hash = createHash('sha256');
      let bytes = 0;
      let head = Buffer.alloc(0);
      let mime: M | null = null;
      const inspect = new Transform({
        transform(chunk: Buffer, _e, cb) {
          if (mime === null && head.length < o.headBytes) {
            head = Buffer.concat([head, chunk]).subarray(0, o.headBytes);
            if (head.length >= o.headBytes) {
              mime = o.sniff(head);
              if (!mime) return cb(o.badType());
            }
          }
          hash.update(chunk);
          bytes += chunk.length;
          cb(null, chunk);
        },
        flush(cb) {
          if (mime === null) mime = o.sniff(head);
          cb(mime ? null : o.badType());
        },
      });
      // Opened here, not by the stream: a stream destroyed while opening its file would create it after our cleanup.
      await pipeline(part.file, inspect, fs.createWriteStream('', { fd: fs.openSync(tmp, 'wx', 0o600) }));
      if (part.file.truncated) throw o.tooLarge();
      got = { fields, tmp, mime: mime!, sha256: hash.digest('hex'), bytes, fileName: part.filename ? path.basename(part.filename) : null };
    }
  } catch (e) {
    if (tmp) fs.rmSync(tmp, { force: true });
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw o.tooLarge();
    throw e;
  }
  if (!got) throw new AppError('UPLOAD_MISSING');
  return got;
}

/** JPEG, PNG or WebP by magic bytes; null for anything else. */
export function imageType(head: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}
