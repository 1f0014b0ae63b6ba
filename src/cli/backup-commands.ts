// `pucha backup FILE`, `pucha restore FILE`, `pucha migrate --from-embedded DIR` and `pucha citus-plan`: straight on
// the database (not through the API), so they work with no server running. An embedded folder is
// locked by its server: these refuse while it runs. On PostgreSQL a backup is taken while the
// servers serve (one repeatable-read snapshot); a restore wants them stopped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../core/db/index.ts';
import { readLiveLock } from '../core/db/pglite.ts';
import { writeBackup } from '../core/backup/dump.ts';
import { restoreBackup } from '../core/backup/restore.ts';
import { checkPlacement, citusPlan } from '../core/db/distribution.ts';
import { readCatalogue } from '../core/db/distribution.sql.ts';
import type { BackupEnd } from '../core/backup/format.ts';
import { ProgressBar } from './progress.ts';
import { CliError } from './cli-error.ts';

type Say = (l: string) => void;

async function withDatabase<T>(say: Say, opts: { databaseUrl?: string; dataDir: string }, fn: (d: Database) => Promise<T>): Promise<T> {
  const holder = opts.databaseUrl ? undefined : readLiveLock(opts.dataDir);
  if (holder) throw new CliError(`the server (pid ${holder.pid}) holds ${opts.dataDir}; stop it first (pucha backup reads the embedded database directly)`);
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const summary = (e: BackupEnd) => `${Object.values(e.rows).reduce((a, b) => a + b, 0)} rows in ${Object.keys(e.rows).length} tables, ${e.files} files (${(e.fileBytes / 1048576).toFixed(1)} MB)`;

export function registerBackupCommands(program: Command, say: Say) {
  program
    .command('citus-plan')
    .description('print the SQL that places every table on a Citus cluster (distributed by province_code, reference, coordinator), and what keeps a table from it yet')
    .action(async () => {
      const config = loadConfig();
      await withDatabase(say, config, async (d) => {
        const cat = await readCatalogue(d.db);
        for (const line of citusPlan(cat)) say(line);
        const breaks = checkPlacement(cat);
        if (breaks.length) say(`-- not yet ready (${breaks.length}): ` + breaks.map((b) => `${b.table}: ${b.detail}`).join('\n--   '));
      });
    });
  program
    .command('backup')
    .description('write every table and every stored file to FILE (gzip); the embedded database wants its server stopped, PostgreSQL does not')
    .argument('<file>', 'the backup file to write')
    .action(async (file: string) => {
      const config = loadConfig();
      await withDatabase(say, config, async (d) => {
        const bar = new ProgressBar();
        const end = await writeBackup(d, config.dataDir, path.resolve(file), (done, total, m) => bar.update(done, total, m));
        bar.end(`backup written to ${file}: ${summary(end)}`);
      });
    });

  program
    .command('restore')
    .description('restore FILE into this database and data folder (empty, or --replace); stop the servers first')
    .argument('<file>', 'a file written by pucha backup')
    .option('--replace', 'replace a database that already holds data')
    .action(async (file: string, o: { replace?: boolean }) => {
      const config = loadConfig();
      await withDatabase(say, config, async (d) => {
        const bar = new ProgressBar();
        const end = await restoreBackup(d, config.dataDir, path.resolve(file), { replace: o.replace }, (done, total, m) => bar.update(done, total, m));
        bar.end(`restored from ${file}: ${summary(end)}`);
      });
    });
}

/** `pucha migrate --from-embedded DIR`: a county's embedded database and files into the PostgreSQL server of DATABASE_URL. */
export async function migrateFromEmbedded(dir: string, say: Say, opts: { replace?: boolean } = {}) {
  const config = loadConfig();
  if (!config.databaseUrl) throw new CliError('set DATABASE_URL to the PostgreSQL server to move the embedded database into');
  const from = path.resolve(dir);
  if (!fs.existsSync(path.join(from, 'pgdata'))) throw new CliError(`${from} holds no embedded database (no pgdata folder)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-move-'));
  const file = path.join(tmp, 'embedded.pucha-backup');
  try {
    const bar = new ProgressBar();
    await withDatabase(say, { dataDir: from }, (d) => writeBackup(d, from, file, (done, total, m) => bar.update(done, total, `read ${m}`)));
    const end = await withDatabase(say, config, (d) => restoreBackup(d, config.dataDir, file, opts, (done, total, m) => bar.update(done, total, `write ${m}`)));
    bar.end(`moved ${from} into the server: ${summary(end)}; files in ${config.dataDir}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
