// Bulk user import from real XLSX files, through the API and the job worker.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { upload, XLSX_MIME } from '../../../test/helpers/multipart.ts';

const HEADER = ['用户名', '姓名', '密码', '角色', '区划代码', '部门', '机构', '电话'];

async function xlsx(rows: unknown[][], header: unknown[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用户');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(databaseKinds())('user import on %s', (kind) => {
  let t: TestApp;
  let yueqing: Session;

  beforeAll(async () => {
    t = await startTestApp(kind);
    yueqing = await login(t.app, 'yueqing');
  });
  afterAll(() => t.close());

  const send = (data: Buffer | string, filename = 'users.xlsx', s: Session = yueqing) =>
    upload(t.app, s, '/api/v1/users/import', [{ name: 'file', filename, contentType: XLSX_MIME, content: data }]);
  const countUsers = async () => Number((await t.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const errorOf = (res: { statusCode: number; json(): { error: { code: string } } }) => [res.statusCode, res.json().error.code];

  it('checks a valid file, then a job creates every user, who can log in', async () => {
    const file = await xlsx([
      ['yq-imp-1', '导入 普查员一', 'Import2018a', '普查员', '330382001', '', '', '13800000011'],
      ['yq-imp-2', '导入 统计局', 'Import2018b', '部门审核员', 330382, '统计', '', ''],
      ['yq-imp-3', '导入 第三方', 'Import2018c', 'agency-staff', '330382', '', '乐清市绿源环境技术服务有限公司', '0577-61880003'],
    ]);
    const before = await countUsers();
    await t.ctx.jobs.stop(); // keep the job queued while we look at it
    const res = await send(file);
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json().job;
    expect(job).toMatchObject({ kind: 'users.import', progressTotal: 3, params: { fileName: 'users.xlsx', count: 3 } });
    expect(res.body).not.toContain('Import2018');
    // While the job waits, the passwords in its params are sealed, not readable through the jobs API.
    const queued = await call(t.app, yueqing, 'GET', `/api/v1/jobs/${job.id}`);
    expect(queued.json()).toMatchObject({ status: 'queued', params: { count: 3, sealed: expect.any(String) } });
    expect(queued.body).not.toContain('Import2018');
    expect(queued.body).not.toContain('13800000011');

    await t.ctx.jobs.start();
    await t.ctx.jobs.drain();
    const done = (await call(t.app, yueqing, 'GET', `/api/v1/jobs/${job.id}`)).json();
    expect(done).toMatchObject({ status: 'succeeded', result: { created: 3 }, progressDone: 3 });
    expect(done.params).toEqual({ actor: { id: expect.any(Number), username: 'yueqing' }, fileName: 'users.xlsx', count: 3, created: 3 });
    expect(await countUsers()).toBe(before + 3);

    const listed = (await call(t.app, yueqing, 'GET', '/api/v1/users?q=yq-imp-')).json().items;
    expect(listed.map((u: { username: string; role: string; department: string | null; agencyName: string | null }) => [u.username, u.role, u.department, u.agencyName])).toEqual([
      ['yq-imp-3', 'agency-staff', null, '乐清市绿源环境技术服务有限公司'],
      ['yq-imp-2', 'department-reviewer', 'stats', null],
      ['yq-imp-1', 'enumerator', null, null],
    ]);
    await login(t.app, 'yq-imp-1', 'Import2018a');
    await login(t.app, 'yq-imp-3', 'Import2018c');

    for (const u of listed) {
      const audit = (await call(t.app, yueqing, 'GET', `/api/v1/audit?entity=user&entityId=${u.id}`)).json().items;
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'user.import', before: null, after: { username: u.username, role: u.role } });
      expect(JSON.stringify(audit[0])).not.toMatch(/Import2018|scrypt/);
    }
  });

  it('refuses a file with broken rows, reporting each, and creates nothing', async () => {
    const file = await xlsx([
      ['yq-bad-1', '好的一行', 'Import2018a', '普查员', '330382001', '', '', ''],
      ['yq-bad-2', '弱密码', 'password', '普查员', '330382001', '', '', ''],
      ['yq-enumerator', '重名', 'Import2018a', '老板', '500109', '', '', ''],
      ['YQ-BAD-1', '文件内重名', 'Import2018a', '部门审核员', '330382', '', '', ''],
      ['yq-bad-4', '无机构', 'Import2018a', '第三方机构人员', '330382', '', '不存在的公司', ''],
      ['yq-bad-5', '', 'Import2018a', '国家普查办', '339999', '', '', 'phone?'],
    ]);
    const before = await countUsers();
    const res = await send(file);
    expect(errorOf(res)).toEqual([400, 'USER_IMPORT_INVALID']);
    const body = res.json().error;
    expect(body.message.en).toBe('The file has 5 rows with errors; no user was created');
    expect(body.details.rows.map((r: { row: number; field: string; code: string }) => `${r.row} ${r.field} ${r.code}`)).toEqual([
      '3 password AUTH_PASSWORD_WEAK',
      '4 username USER_USERNAME_TAKEN',
      '4 role USER_ROLE_UNKNOWN',
      '4 regionCode USER_SCOPE_OUTSIDE',
      '5 username USER_IMPORT_DUPLICATE',
      '5 department USER_DEPARTMENT_REQUIRED',
      '6 agency AGENCY_NOT_FOUND',
      '7 displayName USER_FIELD_REQUIRED',
      '7 role USER_ROLE_NOT_ALLOWED',
      '7 regionCode REGION_UNKNOWN',
      '7 phone USER_PHONE_INVALID',
    ]);
    expect(body.details.rows[4].message).toEqual({
      zh: '用户名 YQ-BAD-1 在文件中重复（第 2 行已出现）',
      en: 'Username YQ-BAD-1 appears twice in the file (first on row 2)',
    });
    expect(await countUsers()).toBe(before);
    const jobs = (await call(t.app, yueqing, 'GET', '/api/v1/jobs?kind=users.import')).json().items;
    expect(jobs).toHaveLength(1); // only the one from the valid file
  });

  it('refuses what is not an XLSX file (415), a missing file (400) and a broken workbook (400)', async () => {
    expect(errorOf(await send('用户名,姓名\nyq-csv,某人\n', 'users.xlsx'))).toEqual([415, 'UPLOAD_TYPE']);
    expect(errorOf(await send('just text', 'users.txt'))).toEqual([415, 'UPLOAD_TYPE']);
    expect(errorOf(await send(await xlsx([]), 'users.xls'))).toEqual([415, 'UPLOAD_TYPE']);

    expect(errorOf(await upload(t.app, yueqing, '/api/v1/users/import', [{ name: 'note', content: 'no file here' }]))).toEqual([400, 'UPLOAD_MISSING']);
    expect(errorOf(await call(t.app, yueqing, 'POST', '/api/v1/users/import'))).toEqual([400, 'UPLOAD_MISSING']);
    const wrongField = await upload(t.app, yueqing, '/api/v1/users/import', [{ name: 'upload', filename: 'users.xlsx', content: await xlsx([]) }]);
    expect(errorOf(wrongField)).toEqual([400, 'UPLOAD_MISSING']);

    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
    expect(errorOf(await send(broken))).toEqual([400, 'UPLOAD_UNREADABLE']);
    expect(errorOf(await send(await xlsx([['a', 'b']], ['用户名', '姓名'])))).toEqual([400, 'USER_IMPORT_COLUMNS']);
    expect(errorOf(await send(await xlsx([])))).toEqual([400, 'USER_IMPORT_EMPTY']);
  });

  it('answers 413 for a file over the upload limit', async () => {
    const big = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(21 * 1024 * 1024)]);
    expect(errorOf(await send(big))).toEqual([413, 'REQUEST_TOO_LARGE']);
  });

  it('is for offices only', async () => {
    const enumerator = await login(t.app, 'yq-enumerator');
    expect(errorOf(await send(await xlsx([]), 'users.xlsx', enumerator))).toEqual([403, 'AUTH_FORBIDDEN']);
  });

  it('fails the job and creates nothing when a username is taken after the check', async () => {
    await t.ctx.jobs.stop();
    const file = await xlsx([
      ['yq-race-1', '竞争一', 'Import2018a', '普查员', '330382001', '', '', ''],
      ['yq-race-2', '竞争二', 'Import2018a', '普查员', '330382001', '', '', ''],
    ]);
    const res = await send(file);
    expect(res.statusCode, res.body).toBe(202);
    const taken = await call(t.app, yueqing, 'POST', '/api/v1/users', {
      username: 'YQ-RACE-2', displayName: '抢先', password: 'Census2018', role: 'enumerator', regionCode: '330382001',
    });
    expect(taken.statusCode).toBe(201);
    const before = await countUsers();
    await t.ctx.jobs.start();
    await t.ctx.jobs.drain();
    const job = (await call(t.app, yueqing, 'GET', `/api/v1/jobs/${res.json().job.id}`)).json();
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'USER_USERNAME_TAKEN', message: { en: 'Username yq-race-2 is taken' } });
    expect(job.params).not.toHaveProperty('sealed');
    expect(job.params).not.toHaveProperty('rows');
    expect(await countUsers()).toBe(before);
    // Its data is gone, so resuming it cannot run it again.
    expect((await call(t.app, yueqing, 'POST', `/api/v1/jobs/${job.id}/resume`)).statusCode).toBe(200);
    await t.ctx.jobs.drain();
    const resumed = (await call(t.app, yueqing, 'GET', `/api/v1/jobs/${job.id}`)).json();
    expect([resumed.status, resumed.error.code]).toEqual(['failed', 'USER_IMPORT_EXPIRED']);
  });

  it('drops the sealed passwords of an import cancelled before it started', async () => {
    await t.ctx.jobs.stop();
    const file = await xlsx([['yq-cancel-1', '取消一', 'Import2018a', '普查员', '330382001', '', '', '']]);
    const res = await send(file);
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().job.id;
    expect((await call(t.app, yueqing, 'GET', `/api/v1/jobs/${id}`)).json().params.sealed).toEqual(expect.any(String));
    const cancelled = await call(t.app, yueqing, 'POST', `/api/v1/jobs/${id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', params: { fileName: 'users.xlsx', count: 1 } });
    const row = await t.ctx.db.selectFrom('jobs').select('params').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row.params)).not.toContain('sealed');
    await t.ctx.jobs.start();
  });

  it('serves a template that reads back as a valid import', async () => {
    const res = await call(t.app, yueqing, 'GET', '/api/v1/users/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(ws.getRow(2).getCell(5).value).toBe('330382');
    const check = await send(res.rawPayload, 'template.xlsx');
    expect(check.statusCode, check.body).toBe(202);
    await t.ctx.jobs.drain();
    await login(t.app, 'zhangsan01', 'Census2018a');
  });
});
