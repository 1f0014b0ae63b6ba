// A results page (普查成果) from a dataset inserted in the contract's figures shape: tables per
// pollutant × category and by region, server-drawn SVG charts, CSV (BOM, formula-neutral) and
// XLSX downloads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { seedArticle } from '../../../../test/helpers/portal-seed.ts';

const FIGURES = {
  asOf: '2019-12-20T02:00:00.000Z',
  region: { code: '100000', name: '全国' },
  pollutants: [{ code: 'COD', name: '化学需氧量', nameEn: 'COD', unit: 't' }, { code: 'SO2', name: '二氧化硫', nameEn: 'Sulphur dioxide', unit: 't' }],
  categories: [{ code: 'industrial', name: '工业源', nameEn: 'Industrial sources' }, { code: 'livestock', name: '畜禽规模养殖场', nameEn: 'Livestock farms' }],
  total: { COD: 1500.5, SO2: 2001 },
  byCategory: { industrial: { COD: 1000.25, SO2: 2001 }, livestock: { COD: 500.25 } },
  byProvince: [
    { code: '330000', name: '浙江省', nameEn: 'Zhejiang', values: { COD: 900, SO2: 1200 } },
    { code: '320000', name: '=HYPERLINK("http://evil.example","省")', nameEn: '<script>alert(1)</script>', values: { COD: 600.5, SO2: 801 } },
  ],
};

describe.each(databaseKinds())('results pages on %s', (kind) => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    const d = await sql<{ id: number }>`INSERT INTO portal_datasets (title_zh, title_en, region_code, figures) VALUES ('全国排放', 'National emissions', '100000', ${JSON.stringify(FIGURES)}::jsonb) RETURNING id`.execute(t.ctx.db);
    const datasetId = Number(d.rows[0].id);
    await seedArticle(t.ctx.db, { section: 'results', slug: 'national-emissions', lang: 'zh', title: '全国污染物排放情况', datasetId });
    await seedArticle(t.ctx.db, { section: 'results', slug: 'national-emissions', lang: 'en', title: 'National emissions', datasetId });
    await seedArticle(t.ctx.db, { section: 'results', slug: 'not-yet', lang: 'zh', title: '未发布成果', status: 'draft', datasetId });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('marks a provisional dataset as such, in both languages, and names the region in English', async () => {
    const f = { ...FIGURES, provisional: true, region: { code: '330382', name: '乐清市', nameEn: 'Yueqing City' } };
    const d = await sql<{ id: number }>`INSERT INTO portal_datasets (title_zh, title_en, region_code, figures) VALUES ('初步', 'Provisional', '330382', ${JSON.stringify(f)}::jsonb) RETURNING id`.execute(t.ctx.db);
    await seedArticle(t.ctx.db, { section: 'results', slug: 'provisional', lang: 'zh', title: '初步成果', datasetId: Number(d.rows[0].id) });
    await seedArticle(t.ctx.db, { section: 'results', slug: 'provisional', lang: 'en', title: 'Provisional results', datasetId: Number(d.rows[0].id) });
    expect((await get('/results/provisional')).body).toContain('<p class="provisional" role="note"><strong>初步数据：含尚在审核中的数据，以最终公报为准。</strong></p>');
    const en = (await get('/en/results/provisional')).body;
    expect(en).toContain('Provisional: includes figures still in review');
    expect(en).toContain('<p>Yueqing City · ');
    expect((await get('/results/national-emissions')).body).not.toContain('class="provisional"');
  });

  it('shows the figures as tables and SVG bar charts', async () => {
    const r = await get('/results/national-emissions');
    expect(r.statusCode).toBe(200);
    const b = r.body;
    expect(b).toContain('<caption>按源类别</caption>');
    expect(b).toMatch(/<thead><tr><th scope="col">源类别<\/th><th scope="col">化学需氧量<\/th><th scope="col">二氧化硫<\/th><\/tr><\/thead>/);
    expect(b).toContain('<tr><th scope="row">工业源</th><td>1,000.25</td><td>2,001</td></tr>');
    expect(b).toContain('<tr><th scope="row">畜禽规模养殖场</th><td>500.25</td><td>—</td></tr>');
    expect(b).toContain('<tr class="total"><th scope="row">合计</th><td>1,500.5</td><td>2,001</td></tr>');
    expect(b).toContain('<caption>按地区</caption>');
    expect(b).toContain('<tr><th scope="row">浙江省</th><td>900</td><td>1,200</td></tr>');
    expect(b.match(/<svg role="img"/g)?.length).toBe(2);
    expect(b).toMatch(/<title id="chart-0">化学需氧量排放量（吨）<\/title>/);
    // the larger bar is the full width, the other in proportion
    expect(b).toMatch(/<rect x="200" y="\d+" width="360"[^>]*><\/rect>[\s\S]*<rect x="200" y="\d+" width="240"/);
    expect(b).toContain('<a href="/results/national-emissions/data.csv">CSV</a>');
    const en = await get('/en/results/national-emissions');
    expect(en.body).toContain('<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th>');
    expect(en.body).not.toContain('<script>alert(1)');
    expect(en.body).toContain('<th scope="col">Sulphur dioxide</th>');
  });

  it('CSV: UTF-8 with a BOM, formulas neutralised', async () => {
    const r = await get('/results/national-emissions/data.csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="national-emissions.csv"');
    const raw = r.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('分组,代码,名称,污染物代码,污染物,单位,排放量');
    expect(lines).toContain('按源类别,industrial,工业源,COD,化学需氧量,t,1000.25');
    expect(lines).toContain('按源类别,*,合计,SO2,二氧化硫,t,2001');
    expect(lines).toContain(`按地区,320000,"'=HYPERLINK(""http://evil.example"",""省"")",COD,化学需氧量,t,600.5`);
    const en = await get('/en/results/national-emissions/data.csv');
    expect(en.rawPayload.subarray(3).toString('utf8')).toMatch(/^part,code,name,pollutant_code,pollutant,unit,emitted\r\n/);
  });

  it('XLSX: the same rows, numbers as numbers, no formula', async () => {
    const r = await get('/results/national-emissions/data.xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(7).value).toBe('排放量');
    const rows = ws.getSheetValues().slice(2).map((v) => (v as unknown[]).slice(1));
    expect(rows).toContainEqual(['按源类别', 'industrial', '工业源', 'COD', '化学需氧量', 't', 1000.25]);
    const evil = rows.find((x) => x[1] === '320000')!;
    expect(typeof evil[2]).toBe('string');
    const cell = ws.getCell(`C${rows.indexOf(evil) + 2}`);
    expect([cell.type, cell.value, cell.numFmt]).toEqual([ExcelJS.ValueType.String, evil[2], '@']);
    expect(evil[2]).toMatch(/^=HYPERLINK/);
  });

  it('an unpublished results page and its downloads are not found', async () => {
    expect((await get('/results/not-yet')).statusCode).toBe(404);
    expect((await get('/results/not-yet/data.csv')).statusCode).toBe(404);
    expect((await get('/results/not-yet/data.xlsx')).statusCode).toBe(404);
  });
});
