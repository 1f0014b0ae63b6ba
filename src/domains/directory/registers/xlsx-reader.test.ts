import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeXml, numberText, readFirstSheet, serialDate, XmlScanner } from './xlsx-reader.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function rowsOf(file: string) {
  const sheet = await readFirstSheet(file);
  const out: string[][] = [];
  for await (const r of sheet.rows) out.push(r);
  return out;
}

describe('XML pieces', () => {
  it('decodes entities and OOXML escapes', () => {
    expect(decodeXml('a &amp; b &lt;c&gt; &#20048;&#x6E05; _x000D_')).toBe('a & b <c> 乐清 \r');
  });

  it('scans XML fed in pieces cut anywhere, quotes and CDATA included', () => {
    const xml = '<?xml version="1.0"?><!-- c --><a x="1>2"><b>t&amp;1</b><c/><![CDATA[<raw>&]]></a>';
    const seen: string[] = [];
    for (let cut = 1; cut < xml.length; cut++) {
      const events: string[] = [];
      let text = '';
      const s = new XmlScanner({
        open: (n, a) => events.push(`<${n}${a}>`),
        close: (n) => (text && events.push(decodeXml(text)), (text = ''), events.push(`</${n}>`)),
        text: (t) => (text += t),
      });
      s.write(xml.slice(0, cut));
      s.write(xml.slice(cut));
      s.end();
      seen.push(events.join(''));
    }
    expect(new Set(seen)).toEqual(new Set(['<a x="1>2"><b>t&1</b><c></c><raw>&</a>']));
  });

  it('refuses a DOCTYPE, and a tag that never closes, as unsafe', () => {
    const scan = (...chunks: string[]) => {
      const s = new XmlScanner({ open() {}, close() {}, text() {} });
      try {
        for (const c of chunks) s.write(c);
        s.end();
        return 'read';
      } catch (e) {
        return (e as { code?: string }).code;
      }
    };
    expect(scan('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "b">]><sst/>')).toBe('XLSX_UNSAFE');
    expect(scan('<?xml version="1.0"?><!', 'DOCTYPE x><x/>')).toBe('XLSX_UNSAFE');
    expect(scan('<a x="', ...Array<string>(20).fill('y'.repeat(64 * 1024)))).toBe('XLSX_UNSAFE');
    expect(scan('<?xml version="1.0"?><!-- fine --><a>1</a>')).toBe('read');
  });

  it('writes numbers without exponents and Excel dates as dates', () => {
    expect(numberText('913303821000000246')).toBe('913303821000000246');
    expect(numberText('9.1330382100000026E+17')).toBe('913303821000000256');
    expect(numberText('3821')).toBe('3821');
    expect(numberText('0.5')).toBe('0.5');
    expect(serialDate(42130, false)).toBe('2015-05-06');
    expect(serialDate(42130.5, false)).toBe('2015-05-06 12:00:00');
    expect(serialDate(40668, true)).toBe('2015-05-06');
  });
});

describe('readFirstSheet', () => {
  it('reads a large sheet of Chinese text without cutting a character (exceljs#2063)', async () => {
    const file = path.join(dir, 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('名录');
    ws.addRow(['单位名称', '注册地址']).commit();
    for (let i = 0; i < 20_000; i++) ws.addRow([`乐清市第${i}号电气有限公司`, `乐清市柳市镇工业区${i}号`]).commit();
    ws.commit();
    await wb.commit();
    const rows = await rowsOf(file);
    expect(rows).toHaveLength(20_001);
    expect(rows.filter((r) => r.join('').includes('\uFFFD'))).toEqual([]);
    expect(rows[20_000]).toEqual(['乐清市第19999号电气有限公司', '乐清市柳市镇工业区19999号']);
  });

  it('reads the first sheet in workbook order: shared and inline strings, numbers, dates, booleans, formulas, gaps', async () => {
    const file = path.join(dir, 'kinds.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('第一');
    wb.addWorksheet('第二').addRow(['not this one']);
    const ws = wb.getWorksheet('第一')!;
    ws.addRow(['文字', 42, true, new Date(Date.UTC(2018, 0, 1)), { formula: '1+1', result: 2 }, { richText: [{ text: '富' }, { text: '文本' }] }]);
    ws.getCell('C3').value = '跳过的格';
    await wb.xlsx.writeFile(file);
    expect(await rowsOf(file)).toEqual([
      ['文字', '42', 'TRUE', '2018-01-01', '2', '富文本'],
      ['', '', '跳过的格'],
    ]);
  });

  it('refuses a ZIP without a workbook, and a file cut short', async () => {
    const good = path.join(dir, 'kinds.xlsx');
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, fs.readFileSync(good).subarray(0, 300));
    await expect(readFirstSheet(cut)).rejects.toMatchObject({ code: 'REGISTER_NOT_SPREADSHEET' });
  });
});
