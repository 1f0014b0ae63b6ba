// The spool file: a reader that starts before the writer has finished gets every byte in order,
// waiting for more; a writer's failure reaches the reader; nothing is ever seen in the folder,
// and closing frees the descriptor (what holds the disk space of an unlinked file).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFilesUnder } from '../../test/helpers/open-files.ts';
import { SpoolFile } from './spool-file.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-spool-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const openFiles = () => openFilesUnder(dir);

async function readAll(s: SpoolFile): Promise<Buffer> {
  const got: Buffer[] = [];
  for await (const b of s.read()) got.push(b);
  return Buffer.concat(got);
}

describe('SpoolFile', () => {
  it('gives a reader that starts early every byte written, in order, until the writer ends', async () => {
    const s = await SpoolFile.create(dir, 'test');
    expect(fs.readdirSync(dir)).toEqual([]); // unlinked as soon as opened
    expect(openFiles()).toHaveLength(1);
    const reading = readAll(s);
    const pieces = Array.from({ length: 40 }, (_, i) => Buffer.alloc(1000 + i * 997, i));
    for (const p of pieces) {
      await s.write(p);
      await new Promise((r) => setTimeout(r, i(p)));
    }
    s.end();
    expect((await reading).equals(Buffer.concat(pieces))).toBe(true);
    expect((await readAll(s)).length).toBe(pieces.reduce((n, p) => n + p.length, 0)); // read again from the start
    await s.close();
    expect(openFiles()).toEqual([]);
  });

  it('passes the writer\'s failure to the reader, and ends a waiting reader when closed', async () => {
    const s = await SpoolFile.create(dir, 'test');
    const reading = readAll(s);
    await s.write(Buffer.from('part'));
    s.end(new Error('COPY failed'));
    await expect(reading).rejects.toThrow('COPY failed');
    await s.close();
    const t = await SpoolFile.create(dir, 'test');
    const waiting = expect(readAll(t)).rejects.toThrow('closed before its end');
    await t.close();
    await waiting;
    await t.close(); // twice is fine
    await expect(t.write(Buffer.from('x'))).rejects.toThrow();
    expect(openFiles()).toEqual([]);
  });
});

const i = (p: Buffer) => p[0] % 3; // a few ms now and then, so the reader catches up and waits
