// The soak's database: the demo census loaded by a first `pucha serve --demo` (PGlite in a
// temporary folder, or a fresh PostgreSQL database), then supplement sources in 乐清市 for the
// survey saves to fill, added while no server holds the folder (PGlite is one process).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/core/db/index.ts';
import { exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';
import { referencedFiles } from '../../src/domains/survey/submissions/rules.ts';
import { startServe, type BenchServer } from './serve.ts';

export const COUNTY = '330382';
export const SET = exampleEnterprise();
// The files the set names (G101-1's site photo): an attachment id belongs to one source, so each
// source gets its own ids (`<id>-<source>`), stored as rows beforehand as an upload would leave them.
const FILES = SET.forms.flatMap((f) => referencedFiles(f.form, f.version, f.answers));
export const ownIds = (body: string, sourceId: number) => FILES.reduce((b, f) => b.replaceAll(`"id":"${f.id}"`, `"id":"${f.id}-${sourceId}"`), body);

export interface SoakDatabase {
  kind: 'PGlite' | 'PostgreSQL';
  /** The PostgreSQL database's name (its backends are found by it). */
  dbName?: string;
  dataDir: string;
  env: Record<string, string>;
  open(): Promise<Database>;
  /** Bytes the data takes: PGlite's folder, or the PostgreSQL database plus the uploads folder. */
  size(): Promise<number>;
  /** Sources saved but not yet accounted by the emissions chore; PostgreSQL only while a server runs (PGlite is one process). */
  backlog(whileServing: boolean): Promise<number | undefined>;
  drop(): Promise<void>;
}

export async function createDatabase(databaseUrl: string | undefined, folderBytes: (d: string) => number): Promise<SoakDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-soak-'));
  if (!databaseUrl) {
    return {
      kind: 'PGlite', dataDir, env: { PUCHA_DATA_DIR: dataDir, DATABASE_URL: '' },
      open: () => openDatabase({ dataDir }),
      size: async () => folderBytes(dataDir),
      backlog: async (whileServing) => (whileServing ? undefined : countDirty(await openDatabase({ dataDir }))),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const dbName = 'pucha_bench_soak';
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = Object.assign(new URL(databaseUrl), { pathname: `/${dbName}` }).toString();
  let reader: Database | undefined;
  return {
    kind: 'PostgreSQL', dbName, dataDir, env: { PUCHA_DATA_DIR: dataDir, DATABASE_URL: url },
    open: () => openDatabase({ databaseUrl: url, dataDir: '' }),
    size: async () => Number((await admin.query('SELECT pg_database_size($1) AS n', [dbName])).rows[0].n) + folderBytes(dataDir),
    backlog: async () => countDirty((reader ??= await openDatabase({ databaseUrl: url, dataDir: '' })), false),
    drop: async () => {
      await reader?.close();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function countDirty(database: Database, close = true): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM accounting_dirty`.execute(database.db);
  if (close) await database.close();
  return r.rows[0].n;
}

/** Resolves when the server's job queue is empty twice in a row (the demo's matching, inventory and survey jobs). */
export async function jobsSettled(server: BenchServer, limitMs = 600_000): Promise<void> {
  const t0 = Date.now();
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() - t0 > limitMs) throw new Error('the demo jobs did not finish');
    await new Promise((r) => setTimeout(r, 1000));
    const text = await (await fetch(`${server.base}/metrics`)).text();
    const busy = [...text.matchAll(/^pucha_jobs\{status="(queued|running)"\} (\d+)$/gm)].reduce((n, m) => n + Number(m[2]), 0);
    quiet = busy === 0 ? quiet + 1 : 0;
  }
}

/** Loads the demo through a first `pucha serve --demo` and waits for its jobs. */
export async function loadDemo(db: SoakDatabase): Promise<void> {
  const s = await startServe(db.env, { args: ['--demo'] });
  await jobsSettled(s);
  await s.stop();
}

let added = 0;

/** Adds n supplement sources in the pilot county (the survey open there) with their attachment rows; answers their ids. */
export async function addSources(db: SoakDatabase, n: number): Promise<number[]> {
  const database = await db.open();
  try {
    await database.db.updateTable('regions').set({ pilot: true }).where('code', '=', COUNTY).execute();
    const names = Array.from({ length: n }, (_, i) => `乐清市耐久印染厂${added + i + 1}`);
    added += n;
    const ids: number[] = [];
    for (let i = 0; i < names.length; i += 5000) {
      const r = await sql<{ id: number }>`INSERT INTO sources (region_code, province_code, name, industry_code, category, origin)
        SELECT ${COUNTY}, left(${COUNTY}, 2) || '0000', n, '1713', 'industrial', 'supplement' FROM unnest(${names.slice(i, i + 5000)}::text[]) AS t(n) RETURNING id`.execute(database.db);
      ids.push(...r.rows.map((x) => Number(x.id)));
    }
    for (const f of FILES) {
      await sql`INSERT INTO submission_attachments (id, source_id, region_code, province_code, mime, bytes, sha256, name)
        SELECT ${f.id} || '-' || s, s, ${COUNTY}, '330000', ${f.type}, 4, ${'0'.repeat(64)}, ${f.name ?? null} FROM unnest(${ids}::bigint[]) AS t(s)`.execute(database.db);
    }
    return ids;
  } finally {
    await database.close();
  }
}
