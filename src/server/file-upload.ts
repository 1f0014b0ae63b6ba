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
import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

/** The multipart plugin's file limit, for routes that keep its default: 20 MB, a 10,000-row XLSX is far below it. */
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

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
        fields[part.fieldname] = textField(part.fieldname, part.value);
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
      // Refused at the limit, not once the client has sent the rest (busboy only skips it).
      part.file.once('limit', () => inspect.destroy(o.tooLarge()));
      // Opened here, not by the stream: a stream destroyed while opening its file would create it after our cleanup.
      await pipeline(part.file, inspect, fs.createWriteStream('', { fd: fs.openSync(tmp, 'wx', 0o600) }));
      if (part.file.truncated) throw o.tooLarge();
      got = { fields, tmp, mime: mime!, sha256: hash.digest('hex'), bytes, fileName: cleanFileName(part.filename) || null };
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

/**
 * A client's file name as a plain name to show and store: its last segment after either slash (a
 * Windows path too), without control or direction-changing characters, at most 255 characters
 * with the extension kept. '' when nothing is left.
 */
export function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (base === '.' || base === '..') return '';
  if (base.length <= 255) return base;
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(base)?.[0] ?? '';
  return base.slice(0, 255 - ext.length) + ext;
}

/** A file part read into memory (small uploads only), refused as soon as busboy's size limit cuts it, not once the client has sent the rest. */
export async function bufferOf(file: AsyncIterable<Buffer> & { truncated?: boolean }, tooLarge: () => AppError): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // The iterator also ends in an error when the body is cut short.
  for await (const c of file) {
    // busboy marks the part truncated as it pushes the last chunk that fits.
    if (file.truncated) throw tooLarge();
    chunks.push(c);
  }
  if (file.truncated) throw tooLarge();
  return Buffer.concat(chunks);
}

const LINGER_MS = 1000;
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * Closes the connection of a request answered before its body ended. Not at once: a socket closed
 * with unread bytes is reset, and the client may lose the answer before reading it. What the
 * client still sends is read and dropped for a moment (a second, 16 MB at most), then it closes.
 */
export function closeAfterLinger(req: IncomingMessage): void {
  const socket = req.socket;
  if (!(socket instanceof Socket) || socket.destroyed) return; // an injected request has no connection
  req.unpipe();
  let dropped = 0;
  req.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > LINGER_BYTES) socket.destroy();
  });
  req.on('end', () => socket.destroy());
  req.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** A multipart text field, refused when it holds a NUL (PostgreSQL text cannot; see text-guard.ts). */
export function textField(name: string, value: unknown): string {
  const v = String(value ?? '');
  if (v.includes('\u0000')) throw new AppError('REQUEST_NUL_CHARACTER', { where: `field ${name}` }, { part: 'field', path: name });
  return v;
}
