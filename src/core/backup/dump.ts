// `pucha backup FILE`: every table and every stored file, read in one repeatable-read
// transaction (one consistent moment, while the server goes on serving on PostgreSQL), streamed
// through gzip to FILE.partial and renamed into place only when whole.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from '../db/index.ts';
import { appliedMigrations, quoteIdent, sequences, tables } from './catalogue.ts';
import { FILE_CHUNK, FORMAT, FORMAT_VERSION, backedUp, headerLine, type BackupEnd } from './format.ts';

export type Progress = (done: number, total: number | null, message: string) => void;

const FETCH = 2000;

/** The files under `dir` that a backup carries, as paths relative to it, in a stable order. */
export function dataFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(dir, rel);
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (!backedUp(r)) continue;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out;
}

function sha256Of(file: string): Promise<string> {
  const h = createHash('sha256');
  return pipeline(fs.createReadStream(file), async function* (src) { for await (const c of src) h.update(c as Buffer); }).then(() => h.digest('hex'));
}

/** The backup's lines, in chunks: one per page of rows, one per stored-file chunk. A generator
 *  under `pipeline` is what keeps it honest about backpressure: it is asked for the next chunk
 *  only when gzip and the disk have taken the last (a hand-written `write` + `once('drain')` stalled
 *  for good at 21 M rows of the national census). The transaction is opened by hand for the same
 *  reason: it must live exactly as long as the generator, which `pipeline` ends on error too. */
async function* lines(database: Database, dataDir: string, end: BackupEnd, progress: Progress): AsyncGenerator<string> {
  const trx = await database.db.startTransaction().setIsolationLevel('repeatable read').execute();
  let open = true;
  try {
    const list = await tables(trx);
    const counts = new Map<string, number>();
    for (const t of list) counts.set(t.name, Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t.name)}`.execute(trx)).rows[0].n));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    yield headerLine({
      kind: 'meta', format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), database: database.kind,
      migrations: await appliedMigrations(trx), sequences: await sequences(trx), rowsTotal: total,
    });
    let done = 0;
    for (const t of list) {
      yield headerLine({ kind: 'table', name: t.name, columns: t.columns });
      const cols = t.columns.map(quoteIdent).join(', ');
      const order = (t.key.length ? t.key : t.columns.slice(0, 1)).map(quoteIdent).join(', ');
      await sql.raw(`DECLARE pucha_backup NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM (SELECT ${cols} FROM ${quoteIdent(t.name)} ORDER BY ${order}) x`).execute(trx);
      let n = 0;
      for (;;) {
        const page = await sql.raw<{ j: string }>(`FETCH ${FETCH} FROM pucha_backup`).execute(trx);
        if (page.rows.length) yield page.rows.map((r) => r.j).join('\n') + '\n';
        n += page.rows.length;
        done += page.rows.length;
        progress(done, total, `${t.name} ${n}`);
        if (page.rows.length < FETCH) break;
      }
      await sql.raw('CLOSE pucha_backup').execute(trx);
      end.rows[t.name] = n;
    }
    // Only reads happened: commit or roll back alike; commit says the moment ended cleanly.
    open = false;
    await trx.commit().execute();
  } finally {
    if (open) await trx.rollback().execute().catch(() => {});
  }
  const files = dataFiles(dataDir);
  for (const [i, rel] of files.entries()) {
    const abs = path.join(dataDir, rel);
    const bytes = fs.statSync(abs).size;
    yield headerLine({ kind: 'file', path: rel, bytes, sha256: await sha256Of(abs) });
    for await (const chunk of fs.createReadStream(abs, { highWaterMark: FILE_CHUNK })) yield `${(chunk as Buffer).toString('base64')}\n`;
    end.files++;
    end.fileBytes += bytes;
    progress(i + 1, files.length, `file ${rel}`);
  }
  yield headerLine(end);
}

export async function writeBackup(database: Database, dataDir: string, file: string, progress: Progress = () => {}): Promise<BackupEnd> {
  const partial = `${file}.partial`;
  const end: BackupEnd = { kind: 'end', rows: {}, files: 0, fileBytes: 0 };
  try {
    await pipeline(Readable.from(lines(database, dataDir, end, progress), { objectMode: false }), zlib.createGzip({ level: 6 }), fs.createWriteStream(partial, { mode: 0o600 }));
    fs.renameSync(partial, file);
    return end;
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}
