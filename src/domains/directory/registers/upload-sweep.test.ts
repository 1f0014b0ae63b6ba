import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../../../test/helpers/databases.ts';
import { STORED_AGE_MS, TEMP_AGE_MS, sweepUploads, uploadSweepChore } from './upload-sweep.ts';

const sha = (c: string) => c.repeat(64);

describe.each(databaseKinds())('sweeping register uploads on %s', (kind) => {
  let t: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-sweep-'));
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('removes dead temporary uploads and old files no register names, and keeps the rest', async () => {
    const dir = path.join(dataDir, 'uploads');
    fs.mkdirSync(dir, { recursive: true });
    const now = Date.now();
    const put = (name: string, ageMs: number) => {
      fs.writeFileSync(path.join(dir, name), 'x');
      const when = new Date(now - ageMs);
      fs.utimesSync(path.join(dir, name), when, when);
    };
    // A failed register still names its file: a re-run reads it.
    await sql`INSERT INTO registers (department, region_code, file_name, file_sha256, file_size, format, encoding, status)
              VALUES ('samr', '330382', 'a.csv', ${sha('a')}, 1, 'csv', 'utf-8', 'failed')`.execute(t.db);
    put(`${sha('a')}.csv`, STORED_AGE_MS * 3); // old, named by a register
    put(`${sha('b')}.csv`, STORED_AGE_MS * 3); // old, named by none
    put(`${sha('c')}.xlsx`, STORED_AGE_MS / 2); // young, named by none: a request may still be on its way
    put('.upload-dead', TEMP_AGE_MS * 2);
    put('.upload-live', 60_000);
    put('notes.txt', STORED_AGE_MS * 3); // not ours to judge

    expect(await sweepUploads(t.db, dataDir, now)).toEqual({ temporary: 1, unreferenced: 1 });
    expect(fs.readdirSync(dir).sort()).toEqual(['.upload-live', `${sha('a')}.csv`, `${sha('c')}.xlsx`, 'notes.txt'].sort());
    expect(await sweepUploads(t.db, dataDir, now)).toEqual({ temporary: 0, unreferenced: 0 });

    // The chore sweeps at once, then rests for the hour.
    put(`${sha('d')}.csv`, STORED_AGE_MS * 3);
    const chore = uploadSweepChore();
    expect(await chore(t.db, { dataDir })).toBe(1);
    put(`${sha('e')}.csv`, STORED_AGE_MS * 3);
    expect(await chore(t.db, { dataDir })).toBe(0);
    expect(fs.existsSync(path.join(dir, `${sha('e')}.csv`))).toBe(true);
  });

  it('does nothing where there is no uploads folder', async () => {
    expect(await sweepUploads(t.db, path.join(dataDir, 'none'))).toEqual({ temporary: 0, unreferenced: 0 });
  });
});
