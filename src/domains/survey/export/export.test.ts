// The submissions export (issue 11) through the API on both databases, over eleven forms the
// test saves: rows and columns as stored, keyset pages (a page of 3 here),
// the form's fields as columns, filters, a region outside the caller's scope refused, a
// respondent's own source only, XLSX sheets split at the (lowered) sheet size with the header
// repeated (on PostgreSQL the next sheet made ahead in a spool file: a valid ZIP, its rows in
// order, the file and its COPY gone when the download is abandoned), and an empty result a
// header-only file.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.ts';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import { openFilesUnder } from '../../../../test/helpers/open-files.ts';
import { zipEntries } from '../../../../test/helpers/zip.ts';
import { canCopyOut } from '../../../core/db/copy-out.ts';
import { SYSTEM } from '../../access/index.ts';
import { EXPORT_LIMITS, planExport, submissionsXlsx } from './export.ts';

const BASE_HEADER = ['id 填报编号', 'form 报表', 'sourceId 普查对象编号', 'creditCode 统一社会信用代码', 'sourceName 普查对象名称', 'regionCode 行政区划代码',
  'regionName 行政区划', 'status 状态', 'version 报表版本', 'submittedAt 提交时间', 'updatedAt 更新时间'];
const csvRows = (buf: Buffer) => parse(buf, { bom: true }) as string[][];

async function xlsxSheets(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { name: ws.name, rows };
  });
}

describe.each(databaseKinds())('the submissions export on %s', (kind) => {
  let t: TestApp;
  let county: Session;
  const saved = { ...EXPORT_LIMITS };
  type Stored = { id: string; form: string; source_id: number; status: string; answers: Record<string, unknown>; region_code: string };
  const stored = async (prefix: string, where = sql`true`) => (await sql<Stored>`SELECT id, form, source_id, status, answers, region_code FROM submissions
    WHERE region_code LIKE ${`${prefix}%`} AND ${where} ORDER BY seq`.execute(t.ctx.db)).rows;

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    county = await login(t.app, 'yueqing');
    const wenzhou = await login(t.app, 'wenzhou');
    // Forms of ten sources of 乐清市 and one of 瑞安市 (the region filter's other county), saved as
    // drafts through the API; then some moved on in the chain as a review would.
    const source = async (s: Session, regionCode: string, name: string, category: string, industryCode: string) => {
      const r = await call(t.app, s, 'POST', '/api/v1/sources', { regionCode, name, category, industryCode });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as number;
    };
    const save = async (s: Session, sourceId: number, form: string, answers: object) => {
      const r = await call(t.app, s, 'PUT', `/api/v1/submissions/${randomUUID()}`, { sourceId, form, version: 1, status: 'draft', baseRev: null, answers });
      expect(r.statusCode, r.body).toBe(201);
    };
    for (let i = 1; i <= 10; i++) {
      const name = `乐清市导出测试${i}号${i % 3 === 0 ? '养殖场' : '电器厂'}`;
      const region = i % 2 ? '330382001' : '330382002';
      if (i % 3 === 0) await save(county, await source(county, region, name, 'livestock', '0313'), 'N101-1', { farmName: name, houseArea: 100 * i, mainSpecies: 'pig' });
      else await save(county, await source(county, region, name, 'industrial', '3823'), 'G101-1', { unitName: name, legalRep: `法人${i}`, boilerCount: i, location: { lat: 28.05, lng: 120.96 } });
    }
    await save(wenzhou, await source(wenzhou, '330381', '瑞安市导出测试养殖场', 'livestock', '0313'), 'N101-1', { farmName: '瑞安市导出测试养殖场', houseArea: 1200 });
    await sql`UPDATE submissions SET status = 'approved', ready = true, review_level = 'city' WHERE form = 'G101-1' AND answers->>'boilerCount' IN ('1', '4', '7')`.execute(t.ctx.db);
    await sql`UPDATE submissions SET status = 'submitted', ready = true, review_level = 'county' WHERE form = 'N101-1' AND answers->>'houseArea' = '300'`.execute(t.ctx.db);
    // yq-respondent fills for the second source
    await sql`UPDATE users SET source_id = (SELECT source_id FROM submissions WHERE answers->>'legalRep' = '法人2') WHERE username = 'yq-respondent'`.execute(t.ctx.db);
  }, 120_000);
  afterEach(() => Object.assign(EXPORT_LIMITS, saved));
  afterAll(() => t?.close());

  it('gives every submission in scope in seq order, page after page, with the answers as JSON', async () => {
    EXPORT_LIMITS.pageRows = 3;
    const want = await stored('330382');
    expect(want.length).toBe(10);
    const res = await call(t.app, county, 'GET', '/api/v1/submissions/export.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('submissions.csv');
    const [header, ...rows] = csvRows(res.rawPayload);
    expect(header).toEqual([...BASE_HEADER, 'answers 填报内容 (JSON)']);
    expect(rows.map((r) => r[0])).toEqual(want.map((w) => w.id));
    for (const [i, r] of rows.entries()) {
      expect(r.slice(1, 3)).toEqual([want[i].form, String(want[i].source_id)]);
      expect(r[5]).toBe(want[i].region_code);
      expect(r[7]).toBe(want[i].status);
      expect(JSON.parse(r[11])).toEqual(want[i].answers);
    }
    const names = await sql<{ name: string }>`SELECT name FROM sources WHERE id = ${want[0].source_id}`.execute(t.ctx.db);
    expect(rows[0][4]).toBe(names.rows[0].name);
    expect(rows[0][6]).toBeTruthy(); // the region's name
    expect(rows[0][10]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('puts each field of the named form in a column, groups as JSON, and filters by status', async () => {
    const res = await call(t.app, county, 'GET', '/api/v1/submissions/export.csv?form=G101-1&status=approved');
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = csvRows(res.rawPayload);
    expect(header.slice(0, 11)).toEqual(BASE_HEADER);
    expect(header).toContain('unitName 单位详细名称');
    expect(header).toContain('creditCode 统一社会信用代码');
    const want = await stored('330382', sql`form = 'G101-1' AND status = 'approved'`);
    expect(rows.map((r) => r[0])).toEqual(want.map((w) => w.id));
    expect(want.length).toBeGreaterThan(0);
    const col = (code: string) => header.findIndex((h) => h.startsWith(`${code} `));
    expect(rows[0][col('unitName')]).toBe(want[0].answers.unitName);
    expect(want.map((w) => w.answers.boilerCount)).toEqual([1, 4, 7]);
    expect(rows.map((r) => r[col('boilerCount')])).toEqual(['1', '4', '7']);
    expect(rows[0][col('hasWasteGas')]).toBe(''); // unanswered
    expect(JSON.parse(rows[0][col('location')])).toEqual(want[0].answers.location);
    // status alone
    const drafts = csvRows((await call(t.app, county, 'GET', '/api/v1/submissions/export.csv?status=draft')).rawPayload).slice(1);
    expect(drafts.map((r) => r[0])).toEqual((await stored('330382', sql`status = 'draft'`)).map((w) => w.id));
  });

  it('filters by a region inside the scope and refuses one outside it', async () => {
    const wenzhou = await login(t.app, 'wenzhou');
    const all = csvRows((await call(t.app, wenzhou, 'GET', '/api/v1/submissions/export.csv')).rawPayload).slice(1);
    const ruian = csvRows((await call(t.app, wenzhou, 'GET', '/api/v1/submissions/export.csv?region=330381')).rawPayload).slice(1);
    expect(all.length).toBe((await stored('3303')).length);
    expect(ruian.map((r) => r[5])).toEqual(['330381']);
    expect(all.length).toBeGreaterThan(ruian.length);
    for (const f of ['csv', 'xlsx']) {
      const out = await call(t.app, county, 'GET', `/api/v1/submissions/export.${f}?region=330381`);
      expect([out.statusCode, out.json().error.code]).toEqual([403, 'USER_SCOPE_OUTSIDE']);
    }
    // 乐清市's own view never holds 瑞安市's form
    const mine = csvRows((await call(t.app, county, 'GET', '/api/v1/submissions/export.csv')).rawPayload).slice(1);
    expect(mine.every((r) => r[5].startsWith('330382'))).toBe(true);
    const unknown = await call(t.app, county, 'GET', '/api/v1/submissions/export.csv?form=G999');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'SURVEY_FORM_NOT_FOUND']);
  });

  it('gives a respondent its own source\'s forms only', async () => {
    const resp = await login(t.app, 'yq-respondent');
    const own = (await t.ctx.db.selectFrom('users').select('source_id').where('username', '=', 'yq-respondent').executeTakeFirstOrThrow()).source_id;
    const rows = csvRows((await call(t.app, resp, 'GET', '/api/v1/submissions/export.csv')).rawPayload).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set([String(own)]));
  });

  it('starts a new XLSX sheet every sheetRows rows, the header on each, all rows in order', async () => {
    EXPORT_LIMITS.sheetRows = 4;
    EXPORT_LIMITS.chunkRows = 3; // on PostgreSQL, a sheet's rows from two COPYs joined
    EXPORT_LIMITS.pageRows = 3;
    const want = await stored('330382');
    const res = await call(t.app, county, 'GET', '/api/v1/submissions/export.xlsx');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const entries = zipEntries(res.rawPayload); // every CRC and size, the spooled sheets' too
    expect([...entries.keys()].filter((n) => n.startsWith('xl/worksheets/'))).toHaveLength(Math.ceil(want.length / 4));
    const sheets = await xlsxSheets(res.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual(Array.from({ length: Math.ceil(want.length / 4) }, (_, i) => `填报 ${i + 1}`));
    for (const s of sheets) {
      expect(s.rows[0]).toEqual([...BASE_HEADER, 'answers 填报内容 (JSON)']);
      expect(s.rows.length).toBeLessThanOrEqual(5);
    }
    const data = sheets.flatMap((s) => s.rows.slice(1));
    expect(data.map((r) => r[0])).toEqual(want.map((w) => w.id));
    expect(data[0][2]).toBe(want[0].source_id); // a number stays a number
    expect(JSON.parse(String(data[0][11]))).toEqual(want[0].answers);
  });

  it.runIf(kind === 'postgres')('makes the next sheet ahead in a spool file, and frees it and ends every COPY when the download is abandoned', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-export-spool-'));
    Object.assign(EXPORT_LIMITS, { sheetRows: 3, spoolDir: dir });
    const spools = () => openFilesUnder(dir); // a spool file is unlinked as soon as it is opened
    const copies = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND query LIKE 'COPY (%' AND pid <> pg_backend_pid()`.execute(t.ctx.db)).rows[0].n;
    const until = async (what: string, ok: () => boolean | Promise<boolean>) => {
      for (let i = 0; !(await ok()); i++) {
        if (i === 250) throw new Error(`waited 5 s for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // Both COPYs read the regions, held locked here: the download cannot end before it is abandoned.
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const held = t.ctx.db.transaction().execute(async (trx) => {
      await sql`LOCK TABLE regions IN ACCESS EXCLUSIVE MODE`.execute(trx);
      locked();
      await new Promise<void>((r) => (release = r));
    });
    try {
      await isLocked;
      const file = submissionsXlsx(t.ctx.db, SYSTEM, planExport(SYSTEM, { region: '330382' }));
      file.on('error', () => {});
      await new Promise((r) => file.once('data', r)); // the first sheet's start has been sent
      await until('the spool file and two COPYs', async () => spools().length === 1 && (await copies()) === 2);
      expect(spools()[0]).toMatch(/pucha-xlsx-[^/]* \(deleted\)$/);
      expect(fs.readdirSync(dir)).toEqual([]);
      file.destroy(); // as the server does when the client goes away
      await until('the spool file closed and the COPYs cancelled', async () => spools().length === 0 && (await copies()) === 0);
    } finally {
      release?.();
      await held;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes through the server\'s COPY exactly the rows the page writer writes, awkward text included', async () => {
    // the server path is the one taken on PostgreSQL; the embedded database has only the page writer
    expect(canCopyOut(t.ctx.db)).toBe(kind === 'postgres');
    const [one] = await stored('330382', sql`form = 'G101-1'`);
    const awkward = { unitName: ' =HYPERLINK("x") 前后空格 ', legalRep: '第一行\n第二行 & <b>"引号",逗号\r', address: 'a\u0001b\uFFFEc', boilerCount: 2.5, hasWasteGas: false, location: { lat: 28.05, lng: 120.96 }, creditCode: '' };
    await sql`UPDATE submissions SET answers = ${JSON.stringify(awkward)}::jsonb WHERE id = ${one.id}`.execute(t.ctx.db);
    await sql`UPDATE sources SET name = ${'＝SUM(A1) "厂" & <co>'} WHERE id = ${one.source_id}`.execute(t.ctx.db);
    Object.assign(EXPORT_LIMITS, { sheetRows: 3, chunkRows: 2 });
    // JSON objects are the same JSON, not the same text (PostgreSQL spaces them); all else is equal
    const norm = (v: unknown) => (typeof v === 'string' && v.startsWith('{') ? JSON.parse(v) : v);
    const both = async (url: string) => {
      const get = async (copy: boolean) => {
        EXPORT_LIMITS.serverCopy = copy;
        const res = await call(t.app, county, 'GET', url);
        expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
        return url.includes('.csv') ? [{ name: 'csv', rows: csvRows(res.rawPayload) }] : xlsxSheets(res.rawPayload);
      };
      const [server, pages] = [await get(true), await get(false)];
      const shape = (sheets: { name: string; rows: unknown[][] }[]) => sheets.map((x) => ({ name: x.name, rows: x.rows.map((r) => r.map(norm)) }));
      expect(shape(server)).toEqual(shape(pages));
      return server;
    };
    const csv = await both('/api/v1/submissions/export.csv?form=G101-1');
    const header = csv[0].rows[0];
    const row = csv[0].rows.find((r) => r[0] === one.id)!;
    const col = (code: string) => header.findIndex((h) => String(h).startsWith(`${code} `));
    expect(row[col('unitName')]).toBe(`' =HYPERLINK("x") 前后空格 `.slice(1)); // a leading space is not a formula
    expect(row[col('legalRep')]).toBe(awkward.legalRep);
    expect(row[4]).toBe(`'＝SUM(A1) "厂" & <co>`); // neutralised
    expect(row[col('creditCode')]).toBe('');
    const sheets = await both('/api/v1/submissions/export.xlsx?form=G101-1');
    expect(sheets.length).toBeGreaterThan(1);
    const cell = sheets.flatMap((x) => x.rows).find((r) => r[0] === one.id)!;
    expect([cell[col('unitName')], cell[col('legalRep')], cell[col('address')], cell[col('boilerCount')], cell[col('hasWasteGas')], cell[4]])
      .toEqual([awkward.unitName, awkward.legalRep, 'abc', 2.5, false, '＝SUM(A1) "厂" & <co>']);
    await both('/api/v1/submissions/export.csv');
    await both('/api/v1/submissions/export.xlsx');
  });

  it('answers a header-only file when nothing matches', async () => {
    const csv = await call(t.app, county, 'GET', '/api/v1/submissions/export.csv?form=Y102');
    const [header, ...rest] = csvRows(csv.rawPayload);
    expect(rest).toEqual([]);
    expect(header.slice(0, 11)).toEqual(BASE_HEADER);
    expect(header).toEqual(expect.arrayContaining(['owner 所属企业类型', 'tanks 储罐', 'sales 年销售量']));
    const xlsx = await call(t.app, county, 'GET', '/api/v1/submissions/export.xlsx?status=draft&region=330382999');
    const sheets = await xlsxSheets(xlsx.rawPayload);
    expect(sheets).toHaveLength(1);
    expect(sheets[0].rows).toEqual([[...BASE_HEADER, 'answers 填报内容 (JSON)']]);
  });
});
