// The totals as XLSX on both databases: a source's G106-2 (manual monitoring, COD 100,000 t × 50 mg/L
// = 5 t) submitted and settled; the county's workbook, read back, holds the four sheets and the
// 5 t in review at the pollutant, the category, the division and the township; a county user may
// not export a region outside its own.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.ts';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import { exampleEnterprise } from '../../survey/forms/example-set.ts';

const TOWNSHIP = '330382001';
const { rows: _rows, ...ident } = exampleEnterprise().forms.find((f) => f.form === 'G106-1')!.answers as Record<string, unknown>;

describe.each(databaseKinds())('totals as XLSX on %s', (kind) => {
  let t: TestApp;
  let county: Session;

  beforeAll(async () => {
    t = await startTestApp(kind);
    county = await login(t.app, 'yueqing');
    const src = await call(t.app, county, 'POST', '/api/v1/sources', { regionCode: TOWNSHIP, name: '乐清市汇总导出测试厂', category: 'industrial', industryCode: '3360' });
    expect(src.statusCode, src.body).toBe(201);
    const put = await call(t.app, await login(t.app, 'yq-instructor'), 'PUT', `/api/v1/submissions/${randomUUID()}`, {
      sourceId: src.json().id, form: 'G106-2', version: 1, explanations: {}, status: 'submitted', baseRev: null,
      answers: { ...ident, outlets: [{ outletCode: 'DW001', monitoringKind: 'manual', annualFlow: 100000, results: [{ pollutant: 'COD', concentration: 50 }] }] },
    });
    expect(put.statusCode, put.body).toBe(201);
    await t.ctx.jobs.drain();
  });
  afterAll(() => t?.close());

  it('writes the four sheets with the figures of the totals', async () => {
    const res = await call(t.app, county, 'GET', '/api/v1/accounting/totals.xlsx?region=330382');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('emissions-330382.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['pollutants', 'categories', 'industries', 'children']);
    // A sheet's rows as objects keyed by the header's first word.
    const rows = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const head = (ws.getRow(1).values as string[]).map((h) => (typeof h === 'string' ? h.split(' ')[0] : h));
      const out: Record<string, unknown>[] = [];
      ws.eachRow((r, n) => { if (n > 1) out.push(Object.fromEntries((r.values as unknown[]).map((v, i) => [head[i], v]).filter(([k]) => k))); });
      return out;
    };
    const cod = rows('pollutants').find((r) => r['污染物代码'] === 'COD');
    expect(cod).toMatchObject({ '污染物': '化学需氧量', '排放量·审核中': 5, '排放量·合计': 5, '排放量·已审核': 0, '单位': 't' });
    expect(rows('categories').find((r) => r['类别'] === 'industrial' && r['污染物代码'] === 'COD')).toMatchObject({ '名称': '工业源', '排放量·审核中': 5 });
    expect(rows('industries').find((r) => r['行业大类'] === '33' && r['污染物代码'] === 'COD')).toMatchObject({ '排放量·审核中': 5 });
    expect(rows('children').find((r) => r['区划代码'] === TOWNSHIP && r['污染物代码'] === 'COD')).toMatchObject({ '名称': expect.stringContaining('城东'), '排放量·审核中': 5 });
  });

  it('refuses a region outside the caller\'s own', async () => {
    expect((await call(t.app, county, 'GET', '/api/v1/accounting/totals.xlsx?region=330300')).statusCode).toBe(404);
  });
});
