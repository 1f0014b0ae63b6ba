import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { databaseKinds, openEmptyDatabase, openTestDatabase, type TestDatabase } from '../../../test/helpers/databases.ts';
import { isAppError } from '../errors.ts';
import { dataFiles, writeBackup } from './dump.ts';
import { restoreBackup } from './restore.ts';
import { tables } from './catalogue.ts';

/** Every table's rows as one hash, in UTC so the two databases print times alike; and every sequence. */
async function fingerprint(d: Database) {
  return d.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
    const out: Record<string, string> = {};
    for (const t of await tables(trx)) {
      const r = await sql<{ n: string; h: string }>`SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${sql.table(t.name)} x`.execute(trx);
      out[t.name] = `${r.rows[0].n}:${r.rows[0].h}`;
    }
    const seqs = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND n.nspname = 'public' ORDER BY 1`.execute(trx);
    for (const { name } of seqs.rows) out[`seq ${name}`] = (await sql<{ v: string }>`SELECT last_value::text || ':' || is_called::text AS v FROM ${sql.table(name)}`.execute(trx)).rows[0].v;
    return out;
  });
}

const filesOf = (dir: string) => Object.fromEntries(dataFiles(dir).map((f) => [f, createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
}

describe.each(databaseKinds())('backup and restore on %s', (kind) => {
  let source: TestDatabase;
  let sourceDir: string;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-backup-'));
  const file = path.join(work, 'census.pucha-backup');

  beforeAll(async () => {
    source = await openTestDatabase(kind);
    sourceDir = source.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-data-'));
    // Stored files of several domains, one large enough to span many lines of the backup.
    fs.mkdirSync(path.join(sourceDir, 'survey-files', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(sourceDir, 'survey-files', 'ab', 'abcdef'), Buffer.from('%PDF-1.4 sample'));
    fs.mkdirSync(path.join(sourceDir, 'photos', '2018'), { recursive: true });
    fs.writeFileSync(path.join(sourceDir, 'photos', '2018', 'big.jpg'), Buffer.alloc(300_000, 7));
    fs.mkdirSync(path.join(sourceDir, 'uploads'), { recursive: true });
    fs.writeFileSync(path.join(sourceDir, 'uploads', '.upload-tmp'), 'a temporary upload is not carried');
    // Values whose text must come back exact: a long numeric, a time with microseconds, bytes-like text.
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await sql<{ id: number }>`INSERT INTO sources (region_code, province_code, name, origin) VALUES ('330382001', '330000', ${`备份对象${i} 测试'"\\`}, 'supplement') RETURNING id`.execute(source.db);
      ids.push(Number(r.rows[0].id));
    }
    // A row that points at a later row of its own table: the restore cannot rely on the order.
    await sql`UPDATE sources SET state = 'merged', merged_into = ${ids[29]} WHERE id = ${ids[0]}`.execute(source.db);
  }, 300_000);
  afterAll(async () => {
    await source?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores into an empty database the same rows, sequences and files', async () => {
    const end = await writeBackup(source, sourceDir, file);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    expect(end.rows.sources).toBeGreaterThan(10);
    expect(end.files).toBe(Object.keys(filesOf(sourceDir)).length);
    expect(Object.keys(filesOf(sourceDir))).not.toContain('uploads/.upload-tmp');

    const target = await openEmptyDatabase(kind);
    const targetDir = fs.mkdtempSync(path.join(work, 'data-'));
    try {
      const done = await restoreBackup(target, targetDir, file);
      expect(done.rows).toEqual(end.rows);
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
      expect(filesOf(targetDir)).toEqual(filesOf(sourceDir));
      expect(fs.readdirSync(targetDir).filter((f) => f.startsWith('.restore-'))).toEqual([]);
      // The sequences stand where they stood: a new row takes a fresh key.
      const max = Number((await sql<{ m: string }>`SELECT max(id) AS m FROM sources`.execute(target.db)).rows[0].m);
      const next = await sql<{ id: string }>`INSERT INTO sources (region_code, province_code, name, origin) VALUES ('330382001', '330000', '恢复后新增', 'supplement') RETURNING id`.execute(target.db);
      expect(Number(next.rows[0].id)).toBeGreaterThan(max);

      // A second restore over data is refused unless asked for, and then gives the backup again.
      expect(await codeOf(restoreBackup(target, targetDir, file))).toBe('BACKUP_TARGET_NOT_EMPTY');
      fs.writeFileSync(path.join(targetDir, 'survey-files', 'ab', 'stray'), 'not in the backup');
      await restoreBackup(target, targetDir, file, { replace: true });
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
      expect(filesOf(targetDir)).toEqual(filesOf(sourceDir));
    } finally {
      await target.close();
    }
  }, 300_000);

  it('refuses a truncated backup or another file, leaving the target as it was', async () => {
    const whole = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const cut = path.join(work, 'cut.pucha-backup');
    const target = await openEmptyDatabase(kind);
    const targetDir = fs.mkdtempSync(path.join(work, 'data-'));
    try {
      // Cut in the middle of the rows, then in the middle of a file: both before the end line.
      for (const at of [Math.floor(whole.length / 3), whole.lastIndexOf('@{"kind":"file"') + 200]) {
        fs.writeFileSync(cut, zlib.gzipSync(whole.slice(0, at)));
        expect(await codeOf(restoreBackup(target, targetDir, cut))).toBe('BACKUP_TRUNCATED');
      }
      fs.writeFileSync(cut, fs.readFileSync(file).subarray(0, 5000)); // a gzip that breaks off
      expect(['BACKUP_TRUNCATED', 'BACKUP_NOT_A_BACKUP']).toContain(await codeOf(restoreBackup(target, targetDir, cut)));
      fs.writeFileSync(cut, 'name,address\n甲,乙\n');
      expect(await codeOf(restoreBackup(target, targetDir, cut))).toBe('BACKUP_NOT_A_BACKUP');
      // A crafted file path that climbs out of the data folder.
      const evil = whole.replace(/@\{"kind":"file","path":"[^"]+"/, '@{"kind":"file","path":"../../escaped"');
      fs.writeFileSync(cut, zlib.gzipSync(evil));
      expect(await codeOf(restoreBackup(target, targetDir, cut))).toBe('BACKUP_NOT_A_BACKUP');
      expect(fs.existsSync(path.join(work, 'escaped'))).toBe(false);
      expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM users`.execute(target.db)).rows[0].n)).toBe(0);
      expect(dataFiles(targetDir)).toEqual([]);
    } finally {
      await target.close();
    }
  }, 300_000);

  it.runIf(kind === 'postgres')('moves an embedded database into the server (migrate --from-embedded)', async () => {
    const embedded = await openTestDatabase('pglite');
    const target = await openEmptyDatabase('postgres');
    const targetDir = fs.mkdtempSync(path.join(work, 'data-'));
    const moved = path.join(work, 'embedded.pucha-backup');
    try {
      await writeBackup(embedded, embedded.dataDir!, moved);
      await restoreBackup(target, targetDir, moved);
      expect(await fingerprint(target)).toEqual(await fingerprint(embedded));
    } finally {
      await embedded.close();
      await target.close();
    }
  }, 300_000);
});
