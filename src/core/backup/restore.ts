// `pucha restore FILE`: the backup's tables into this database and its files into the data folder.
// The database part is one transaction: foreign keys are set aside, every table emptied and filled
// from the backup's rows (PostgreSQL parses its own row_to_json text back), sequences set where
// they stood, and the keys put back, which checks every reference. A backup that ends early, a
// file whose bytes do not match, or a count that differs rolls it all back. Files are staged in a
// temporary folder and moved into place only after the commit. A backup from an older Pucha is
// restored at its own schema version and migrated forward afterwards.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Database, Tx } from '../db/index.ts';
import { listMigrations, migrate } from '../db/migrate.ts';
import { AppError } from '../errors.ts';
import { foreignKeys, quoteIdent, tables, type TableInfo } from './catalogue.ts';
import { dataFiles, type Progress } from './dump.ts';
import { FORMAT, backedUp, type BackupEnd, type BackupMeta, type FileHeader, type Header } from './format.ts';

const BATCH_BYTES = 2 * 1024 * 1024;

export interface RestoreOptions {
  /** Replace a database that already holds data. */
  replace?: boolean;
}

/** The backup's lines; a damaged or cut gzip ends them where it breaks (the missing end header tells). */
async function* lines(file: string): AsyncGenerator<string> {
  const gunzip = zlib.createGunzip();
  fs.createReadStream(file).on('error', (e) => gunzip.destroy(e)).pipe(gunzip);
  const rl = readline.createInterface({ input: gunzip, crlfDelay: Infinity });
  const ignore = () => {};
  gunzip.on('error', ignore);
  rl.on('error', ignore);
  try {
    for await (const line of rl) yield line;
  } catch {
    /* ended early */
  } finally {
    rl.close();
    gunzip.destroy();
  }
}

async function readMeta(file: string): Promise<BackupMeta> {
  let meta: unknown;
  try {
    for await (const line of lines(file)) {
      meta = line.startsWith('@') ? JSON.parse(line.slice(1)) : null;
      break;
    }
  } catch {
    meta = null;
  }
  const m = meta as BackupMeta | null;
  if (!m || m.kind !== 'meta' || m.format !== FORMAT) throw new AppError('BACKUP_NOT_A_BACKUP');
  return m;
}

export async function restoreBackup(database: Database, dataDir: string, file: string, opts: RestoreOptions = {}, progress: Progress = () => {}): Promise<BackupEnd> {
  const meta = await readMeta(file);
  const known = new Set(listMigrations().map((m) => m.version));
  const unknown = meta.migrations.find((v) => !known.has(v));
  if (unknown !== undefined) throw new AppError('BACKUP_NEWER', { version: unknown });
  const upTo = Math.max(0, ...meta.migrations);
  await migrate(database.db, undefined, upTo);
  const have = await sql<{ version: number }>`SELECT version FROM schema_migrations WHERE version > ${upTo} LIMIT 1`.execute(database.db);
  if (have.rows.length) throw new AppError('BACKUP_TARGET_NOT_EMPTY');
  if (!opts.replace) {
    const users = await sql<{ n: string }>`SELECT count(*) AS n FROM users`.execute(database.db);
    if (Number(users.rows[0].n) > 0) throw new AppError('BACKUP_TARGET_NOT_EMPTY');
  }

  const staging = path.join(dataDir, `.restore-${randomBytes(6).toString('hex')}`);
  fs.mkdirSync(staging, { recursive: true });
  let end: BackupEnd | undefined;
  const staged: string[] = [];
  try {
    await database.db.transaction().execute(async (trx) => {
      const list = new Map((await tables(trx)).map((t) => [t.name, t]));
      const keys = await foreignKeys(trx);
      for (const k of keys) await sql.raw(`ALTER TABLE ${quoteIdent(k.table)} DROP CONSTRAINT ${quoteIdent(k.name)}`).execute(trx);
      await sql.raw(`TRUNCATE ${[...list.keys()].map(quoteIdent).join(', ')} RESTART IDENTITY`).execute(trx);
      // The rows come back as they were, kept counts with them (inventory_counts): no trigger may move them again.
      for (const name of list.keys()) await sql.raw(`ALTER TABLE ${quoteIdent(name)} DISABLE TRIGGER USER`).execute(trx);

      const rows: Record<string, number> = {};
      let table: { info: TableInfo; columns: string[] } | null = null;
      let batch: string[] = [];
      let batchBytes = 0;
      let fileOut: { header: FileHeader; fd: number; hash: ReturnType<typeof createHash>; bytes: number } | null = null;
      let loaded = 0;
      // One batch is inserted while the next is read and parsed (the two took turns before, each
      // waiting on the other: 16 k rows/s at national size); never more than these two in memory.
      let inflight: Promise<void> | null = null;
      const drain = async () => {
        const p = inflight;
        inflight = null;
        await p;
      };
      const flush = async () => {
        if (!table || !batch.length) return;
        const name = table.info.name;
        const cols = table.columns.map(quoteIdent).join(', ');
        const payload = `[${batch.join(',')}]`;
        const n = batch.length;
        batch = [];
        batchBytes = 0;
        await drain();
        inflight = sql`${sql.raw(`INSERT INTO ${quoteIdent(name)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${quoteIdent(name)}, `)}${payload}::json)`
          .execute(trx)
          .then(() => {
            rows[name] = (rows[name] ?? 0) + n;
            loaded += n;
            progress(loaded, meta.rowsTotal ?? null, `${name} ${rows[name]}`);
          });
        inflight.catch(() => {}); // seen by the next drain; an error stops the loop there
      };
      const closeFile = () => {
        if (!fileOut) return;
        fs.closeSync(fileOut.fd);
        if (fileOut.bytes !== fileOut.header.bytes || fileOut.hash.digest('hex') !== fileOut.header.sha256) throw new AppError('BACKUP_TRUNCATED', { detail: `file ${fileOut.header.path}` });
        staged.push(fileOut.header.path);
        fileOut = null;
      };

      let first = true;
      for await (const line of lines(file)) {
        if (first) {
          first = false;
          continue; // the meta header, read above
        }
        if (!line.startsWith('@')) {
          if (fileOut) {
            const b = Buffer.from(line, 'base64');
            fs.writeSync(fileOut.fd, b);
            fileOut.hash.update(b);
            fileOut.bytes += b.length;
          } else if (table) {
            batch.push(line);
            batchBytes += line.length;
            if (batchBytes >= BATCH_BYTES) await flush();
          } else throw new AppError('BACKUP_NOT_A_BACKUP');
          continue;
        }
        await flush();
        await drain();
        closeFile();
        const h = parseHeader(line);
        if (h.kind === 'table') {
          const info = list.get(h.name);
          const missing = h.columns.filter((c) => !info?.columns.includes(c));
          if (!info || missing.length) throw new AppError('BACKUP_NOT_A_BACKUP');
          table = { info, columns: h.columns };
        } else if (h.kind === 'file') {
          table = null;
          const rel = path.normalize(h.path);
          // A crafted backup must not write outside the data folder.
          if (path.isAbsolute(rel) || rel.startsWith('..') || !backedUp(rel.split(path.sep).join('/'))) throw new AppError('BACKUP_NOT_A_BACKUP');
          const target = path.join(staging, rel);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fileOut = { header: { ...h, path: rel }, fd: fs.openSync(target, 'w', 0o600), hash: createHash('sha256'), bytes: 0 };
        } else if (h.kind === 'end') {
          end = h;
          break;
        } else throw new AppError('BACKUP_NOT_A_BACKUP');
      }
      await drain();
      if (!end) throw new AppError('BACKUP_TRUNCATED', { detail: 'no end' });
      for (const [name, n] of Object.entries(end.rows)) if ((rows[name] ?? 0) !== n) throw new AppError('BACKUP_TRUNCATED', { detail: `${name}: ${rows[name] ?? 0} of ${n} rows` });
      if (staged.length !== end.files) throw new AppError('BACKUP_TRUNCATED', { detail: `${staged.length} of ${end.files} files` });
      for (const s of meta.sequences) await sql`SELECT setval(${s.name}::regclass, ${s.value}::bigint, ${s.called})`.execute(trx);
      await restoreKeys(trx, keys);
      for (const name of list.keys()) await sql.raw(`ALTER TABLE ${quoteIdent(name)} ENABLE TRIGGER USER`).execute(trx);
    });
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  // The database holds the backup: the files follow, and what the backup does not hold goes.
  const keep = new Set(staged.map((p) => p.split(path.sep).join('/')));
  for (const rel of dataFiles(dataDir)) if (!keep.has(rel)) fs.rmSync(path.join(dataDir, rel), { force: true });
  for (const rel of staged) {
    const to = path.join(dataDir, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.renameSync(path.join(staging, rel), to);
  }
  fs.rmSync(staging, { recursive: true, force: true });
  await migrate(database.db);
  return end!;
}

async function restoreKeys(trx: Tx, keys: { table: string; name: string; definition: string }[]) {
  for (const k of keys) await sql.raw(`ALTER TABLE ${quoteIdent(k.table)} ADD CONSTRAINT ${quoteIdent(k.name)} ${k.definition}`).execute(trx);
}

/** A header line; one that does not parse is where the backup was cut or damaged. */
function parseHeader(line: string): Header {
  try {
    return JSON.parse(line.slice(1)) as Header;
  } catch {
    throw new AppError('BACKUP_TRUNCATED', { detail: `a damaged header: ${line.slice(0, 40)}` });
  }
}
