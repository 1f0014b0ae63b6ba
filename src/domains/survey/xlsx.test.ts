// A form's XLSX template and its upload, through the API on both databases: the blank template's
// structure, a filled one round-tripped without a new revision, an edited cell stored, bad cells
// and blocking issues pointing to their cells, tampered or foreign files refused, nothing stored.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { uploadReferenced } from '../../../test/helpers/survey-attachments.ts';
import { upload } from '../../../test/helpers/multipart.ts';
import { zipOf } from '../../../test/helpers/zip.ts';
import { exampleEnterprise } from './forms/example-set.ts';

const SET = exampleEnterprise();
const answersOf = (form: string) => structuredClone(SET.forms.find((f) => f.form === form)!.answers) as Record<string, unknown>;

async function edit(buf: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
/** The row of a field on the main sheet. */
const mainRow = (wb: ExcelJS.Workbook, id: string) => {
  const ws = wb.getWorksheet('填报')!;
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return r;
  throw new Error(`no row for ${id}`);
};
const groupCol = (ws: ExcelJS.Worksheet, id: string) => (ws.getRow(1).values as unknown[]).indexOf(id);

describe.each(databaseKinds())('survey XLSX templates on %s', (kind) => {
  let t: TestApp;
  let office: Session;
  let ent = 0;
  let other = 0;
  let far = 0;
  const g101 = randomUUID();
  const g103 = randomUUID();

  const count = async (table: 'submissions' | 'submission_revisions' | 'audit_log') => Number((await t.ctx.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => [await count('submissions'), await count('submission_revisions'), await count('audit_log')];
  const template = async (url: string) => {
    const r = await call(t.app, office, 'GET', url);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    return r.rawPayload;
  };
  const send = (file: Buffer, fields: Record<string, string>, filename = 'form.xlsx') =>
    upload(t.app, office, '/api/v1/submissions/import', [...Object.entries(fields).map(([name, content]) => ({ name, content })), { name: 'file', filename, content: file }]);
  const put = (id: string, sourceId: number, form: string, answers: unknown) =>
    call(t.app, office, 'PUT', `/api/v1/submissions/${id}`, { sourceId, form, version: 1, answers, status: 'draft', baseRev: null });

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    office = await login(t.app, 'yueqing');
    const source = async (name: string) => {
      const r = await call(t.app, office, 'POST', '/api/v1/sources', { regionCode: '330382', name, category: 'industrial', industryCode: '1713' });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as number;
    };
    ent = await source('乐清市瓯江印染有限公司');
    other = await source('乐清市柳市印染二厂');
    far = Number((await t.ctx.db.insertInto('sources').values({ region_code: '500109', province_code: '500000', name: '重庆市北碚区某厂', origin: 'supplement' }).returning('id').executeTakeFirstOrThrow()).id);
    await uploadReferenced(t.app, office, ent, SET.forms);
    expect((await put(g101, ent, 'G101-1', answersOf('G101-1'))).statusCode).toBe(201);
    expect((await put(g103, ent, 'G103-1', answersOf('G103-1'))).statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  it('gives a blank template with the structure: fields, group sheet, lists, the hidden _pucha sheet', async () => {
    const r = await call(t.app, office, 'GET', '/api/v1/forms/G103-1/template.xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = await load(r.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填报', '锅炉燃气轮机', '_lists', '_pucha']);
    const main = wb.getWorksheet('填报')!;
    expect(main.getColumn(1).hidden).toBe(true);
    expect(main.getCell(2, 1).value).toBe('creditCode');
    expect(main.getCell(mainRow(wb, 'unitName'), 5).value).toBeNull();
    const boilers = wb.getWorksheet('锅炉燃气轮机')!;
    expect(boilers.getRow(1).hidden).toBe(true);
    expect(groupCol(boilers, 'fuelCode')).toBeGreaterThan(0);
    expect(boilers.getCell(3, groupCol(boilers, 'fuelCode')).dataValidation).toMatchObject({ type: 'list' });
    expect(boilers.getCell(2, 1).note).toBeTruthy();
    const meta = wb.getWorksheet('_pucha')!;
    expect(meta.state).toBe('veryHidden');
    expect(meta.getCell(2, 2).value).toBe('G103-1');
    expect(String(meta.getCell(7, 2).value)).toMatch(/^[0-9a-f]{64}$/);
    for (const url of ['/api/v1/forms/Z999/template.xlsx', '/api/v1/forms/G103-1/template.xlsx?version=9']) {
      expect((await call(t.app, office, 'GET', url)).json().error.code).toBe('SURVEY_FORM_NOT_FOUND');
    }
    expect((await call(t.app, office, 'GET', `/api/v1/forms/G103-1/template.xlsx?sourceId=${far}`)).json().error.code).toBe('SURVEY_SOURCE_NOT_FOUND');
  });

  it('round-trips a filled template: same answers, no new revision', async () => {
    for (const [form, id] of [['G101-1', g101], ['G103-1', g103]] as const) {
      const before = (await call(t.app, office, 'GET', `/api/v1/submissions/${id}`)).json();
      const file = await template(`/api/v1/forms/${form}/template.xlsx?sourceId=${ent}`);
      const n = await counts();
      const r = await send(file, { sourceId: String(ent), status: 'draft' });
      expect(r.statusCode, r.body.slice(0, 500)).toBe(200);
      expect(r.json()).toMatchObject({ id, rev: 1, status: 'draft' });
      expect(await counts()).toEqual(n);
      const after = (await call(t.app, office, 'GET', `/api/v1/submissions/${id}`)).json();
      expect(after.answers).toEqual(before.answers);
    }
  });

  it('round-trips nested groups: a child row names its parent row, and an edit lands in the right parent', async () => {
    const id = randomUUID();
    expect((await put(id, ent, 'G106-1', answersOf('G106-1'))).statusCode).toBe(201);
    const file = await template(`/api/v1/forms/G106-1/template.xlsx?sourceId=${ent}`);
    const wb = await load(file);
    const nested = wb.worksheets.find((w) => w.getCell(1, 1).value === '_parent')!;
    expect(nested).toBeDefined();
    const r = await send(file, { sourceId: String(ent), status: 'draft' });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.json().rev).toBe(1);
    const before = (await call(t.app, office, 'GET', `/api/v1/submissions/${id}`)).json().answers;
    // the last child row moved to the first parent row
    const last = nested.rowCount;
    const moved = await edit(file, (w) => (w.getWorksheet(nested.name)!.getCell(last, 1).value = 1));
    const m = await send(moved, { sourceId: String(ent), status: 'draft' });
    expect(m.statusCode, m.body.slice(0, 300)).toBe(200);
    const after = (await call(t.app, office, 'GET', `/api/v1/submissions/${id}`)).json().answers;
    expect(after.rows[0].opParams.length).toBe(before.rows[0].opParams.length + 1);
    // a child row naming no parent row points to its cell
    const orphan = await edit(file, (w) => (w.getWorksheet(nested.name)!.getCell(last, 1).value = 99));
    const o = (await send(orphan, { sourceId: String(ent), status: 'draft' })).json().error;
    expect(o.code).toBe('SURVEY_XLSX_INVALID');
    expect(o.details.cells[0].cell).toMatch(new RegExp(`!A${last}$`));
  });

  it('stores a value changed in a cell as a new revision, through the save path', async () => {
    const old = await template(`/api/v1/forms/G103-1/template.xlsx?sourceId=${ent}`);
    const file = await edit(await template(`/api/v1/forms/G103-1/template.xlsx?sourceId=${ent}`), (wb) => {
      const ws = wb.getWorksheet('锅炉燃气轮机')!;
      ws.getCell(4, groupCol(ws, 'fuelUse')).value = '4100'; // a number given as text
      wb.getWorksheet('填报')!.getCell(mainRow(wb, 'filledBy'), 5).value = '王小明';
    });
    const r = await send(file, { sourceId: String(ent), status: 'draft' });
    expect(r.statusCode, r.body.slice(0, 500)).toBe(200);
    expect(r.json()).toMatchObject({ id: g103, rev: 2 });
    const s = (await call(t.app, office, 'GET', `/api/v1/submissions/${g103}`)).json();
    expect(s.answers.boilers[1].fuelUse).toBe(4100);
    expect(s.answers.filledBy).toBe('王小明');
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', g103).execute();
    expect(audit.map((a) => a.action)).toEqual(['survey.save', 'survey.save']);
    // The old template (rev 1) is now stale: an edit of it is refused with the server's copy, nothing written.
    const n = await counts();
    const stale = await edit(old, (wb) => (wb.getWorksheet('填报')!.getCell(mainRow(wb, 'headName'), 5).value = '张三'));
    const c = (await send(stale, { sourceId: String(ent), status: 'draft' })).json().error;
    expect(c.code).toBe('SURVEY_CONFLICT');
    expect(c.details.server.rev).toBe(2);
    expect(await counts()).toEqual(n);
  });

  it('points a bad value to its cell, and stores nothing', async () => {
    const n = await counts();
    const file = await edit(await template(`/api/v1/forms/G103-1/template.xlsx?sourceId=${ent}`), (wb) => {
      const ws = wb.getWorksheet('锅炉燃气轮机')!;
      ws.getCell(4, groupCol(ws, 'fuelUse')).value = '四千';
      ws.getCell(3, groupCol(ws, 'fuelCode')).value = '木头';
      wb.getWorksheet('填报')!.getCell(mainRow(wb, 'reportDate'), 5).value = '2018-02-30';
    });
    const r = await send(file, { sourceId: String(ent), status: 'draft' });
    expect(r.statusCode).toBe(400);
    const e = r.json().error;
    expect(e.code).toBe('SURVEY_XLSX_INVALID');
    const fuelUse = `锅炉燃气轮机!${String.fromCharCode(64 + groupColOf(e, 'fuelUse'))}4`;
    expect(e.details.cells.map((c: { cell: string }) => c.cell)).toContain(fuelUse);
    expect(e.details.cells.some((c: { cell: string; message: { zh: string } }) => c.cell.startsWith('锅炉燃气轮机!') && c.cell.endsWith('3') && c.message.zh.includes('木头'))).toBe(true);
    expect(await counts()).toEqual(n);
    // an impossible date passes the cell reading; the engine's issue, stored with the draft, names the cell
    let row = 0;
    const date = await edit(await template(`/api/v1/forms/G103-1/template.xlsx?sourceId=${ent}`), (wb) => {
      row = mainRow(wb, 'reportDate');
      wb.getWorksheet('填报')!.getCell(row, 5).value = '2018-02-30';
    });
    const d = await send(date, { sourceId: String(ent), status: 'draft' });
    expect(d.statusCode, d.body.slice(0, 300)).toBe(200);
    expect(d.json().verdict.issues.find((i: { path: string }) => i.path === 'reportDate')).toMatchObject({ rule: 'field.date', cell: `填报!E${row}` });
  });

  it('answers 422 with the cells of blocking issues when submitting what is not ready', async () => {
    const n = await counts();
    const file = await edit(await template('/api/v1/forms/G103-1/template.xlsx'), (wb) => {
      wb.getWorksheet('填报')!.getCell(mainRow(wb, 'unitName'), 5).value = '乐清市柳市印染二厂';
      const ws = wb.getWorksheet('锅炉燃气轮机')!;
      ws.getCell(3, groupCol(ws, 'boilerNo')).value = 'MF001';
    });
    const r = await send(file, { sourceId: String(other), status: 'submitted' });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(422);
    const e = r.json().error;
    expect(e.code).toBe('SURVEY_NOT_READY');
    const cells = e.details.cells.map((c: { cell: string }) => c.cell);
    expect(cells).toContain(`填报!E${2}`); // creditCode, required
    expect(cells.some((c: string) => /^锅炉燃气轮机![A-Z]+3$/.test(c))).toBe(true);
    expect(await counts()).toEqual(n);
    // the same as a draft is stored, its issues carrying their cells
    const ok = await send(file, { sourceId: String(other), status: 'draft' });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(201);
    expect(ok.json().verdict.issues[0].cell).toMatch(/!/);
  });

  it('refuses a tampered or foreign workbook with a clear code, storing nothing', async () => {
    const filled = await template(`/api/v1/forms/G103-1/template.xlsx?sourceId=${ent}`);
    const notWorkbook = zipOf('readme.txt', 'not a workbook');
    const cases: [string, Buffer, string, string?][] = [
      ['a field id changed', await edit(filled, (wb) => (wb.getWorksheet('填报')!.getCell(3, 1).value = 'unitNameX')), 'SURVEY_XLSX_TAMPERED'],
      ['a column moved', await edit(filled, (wb) => (wb.getWorksheet('锅炉燃气轮机')!.getCell(1, 2).value = 'zzz')), 'SURVEY_XLSX_TAMPERED'],
      ['a sheet removed', await edit(filled, (wb) => wb.removeWorksheet(wb.getWorksheet('锅炉燃气轮机')!.id)), 'SURVEY_XLSX_TAMPERED'],
      ['_pucha edited', await edit(filled, (wb) => (wb.getWorksheet('_pucha')!.getCell(6, 2).value = '7')), 'SURVEY_XLSX_TAMPERED'],
      ['_pucha removed', await edit(filled, (wb) => wb.removeWorksheet(wb.getWorksheet('_pucha')!.id)), 'SURVEY_XLSX_TAMPERED'],
      ['another source\'s template', filled, 'SURVEY_XLSX_TAMPERED', String(other)],
      ['not a ZIP, named .xlsx', Buffer.from('id,name\n1,x\n'), 'UPLOAD_TYPE'],
      ['a ZIP that is no workbook', notWorkbook, 'SURVEY_XLSX_TAMPERED'],
      // Refused on its ZIP directory, before anything is unpacked.
      ['a cell unpacking to 60 MB (a ZIP bomb)', await edit(filled, (wb) => (wb.getWorksheet('填报')!.getCell(3, 5).value = 'a'.repeat(60 * 1024 * 1024))), 'XLSX_UNSAFE'],
    ];
    const n = await counts();
    for (const [what, file, code, sourceId] of cases) {
      const r = await send(file, { sourceId: sourceId ?? String(ent), status: 'draft' });
      expect(r.statusCode, what).toBeLessThan(500);
      expect(r.json().error.code, `${what}: ${r.body.slice(0, 200)}`).toBe(code);
    }
    expect((await send(filled, { sourceId: String(far), status: 'draft' })).json().error.code).toBe('SURVEY_XLSX_TAMPERED');
    const blank = await template('/api/v1/forms/G103-1/template.xlsx');
    expect((await send(blank, { sourceId: String(far), status: 'draft' })).json().error.code).toBe('SURVEY_SOURCE_NOT_FOUND');
    expect((await send(blank, { sourceId: String(ent), status: 'nope' })).json().error.code).toBe('REQUEST_INVALID');
    const huge = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(5 * 1024 * 1024)]);
    const big = await send(huge, { sourceId: String(ent), status: 'draft' });
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'REQUEST_TOO_LARGE']);
    expect(await counts()).toEqual(n);
  });
});

/** The 1-based column of a field on the boilers sheet, from the error's own cell list. */
function groupColOf(e: { details: { cells: { cell: string; path?: string }[] } }, id: string): number {
  const c = e.details.cells.find((x) => x.path?.endsWith(`.${id}`));
  return c ? c.cell.replace(/^.*!([A-Z]+)\d+$/, '$1').charCodeAt(0) - 64 : -1;
}
