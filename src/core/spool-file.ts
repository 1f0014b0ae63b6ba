// A temporary file that one task writes while another reads it from the start as it grows: the
// XLSX export deflates the next sheet into one while the current sheet is sent (memory stays
// flat however far the writer runs ahead). The file is unlinked as soon as it is opened, so
// nothing is left on disk whatever happens to the process; its space is freed when `close`
// closes the descriptor (where unlinking an open file fails, `close` unlinks it).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const READ_BYTES = 256 * 1024;

export class SpoolFile {
  private written = 0;
  private ended = false;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;
  private closed = false;

  private constructor(private readonly fh: fs.FileHandle, private readonly file: string | null) {}

  static async create(dir: string, prefix = 'pucha-spool'): Promise<SpoolFile> {
    const file = path.join(dir, `${prefix}-${randomUUID()}`);
    const fh = await fs.open(file, 'wx+', 0o600);
    const unlinked = await fs.unlink(file).then(() => true, () => false);
    return new SpoolFile(fh, unlinked ? null : file);
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Appends `b` (one writer; await each write before the next). */
  async write(b: Buffer): Promise<void> {
    if (this.ended) throw new Error('spool file ended');
    for (let done = 0; done < b.length;) {
      const { bytesWritten } = await this.fh.write(b, done, b.length - done, this.written);
      done += bytesWritten;
      this.written += bytesWritten;
    }
    this.notify();
  }

  /** No more bytes will come: a reader ends at the last, or throws `error` when one is given. */
  end(error?: unknown): void {
    this.ended = true;
    if (error !== undefined) this.failure = { error };
    this.notify();
  }

  /** Everything written, from the start, waiting for more until the writer ends (one reader). */
  async *read(): AsyncGenerator<Buffer> {
    for (let pos = 0; ;) {
      if (this.failure) throw this.failure.error;
      if (pos < this.written) {
        const b = Buffer.allocUnsafe(Math.min(READ_BYTES, this.written - pos));
        const { bytesRead } = await this.fh.read(b, 0, b.length, pos);
        if (bytesRead === 0) throw new Error('spool file shorter than written');
        pos += bytesRead;
        yield bytesRead === b.length ? b : b.subarray(0, bytesRead);
      } else if (this.ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }
  }

  /** Frees the file; a reader still waiting ends. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.ended) this.end(new Error('spool file closed before its end'));
    await this.fh.close().catch(() => {});
    if (this.file) await fs.unlink(this.file).catch(() => {});
  }
}
