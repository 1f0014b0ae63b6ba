import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.ts';
import { assertXlsx, buildTemplate, departmentOf, readSheet, roleOf } from './import-sheet.ts';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
  return 'no error';
}

describe('assertXlsx', () => {
  it('needs the .xlsx name and the ZIP signature', async () => {
    const good = await xlsx([['a']]);
    expect(() => assertXlsx('users.XLSX', good)).not.toThrow();
    expect(() => assertXlsx('users.csv', good)).toThrow(/xlsx/);
    expect(() => assertXlsx('users.xlsx', Buffer.from('用户名,姓名\n'))).toThrow(/xlsx/);
    expect(() => assertXlsx('users.xlsx', Buffer.alloc(0))).toThrow(/xlsx/);
  });
});

describe('readSheet', () => {
  it('reads rows by Chinese or English headers, in any order, skipping blank rows', async () => {
    const buf = await xlsx([
      ['姓名', 'Username', '密码（必填）', 'role', '区划代码', '电话'],
      ['张三', 'zhangsan', 'Pass1234', '普查员', 330382001, 13800000000],
      [],
      ['李四', { richText: [{ text: 'li' }, { text: 'si' }] }, 'Pass1234', 'enumerator', '330382', null],
    ]);
    const rows = await readSheet(buf);
    expect(rows).toEqual([
      { row: 2, cells: { username: 'zhangsan', displayName: '张三', password: 'Pass1234', role: '普查员', regionCode: '330382001', department: '', agency: '', phone: '13800000000' } },
      { row: 4, cells: { username: 'lisi', displayName: '李四', password: 'Pass1234', role: 'enumerator', regionCode: '330382', department: '', agency: '', phone: '' } },
    ]);
  });

  it('names the missing required columns', async () => {
    expect(await codeOf(readSheet(await xlsx([['用户名', '姓名'], ['a', 'b']])))).toBe('USER_IMPORT_COLUMNS');
  });

  it('refuses an empty sheet, too many rows and a broken file', async () => {
    const header = ['用户名', '姓名', '密码', '角色', '区划代码'];
    expect(await codeOf(readSheet(await xlsx([header])))).toBe('USER_IMPORT_EMPTY');
    const many = [header, ...Array.from({ length: 10_001 }, (_, i) => [`u${i}`, 'n', 'Pass1234', 'enumerator', '330382'])];
    expect(await codeOf(readSheet(await xlsx(many)))).toBe('USER_IMPORT_TOO_MANY');
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]);
    expect(await codeOf(readSheet(broken))).toBe('UPLOAD_UNREADABLE');
  });
});

describe('roleOf and departmentOf', () => {
  it('accept codes and Chinese names', () => {
    expect(roleOf('第三方机构人员')).toBe('agency-staff');
    expect(roleOf('Enumerator')).toBe('enumerator');
    expect(roleOf('boss')).toBe('boss');
    expect(departmentOf('统计')).toBe('stats');
    expect(departmentOf('MEE')).toBe('mee');
  });
});

describe('buildTemplate', () => {
  it('is a workbook that reads back as one example row', async () => {
    const buf = await buildTemplate('330382');
    const rows = await readSheet(buf);
    expect(rows).toHaveLength(1);
    expect(rows[0].cells).toMatchObject({ username: 'zhangsan01', role: '普查员', regionCode: '330382' });
  });
});
