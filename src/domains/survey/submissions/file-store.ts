// Files that survey answers reference ({ id, type }) are stored once by content: the bytes go to
// PUCHA_DATA_DIR/survey-files/<first two hex>/<sha256>, whatever number of answers or uploads
// name them. Streamed to a temporary file while hashing and counting (the limit is checked as
// the bytes arrive), then renamed into place: a crash leaves a temporary file, never a torn one.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class FileTooLarge extends Error {}

export const filesDir = (dataDir: string) => path.join(dataDir, 'survey-files');

export const filePath = (dataDir: string, sha256: string) => path.join(filesDir(dataDir), sha256.slice(0, 2), sha256);

/** Moves a finished temporary file (in filesDir) to its content address, unless those bytes are there already. */
export async function keepFile(dataDir: string, tmp: string, sha256: string): Promise<string> {
  const dest = filePath(dataDir, sha256);
  await fs.promises.mkdir(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) await fs.promises.rm(tmp, { force: true });
  else await fs.promises.rename(tmp, dest);
  return dest;
}

/** Stores the stream's bytes once; answers their hash and size. */
export async function storeFile(dataDir: string, input: Readable, limit: number): Promise<{ sha256: string; bytes: number; path: string }> {
  const dir = filesDir(dataDir);
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.upload-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limit) return done(new FileTooLarge(`larger than ${limit} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(input, meter, fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
    const sha256 = hash.digest('hex');
    return { sha256, bytes, path: await keepFile(dataDir, tmp, sha256) };
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}
