// `pucha export submissions` as a user runs it, a process over a copy of the test database with
// a small national census's forms (no server running: the CLI opens the database itself): the
// CSV with every row, the XLSX of one form with its fields as columns, the progress line's count.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db/index.ts';
import { PG_TEMPLATE_DB, TEMPLATE_DIR, databaseKinds, serverUrl } from '../../test/helpers/databases.ts';
import { insertSources } from '../domains/demo/national.sql.ts';
import { insertSubmissions } from '../domains/demo/national-survey.sql.ts';
import { CsvRowCounter } from './export-commands.ts';

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/pucha.js', ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

it('counts CSV records, not line ends inside quoted fields', () => {
  const c = new CsvRowCounter();
  c.write(Buffer.from('a,b\r\n"x\r\ny",1\r\n"say ""hi""",2\r\n'));
  expect(c.rows).toBe(3);
});

describe.each(databaseKinds())('pucha export submissions on %s', (kind) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-cli-export-'));
  const env: NodeJS.ProcessEnv = {};
  let drop = async () => {};

  beforeAll(async () => {
    if (kind === 'pglite') {
      const data = path.join(dir, 'data');
      fs.cpSync(TEMPLATE_DIR, data, { recursive: true });
      env.PUCHA_DATA_DIR = data;
      env.DATABASE_URL = '';
    } else {
      const name = `pucha_t_cli_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
      await admin.end();
      env.DATABASE_URL = serverUrl(name);
      drop = async () => {
        const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
    }
    const d = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, dataDir: '' } : { dataDir: env.PUCHA_DATA_DIR!, skipLock: true });
    await insertSources(d.db, [{ province: '330000', category: 'industrial', count: 7 }, { province: '440000', category: 'livestock', count: 5 }] as Parameters<typeof insertSources>[1]);
    await insertSubmissions(d.db, 0);
    await d.close();
  }, 120_000);
  afterAll(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes every submission as CSV and says how many rows, at what rate', async () => {
    const out = path.join(dir, 'all.csv');
    const r = await run(['export', 'submissions', '--format', 'csv', '--out', out], env);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/wrote 12 rows \(\d+ bytes\) to .*all\.csv in [\d.]+ s, \d+ rows\/s/);
    const rows = parse(fs.readFileSync(out), { bom: true }) as string[][];
    expect(rows).toHaveLength(13);
    expect(rows[0].at(-1)).toBe('answers 填报内容 (JSON)');
    expect(new Set(rows.slice(1).map((x) => x[1]))).toEqual(new Set(['G101-1', 'N101-1']));
  }, 120_000);

  it('writes one form as XLSX, its fields as columns, filtered by region', async () => {
    const out = path.join(dir, 'n101.xlsx');
    const r = await run(['export', 'submissions', '--format', 'xlsx', '--out', out, '--form', 'N101-1', '--region', '440000', '--status', 'approved'], env);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/wrote 5 rows/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(6);
    const farm = rows[0].indexOf('farmName 养殖场名称');
    expect(farm).toBeGreaterThan(10);
    expect(String(rows[1][farm])).toMatch(/^合成普查对象440000-livestock-/);
    const bad = await run(['export', 'submissions', '--format', 'pdf', '--out', out], env);
    expect([bad.code, bad.out]).toEqual([1, expect.stringContaining('cannot export submissions as pdf')]);
  }, 120_000);
});
