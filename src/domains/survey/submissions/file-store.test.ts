import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTooLarge, filePath, storeFile } from './file-store.ts';

describe('the survey file store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-files-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores the same bytes once, under their hash', async () => {
    const a = await storeFile(dir, Readable.from([Buffer.from('监测报告'), Buffer.from(' 2018')]), 1000);
    const b = await storeFile(dir, Readable.from([Buffer.from('监测报告 2018')]), 1000);
    expect(a).toEqual(b);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(filePath(dir, a.sha256), 'utf8')).toBe('监测报告 2018');
    expect(fs.readdirSync(path.join(dir, 'survey-files')).filter((f) => f.startsWith('.upload-'))).toEqual([]);
  });

  it('refuses a file over the limit while it streams and leaves nothing behind', async () => {
    await expect(storeFile(dir, Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toBeInstanceOf(FileTooLarge);
    expect(fs.readdirSync(path.join(dir, 'survey-files')).filter((f) => f.startsWith('.upload-'))).toEqual([]);
  });
});
