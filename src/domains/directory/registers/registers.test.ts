// Register import through the API and the job worker, on both databases.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../../test/helpers/app.ts';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import { CODES, countOf, csv, HEADER, sendRegister, xlsx } from '../../../../test/helpers/registers.ts';

describe.each(databaseKinds())('register import on %s', (kind) => {
  let t: TestApp;
  let yueqing: Session;

  beforeAll(async () => {
    t = await startTestApp(kind);
    yueqing = await login(t.app, 'yueqing');
  });
  afterAll(() => t.close());

  const get = (url: string, s = yueqing) => call(t.app, s, 'GET', url);
  async function imported(res: { statusCode: number; body: string; json(): any }) {
    expect(res.statusCode, res.body).toBe(202);
    await t.ctx.jobs.drain();
    const { register, job } = res.json();
    const j = (await get(`/api/v1/jobs/${job.id}`)).json();
    expect(j.status, JSON.stringify(j.error)).toBe('succeeded');
    return (await get(`/api/v1/registers/${register.id}`)).json();
  }
  const rowsOf = async (id: number, q = '') => (await get(`/api/v1/registers/${id}/rows?limit=500${q}`)).json().items;

  it('imports a UTF-8 CSV with a BOM: rows stored, bad rows kept aside, counts, audit', async () => {
    const file = csv([
      HEADER,
      [CODES[0], '乐清市东方电气有限公司', '乐清市柳市镇东风路1号', '张三', '3821', '0577-61880001', '330382001', ''],
      [CODES[1], ' 樂清市長城電器廠 ', '乐清市北白象镇', '李四', 'C3823', '13800000001', '', '老客户'],
      ['', '', '', '', '', '', '', ''],
      ['91330382MA2AB3C47F', '乐清市错码有限公司', '', '', '', '', '', ''],
      [CODES[2], '', '乐清市虹桥镇', '', '', '', '', ''],
      [CODES[3], '外省区划公司', '', '', '', '', '500109', '=HYPERLINK("x")'],
    ], { bom: true });
    const res = await sendRegister(t.app, yueqing, file, '市场监管名录.csv');
    expect(res.json().register).toMatchObject({ status: 'importing', department: 'samr', regionCode: '330382', regionName: '乐清市', format: 'csv', encoding: 'utf-8', fileName: '市场监管名录.csv' });
    const reg = await imported(res);
    expect(reg).toMatchObject({ status: 'imported', rowCount: 5, validCount: 2, errorCount: 3, importedAt: expect.any(String) });
    expect(reg.mapping).toEqual({ credit_code: '统一社会信用代码', name: '单位名称', address: '注册地址', legal_rep: '法定代表人', industry_code: '行业代码', phone: '联系电话', region_code: '行政区划代码' });

    const rows = await rowsOf(reg.id);
    expect(rows.map((r: any) => [r.rowNumber, r.valid, r.name])).toEqual([
      [1, true, '乐清市东方电气有限公司'],
      [2, true, '乐清市长城电器厂'],
      [3, false, '乐清市错码有限公司'],
      [4, false, null],
      [5, false, '外省区划公司'],
    ]);
    expect(rows[0]).toEqual({
      rowNumber: 1, valid: true, creditCode: CODES[0], name: '乐清市东方电气有限公司', address: '乐清市柳市镇东风路1号', legalRep: '张三',
      industryCode: '3821', phone: '0577-61880001', regionCode: '330382001', extra: null,
    });
    expect(rows[1]).toMatchObject({ industryCode: '3823', regionCode: '330382', extra: { 备注: '老客户' } });
    expect((await rowsOf(reg.id, '&valid=false')).map((r: any) => r.rowNumber)).toEqual([3, 4, 5]);

    const errors = (await get(`/api/v1/registers/${reg.id}/errors`)).json();
    expect(errors.items.map((e: any) => [e.rowNumber, e.column, e.code])).toEqual([
      [3, '统一社会信用代码', 'REGISTER_ROW_CREDIT_CODE'],
      [4, '单位名称', 'REGISTER_ROW_NAME_MISSING'],
      [5, '行政区划代码', 'REGISTER_ROW_REGION'],
    ]);
    expect(errors.items[0].message.zh).toBe('统一社会信用代码 91330382MA2AB3C47F 不正确：校验码错误，应为 E');

    const audit = (await get(`/api/v1/audit?entity=register&entityId=${reg.id}`)).json().items;
    expect(audit.map((a: any) => a.action)).toEqual(['register.import', 'register.upload']);
    expect(audit[0].after).toMatchObject({ rowCount: 5, validCount: 2, errorCount: 3, fileName: '市场监管名录.csv' });

    // The errors as XLSX: one line per error, formula-like values neutralised.
    const x = await get(`/api/v1/registers/${reg.id}/errors.xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).values).toEqual([undefined, 3, '统一社会信用代码', 'REGISTER_ROW_CREDIT_CODE', errors.items[0].message.zh, errors.items[0].message.en, '91330382MA2AB3C47F']);
    expect(ws.getRow(4).getCell(6).value).toBe('500109');

    // The same file for the same department and region is recognised.
    const again = await sendRegister(t.app, yueqing, file, 'copy.csv');
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'REGISTER_DUPLICATE_FILE']);
    expect(again.json().error.message.en).toContain(`register ${reg.id} (市场监管名录.csv`);
  });

  it('imports a GBK CSV separated by tabs, and neutralises formulas in the errors file', async () => {
    const file = csv([
      ['纳税人识别号', '纳税人名称', '生产经营地址', '负责人', '备注'],
      [CODES[0], '乐清市东方电气有限公司', '乐清市柳市镇', '张三', '+86'],
      ['=1+1', '乐清市甲厂', '', '', '@x'],
    ], { encoding: 'gbk', delimiter: '\t' });
    const reg = await imported(await sendRegister(t.app, yueqing, file, 'tax.csv', { department: 'tax' }));
    expect(reg).toMatchObject({ encoding: 'gb18030', rowCount: 2, validCount: 1, mapping: { credit_code: '纳税人识别号', name: '纳税人名称', address: '生产经营地址', legal_rep: '负责人' } });
    const rows = await rowsOf(reg.id);
    expect(rows[0]).toMatchObject({ name: '乐清市东方电气有限公司', address: '乐清市柳市镇', extra: { 备注: '+86' } });
    const x = await get(`/api/v1/registers/${reg.id}/errors.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    // The value as it was, in a text cell formatted as text: never a formula, even when edited.
    const cell = wb.worksheets[0].getRow(2).getCell(6);
    expect([cell.value, cell.type, cell.numFmt]).toEqual(['=1+1', ExcelJS.ValueType.String, '@']);
  });

  it('tells a GBK file whose first 64 KB are plain ASCII from UTF-8', async () => {
    const ascii = Array.from({ length: 1500 }, (_, i) => [CODES[i % 5], `Wenzhou Trading No.${i} Co Ltd`]);
    const file = csv([['USCC', 'Company Name'], ...ascii, [CODES[0], '乐清市东方电气有限公司']], { encoding: 'gbk' });
    expect(file.subarray(0, 65536).every((b) => b < 0x80)).toBe(true);
    const reg = await imported(await sendRegister(t.app, yueqing, file, 'ascii-head.csv', { department: 'other' }));
    expect(reg).toMatchObject({ encoding: 'gb18030', rowCount: 1501, validCount: 1501 });
    expect((await get(`/api/v1/registers/${reg.id}/rows?cursor=1500`)).json().items[0].name).toBe('乐清市东方电气有限公司');
  });

  it('imports an XLSX: codes stay text, numbers do not turn into exponents, traditional names become simplified', async () => {
    const file = await xlsx([
      [],
      ['社会信用代码', '企業名稱', '地址', '电话', '成立日期'],
      ['91330382MA2AB3C4D1', '樂清市綠源環境技術服務有限公司', '乐清市城东街道', 13800000011, new Date(Date.UTC(2015, 4, 6))],
      [913303821000000246, '数字代码公司', '', '057761880001', ''],
      [CODES[4], { richText: [{ text: '富文本' }, { text: '公司' }] }, { formula: '"乐清"&"市"', result: '乐清市' }, '', ''],
    ]);
    const reg = await imported(await sendRegister(t.app, yueqing, file, '工信名录.xlsx', { department: 'miit' }));
    expect(reg).toMatchObject({ format: 'xlsx', rowCount: 3, validCount: 1 });
    const rows = await rowsOf(reg.id);
    expect(rows[0]).toMatchObject({ creditCode: '91330382MA2AB3C4D1', name: '乐清市绿源环境技术服务有限公司', phone: '13800000011', extra: { 成立日期: '2015-05-06' } });
    expect(rows[1].creditCode).toMatch(/^\d{18}$/); // 18 digits, no exponent (a number cell holds 15 significant ones)
    expect(rows[2]).toMatchObject({ valid: true, name: '富文本公司', address: '乐清市' });
    const errors = (await get(`/api/v1/registers/${reg.id}/errors`)).json().items;
    expect(errors[0]).toMatchObject({ rowNumber: 1, code: 'REGISTER_ROW_CREDIT_CODE', value: '91330382MA2AB3C4D1' });
  });

  it('previews a file, and uses an explicit or a saved mapping, saving it under a name', async () => {
    const file = csv([['代码', '户主', '养殖地点'], [CODES[1], '乐清市某养殖场', '乐清市大荆镇'], [CODES[2], '乐清市另一养殖场', '']]);
    const send = (fields: Record<string, string>, url?: string) => sendRegister(t.app, yueqing, file, 'moa.csv', { department: 'moa', ...fields }, url);

    const preview = await send({}, '/api/v1/registers/preview');
    expect([preview.statusCode, preview.json().error.code]).toEqual([400, 'REGISTER_NO_USABLE_COLUMNS']);
    expect(preview.json().error.details).toMatchObject({ encoding: 'utf-8', format: 'csv', headers: ['代码', '户主', '养殖地点'], sample: [[CODES[1], '乐清市某养殖场', '乐清市大荆镇'], [CODES[2], '乐清市另一养殖场', '']] });
    expect((await send({})).json().error.code).toBe('REGISTER_NO_USABLE_COLUMNS');
    expect((await send({ mapping: '{"name":"单位名称"}' })).json().error).toMatchObject({ code: 'REGISTER_MAPPING_UNKNOWN_HEADER', status: 400 });
    expect((await send({ mappingName: 'nope' })).json().error.code).toBe('REGISTER_MAPPING_NOT_FOUND');

    const reg = await imported(await send({ mapping: JSON.stringify({ credit_code: '代码', name: '户主', address: '养殖地点' }), saveMappingAs: '畜牧直联' }));
    expect(reg).toMatchObject({ rowCount: 2, validCount: 2, mapping: { credit_code: '代码', name: '户主', address: '养殖地点' } });
    const saved = (await get('/api/v1/registers/mappings?department=moa')).json().items;
    expect(saved.map((m: any) => m.name).sort()).toEqual(['last', '畜牧直联']);

    // The guess still finds no name column, but the page is offered the saved mappings…
    const again = await send({}, '/api/v1/registers/preview');
    expect(again.json().error.details.savedMappings.map((m: any) => m.name).sort()).toEqual(['last', '畜牧直联']);
    // …but the saved mapping imports the same file for another region.
    const other = await imported(await send({ mappingName: '畜牧直联', regionCode: '330382001' }));
    expect(other).toMatchObject({ regionCode: '330382001', validCount: 2 });

    const good = await sendRegister(t.app, yueqing, csv([HEADER, [CODES[0], '甲', '', '', '', '', '', '']]), 'p.csv', {}, '/api/v1/registers/preview');
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ encoding: 'utf-8', format: 'csv', headers: HEADER, sample: [[CODES[0], '甲', '', '', '', '', '', '']], guessedMapping: { name: '单位名称', credit_code: '统一社会信用代码' } });
  });

  it('scopes registers: another county reads 404, a department reviewer sees its own department only', async () => {
    const file = csv([HEADER, [CODES[0], '统计局名录单位', '', '', '', '', '', '']]);
    const stats = await imported(await sendRegister(t.app, yueqing, file, 'stats.csv', { department: 'stats' }));
    const beibei = await login(t.app, 'beibei');
    const far = await get(`/api/v1/registers/${stats.id}`, beibei);
    expect([far.statusCode, far.json().error.code]).toEqual([404, 'REGISTER_NOT_FOUND']);
    expect((await get(`/api/v1/registers/${stats.id}/rows`, beibei)).statusCode).toBe(404);
    expect((await get('/api/v1/registers', beibei)).json().items).toEqual([]);

    const reviewer = await login(t.app, 'yq-stats');
    const seen = (await get('/api/v1/registers', reviewer)).json().items;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r: any) => r.department === 'stats')).toBe(true);
    const samr = (await get('/api/v1/registers?department=samr')).json().items[0];
    expect((await get(`/api/v1/registers/${samr.id}`, reviewer)).statusCode).toBe(404);
    expect((await get(`/api/v1/registers/${stats.id}/rows`, reviewer)).json().items).toHaveLength(1);
    expect((await call(t.app, reviewer, 'DELETE', `/api/v1/registers/${stats.id}`)).statusCode).toBe(403);

    expect((await get('/api/v1/registers?status=imported&department=stats&region=330382')).json().items.map((r: any) => r.id)).toEqual([stats.id]);
    expect((await get('/api/v1/registers?region=500109')).json().items).toEqual([]);
  });

  it('deletes a register with its rows, audited; the same file may then be imported again', async () => {
    const file = csv([HEADER, [CODES[3], '待删除公司', '', '', '', '', '', '']]);
    const reg = await imported(await sendRegister(t.app, yueqing, file, 'del.csv', { department: 'other' }));
    const rowsBefore = await countOf(t.ctx.db, 'register_rows');
    const del = await call(t.app, yueqing, 'DELETE', `/api/v1/registers/${reg.id}`);
    expect(del.statusCode, del.body).toBe(204);
    expect(await countOf(t.ctx.db, 'register_rows')).toBe(rowsBefore - 1);
    expect((await get(`/api/v1/registers/${reg.id}`)).statusCode).toBe(404);
    const audit = (await get(`/api/v1/audit?entity=register&entityId=${reg.id}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'register.delete', before: { fileName: 'del.csv', rowCount: 1 } });
    await imported(await sendRegister(t.app, yueqing, file, 'del.csv', { department: 'other' }));
  });

  it('a cancel in the middle of an import leaves no row behind, and the register can be imported again', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [CODES[i % 5], `乐清市取消测试${i}号公司`, '乐清市', '', '', '', '', '']);
    const file = csv([HEADER, ...rows]);
    const before = { rows: await countOf(t.ctx.db, 'register_rows'), errors: await countOf(t.ctx.db, 'register_errors') };
    await t.ctx.jobs.stop();
    const res = await sendRegister(t.app, yueqing, file, 'cancel.csv', { department: 'mee' });
    expect(res.statusCode, res.body).toBe(202);
    const { register, job } = res.json();
    // Asked while queued but seen by the job only at its first progress report: after its first batch is in.
    await t.ctx.db.updateTable('jobs').set({ cancel_requested: true }).where('id', '=', job.id).execute();
    await t.ctx.jobs.start();
    await t.ctx.jobs.drain();
    expect((await get(`/api/v1/jobs/${job.id}`)).json()).toMatchObject({ status: 'cancelled', progressDone: 2000 });
    expect((await get(`/api/v1/registers/${register.id}`)).json()).toMatchObject({ status: 'cancelled', rowCount: 0 });
    expect(await countOf(t.ctx.db, 'register_rows')).toBe(before.rows);
    expect(await countOf(t.ctx.db, 'register_errors')).toBe(before.errors);

    const again = await call(t.app, yueqing, 'POST', `/api/v1/registers/${register.id}/reimport`);
    const reg = await imported(again);
    expect(reg).toMatchObject({ id: register.id, status: 'imported', rowCount: 5000, validCount: 5000 });
    const repeat = await call(t.app, yueqing, 'POST', `/api/v1/registers/${register.id}/reimport`);
    expect([repeat.statusCode, repeat.json().error.code]).toEqual([409, 'REGISTER_NOT_REIMPORTABLE']);
  });

  it('a job cancelled before it starts shows its register cancelled, which can be imported again', async () => {
    await t.ctx.jobs.stop();
    const res = await sendRegister(t.app, yueqing, csv([HEADER, [CODES[4], '排队取消公司', '', '', '', '', '', '']]), 'queued.csv', { department: 'mwr' });
    const { register, job } = res.json();
    const busy = await call(t.app, yueqing, 'DELETE', `/api/v1/registers/${register.id}`);
    expect([busy.statusCode, busy.json().error.code]).toEqual([409, 'REGISTER_BUSY']);
    const reimport = await call(t.app, yueqing, 'POST', `/api/v1/registers/${register.id}/reimport`);
    expect([reimport.statusCode, reimport.json().error.code]).toEqual([409, 'REGISTER_NOT_REIMPORTABLE']);
    expect((await call(t.app, yueqing, 'POST', `/api/v1/jobs/${job.id}/cancel`)).json().status).toBe('cancelled');
    expect((await get(`/api/v1/registers/${register.id}`)).json().status).toBe('cancelled');
    expect((await call(t.app, yueqing, 'DELETE', `/api/v1/registers/${register.id}`)).statusCode).toBe(204);
    await t.ctx.jobs.start();
  });
});
