// Issue 12: formula text (= + - @) put into what people write — a source's name and address, a
// register's cells and file name, survey answers, a dispatch's title — and into data names (a
// township's, a results dataset's), then every export downloaded through the API and parsed:
// no cell begins with a formula character unless it is apostrophe-prefixed (CSV) or a text cell
// formatted as text (XLSX), and each value is otherwise intact. The exports are read from the
// router, so a new one fails here until it is added to EXPORTS.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { upload } from '../helpers/multipart.ts';
import { seedArticle } from '../helpers/portal-seed.ts';
import { CODES, csv, sendRegister } from '../helpers/registers.ts';
import { uploadReferenced } from '../helpers/survey-attachments.ts';
import { exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';
import { buildFixtures, requestRoute, routeKey } from './route-fixtures.ts';

const F = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', "=cmd|' /C calc'!A0"] as const;
const WIDE = '＝1+1'; // a full-width equals sign, which Chinese input methods turn into a formula
const FIRST = /^[=+\-@\t\r＝＋－＠]/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const TOWNSHIP = '330382001';

type Sheet = { sheet: string; ref: string; text: string; type: ExcelJS.ValueType; numFmt?: string }[];

/** Every cell of every sheet (hidden ones too), with its type and number format. */
async function xlsxCells(buf: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: Sheet = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => {
      out.push({ sheet: ws.name, ref: c.address, text: typeof c.value === 'string' ? c.value : String(c.text ?? ''), type: c.type, numFmt: c.numFmt });
    }));
  }
  return out;
}

/** Fails on a formula cell, or on formula-like text not typed as text; gives the text cells. */
function checkXlsx(cells: Sheet, label: string): string[] {
  for (const c of cells) {
    const where = `${label} ${c.sheet}!${c.ref} ${JSON.stringify(c.text)}`;
    expect(c.type, where).not.toBe(ExcelJS.ValueType.Formula);
    if (c.type === ExcelJS.ValueType.String && FIRST.test(c.text)) expect(c.numFmt, `${where} is formula-like but not text`).toBe('@');
  }
  return cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.text);
}

/** Fails on a field starting with a formula character (a plain number aside); gives the fields. */
function checkCsv(buf: Buffer, label: string): string[] {
  const rows = parse(buf, { bom: true, relax_column_count: true }) as string[][];
  expect(rows.length, label).toBeGreaterThan(1);
  const fields = rows.flat();
  for (const f of fields) if (FIRST.test(f)) expect(f, `${label}: a field starts like a formula`).toMatch(NUMBER);
  return fields;
}

interface Export {
  /** The route as the router lists it. */
  route: string;
  url: () => string;
  as: 'county' | 'nation' | null;
  /** The formula text this export must carry, intact. */
  carries: readonly string[];
}

describe.each(databaseKinds())('formulas neutralised in every export on %s', (kind) => {
  let t: TestApp;
  let county: Session;
  let nation: Session;
  let sourceA = 0;
  let registerId = 0;
  let dispatchId = 0;
  const submission = randomUUID();
  const ok = (r: { statusCode: number; body: string }, status = 200) => expect(r.statusCode, r.body.slice(0, 300)).toBe(status);

  const EXPORTS: Export[] = [
    { route: 'GET /api/v1/sources/export.csv', url: () => '/api/v1/sources/export.csv?region=330382', as: 'county', carries: [...F, WIDE] },
    { route: 'GET /api/v1/sources/export.xlsx', url: () => '/api/v1/sources/export.xlsx?region=330382', as: 'county', carries: [...F, WIDE] },
    { route: 'GET /api/v1/directory/links.csv', url: () => '/api/v1/directory/links.csv', as: 'county', carries: ['@SUM(A1).csv'] },
    { route: 'GET /api/v1/registers/:id/errors.xlsx', url: () => `/api/v1/registers/${registerId}/errors.xlsx`, as: 'county', carries: [F[0], F[1], F[4]] },
    { route: 'GET /api/v1/forms/:code/template.xlsx', url: () => `/api/v1/forms/G101-1/template.xlsx?sourceId=${sourceA}`, as: 'county', carries: F },
    { route: 'GET /api/v1/submissions/export.csv', url: () => '/api/v1/submissions/export.csv?form=G101-1', as: 'county', carries: F },
    { route: 'GET /api/v1/submissions/export.xlsx', url: () => '/api/v1/submissions/export.xlsx?form=G101-1', as: 'county', carries: F },
    { route: 'GET /api/v1/accounting/totals.xlsx', url: () => '/api/v1/accounting/totals.xlsx?region=330382', as: 'county', carries: [F[1]] },
    { route: 'GET /api/v1/supervision/dispatches/:id/xlsx', url: () => `/api/v1/supervision/dispatches/${dispatchId}/xlsx`, as: 'nation', carries: [F[0]] },
    { route: 'GET /api/v1/users/import-template', url: () => '/api/v1/users/import-template', as: 'county', carries: [] },
    { route: 'GET /results/:slug/data.csv', url: () => '/results/formula-figures/data.csv', as: null, carries: [F[2]] },
    { route: 'GET /results/:slug/data.xlsx', url: () => '/results/formula-figures/data.xlsx', as: null, carries: [F[2]] },
    { route: 'GET /en/results/:slug/data.csv', url: () => '/en/results/formula-figures/data.csv', as: null, carries: [F[3]] },
    { route: 'GET /en/results/:slug/data.xlsx', url: () => '/en/results/formula-figures/data.xlsx', as: null, carries: [F[3]] },
  ];
  // Files people uploaded, served back byte for byte: not exports Pucha writes.
  const UPLOADED = new Set(['GET /api/v1/supervision/files/:id', 'GET /api/v1/attachments/:id', 'GET /api/v1/radioactive/files/:id']);

  beforeAll(async () => {
    t = await startTestApp(kind);
    county = await login(t.app, 'yueqing');
    nation = await login(t.app, 'nation');

    // Directory: two sources supplemented by hand.
    const a = await call(t.app, county, 'POST', '/api/v1/sources', { regionCode: TOWNSHIP, name: F[0], address: F[1], legalRep: F[2], phone: F[3], category: 'industrial', industryCode: '3823' });
    ok(a, 201);
    sourceA = a.json().id;
    ok(await call(t.app, county, 'POST', '/api/v1/sources', { regionCode: TOWNSHIP, name: F[4], address: WIDE }), 201);

    // A register named like a formula, with a valid row and rows whose bad cells are formulas.
    const file = csv([
      ['统一社会信用代码', '单位名称', '行政区划代码'],
      [CODES[0], '乐清市公式测试电气有限公司', '330382'],
      [F[0], '乐清市公式测试甲厂', '330382'],
      [CODES[1], F[4], F[1]],
      [F[4], '乐清市公式测试乙厂', '330382'],
    ]);
    const reg = await sendRegister(t.app, county, file, '@SUM(A1).csv');
    ok(reg, 202);
    await t.ctx.jobs.drain();
    registerId = reg.json().register.id;
    expect((await call(t.app, county, 'GET', `/api/v1/registers/${registerId}`)).json().status).toBe('imported');

    // Survey answers: the unit's text fields of G101-1, saved as a draft.
    const g101 = exampleEnterprise().forms.find((f) => f.form === 'G101-1')!;
    await uploadReferenced(t.app, county, sourceA, [g101]);
    const answers = { ...(g101.answers as Record<string, unknown>) };
    Object.assign(answers, { unitName: F[0], legalRep: F[1], address: F[2], contactName: F[3], inPark: true, parkName: F[4] });
    ok(await call(t.app, county, 'PUT', `/api/v1/submissions/${submission}`, { sourceId: sourceA, form: 'G101-1', version: 1, answers, status: 'draft', baseRev: null }), 201);

    // A dispatch titled like a formula.
    const d = await call(t.app, nation, 'POST', '/api/v1/supervision/dispatches', { kind: 'biweekly', asOf: '2018-04-20' });
    ok(d, 201);
    dispatchId = d.json().id;
    ok(await call(t.app, nation, 'PATCH', `/api/v1/supervision/dispatches/${dispatchId}`, { title: F[0], version: d.json().version }));

    // Data names no API edits: a township's (a child in the county's totals) and a results dataset's.
    // Totals with the township as a child: a source's G106-2 (COD 100,000 t × 50 mg/L) submitted and settled.
    const c = await call(t.app, county, 'POST', '/api/v1/sources', { regionCode: TOWNSHIP, name: '乐清市公式汇总测试厂', category: 'industrial', industryCode: '3360' });
    ok(c, 201);
    const { rows: _rows, ...ident } = exampleEnterprise().forms.find((f) => f.form === 'G106-1')!.answers as Record<string, unknown>;
    ok(await call(t.app, await login(t.app, 'yq-instructor'), 'PUT', `/api/v1/submissions/${randomUUID()}`, {
      sourceId: c.json().id, form: 'G106-2', version: 1, explanations: {}, status: 'submitted', baseRev: null,
      answers: { ...ident, outlets: [{ outletCode: 'DW001', monitoringKind: 'manual', annualFlow: 100000, results: [{ pollutant: 'COD', concentration: 50 }] }] },
    }), 201);
    await t.ctx.jobs.drain();
    await t.ctx.db.updateTable('regions').set({ name: F[1] }).where('code', '=', TOWNSHIP).execute();
    const figures = {
      asOf: '2019-12-20T02:00:00.000Z', region: { code: '100000', name: '全国' },
      pollutants: [{ code: 'COD', name: '化学需氧量', nameEn: 'COD', unit: 't' }],
      categories: [{ code: 'industrial', name: '工业源', nameEn: 'Industrial sources' }],
      total: { COD: -1.5 }, byCategory: { industrial: { COD: -1.5 } },
      byProvince: [{ code: '320000', name: F[2], nameEn: F[3], values: { COD: 2 } }],
    };
    const ds = await sql<{ id: number }>`INSERT INTO portal_datasets (title_zh, title_en, region_code, figures) VALUES (${F[0]}, ${F[0]}, '100000', ${JSON.stringify(figures)}::jsonb) RETURNING id`.execute(t.ctx.db);
    for (const lang of ['zh', 'en'] as const) await seedArticle(t.ctx.db, { section: 'results', slug: 'formula-figures', lang, title: F[0], datasetId: Number(ds.rows[0].id) });
  });
  afterAll(() => t?.close());

  it('covers every route that answers a spreadsheet or CSV', async () => {
    const listed = new Set(EXPORTS.map((e) => e.route));
    const gets = t.app.routeTable.filter((r) => r.method === 'GET');
    for (const r of gets) {
      if (/\.(csv|xlsx)$|\/(csv|xlsx)$|template/.test(r.url) && !UPLOADED.has(routeKey(r))) {
        expect(listed.has(routeKey(r)), `${routeKey(r)} looks like an export: add it to EXPORTS`).toBe(true);
      }
    }
    // And by what they answer: every API route called once by the national office on its fixtures.
    const fx = await buildFixtures(t);
    let called = 0;
    for (const r of gets.filter((x) => x.url.startsWith('/api/') && !listed.has(routeKey(x)) && !UPLOADED.has(routeKey(x)))) {
      const res = await requestRoute(t, fx, r, nation, 'own');
      const type = String(res.headers['content-type'] ?? '');
      expect(/spreadsheetml|ms-excel|text\/csv|opendocument\.spreadsheet/.test(type), `${routeKey(r)} answers ${type}: add it to EXPORTS`).toBe(false);
      called++;
    }
    expect(called).toBeGreaterThan(50);
    for (const e of listed) expect(gets.some((r) => routeKey(r) === e), `${e} is no route any more`).toBe(true);
  });

  it.each(EXPORTS.map((e) => [e.route, e] as const))('%s carries formula text harmlessly and intact', async (_route, e) => {
    const s = e.as === 'county' ? county : e.as === 'nation' ? nation : null;
    const res = await call(t.app, s, 'GET', e.url());
    ok(res);
    const type = String(res.headers['content-type']);
    const label = `${e.route} (${e.url()})`;
    if (type.startsWith('text/csv')) {
      const fields = checkCsv(res.rawPayload, label);
      for (const f of e.carries) expect(fields, `${label} carries ${f}`).toContain(`'${f}`);
    } else {
      expect(type, label).toContain('spreadsheetml');
      const texts = checkXlsx(await xlsxCells(res.rawPayload), label);
      for (const f of e.carries) expect(texts, `${label} carries ${f}`).toContain(f);
    }
  });

  it('a filled template uploaded back keeps the formula answers exactly, as no change', async () => {
    const before = (await call(t.app, county, 'GET', `/api/v1/submissions/${submission}`)).json();
    const file = (await call(t.app, county, 'GET', `/api/v1/forms/G101-1/template.xlsx?sourceId=${sourceA}`)).rawPayload;
    const r = await upload(t.app, county, '/api/v1/submissions/import', [{ name: 'sourceId', content: String(sourceA) }, { name: 'status', content: 'draft' }, { name: 'file', filename: 'form.xlsx', content: file }]);
    ok(r);
    expect(r.json().rev).toBe(before.rev);
    const after = (await call(t.app, county, 'GET', `/api/v1/submissions/${submission}`)).json();
    expect([after.answers.unitName, after.answers.legalRep, after.answers.address, after.answers.contactName, after.answers.parkName]).toEqual([...F]);
  });
});
