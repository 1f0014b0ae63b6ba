// Formula-like text is neutralised for CSV and typed as text for XLSX; anything else is untouched.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { addSafeRow, commitSafeRow, csvCell, csvLine, isFormulaLike, neutralise } from './spreadsheet-safe.ts';

const RUNS = { seed: 20181231, numRuns: 500 };
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
const ATTACKS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', "=cmd|' /C calc'!A0", '\t=1+1', '\r=1', '＝1+1', '＠SUM(A1)'];

// Text of every kind, with the dangerous characters and quotes made common.
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.tuple(fc.constantFrom(...DANGEROUS, '"', "'", ',', ' ', '名'), fc.string({ maxLength: 12 })).map(([a, b]) => a + b),
);

describe('neutralise (CSV text)', () => {
  it.each(ATTACKS)('puts an apostrophe before %j', (s) => {
    expect(neutralise(s)).toBe(`'${s}`);
  });

  it('leaves ordinary text, inner signs and a leading apostrophe alone', () => {
    for (const s of ['乐清市东联电气有限公司', 'a=b', '1+1', '0577-6211', "'quoted", ' =1', '']) expect(neutralise(s)).toBe(s);
  });

  it('never gives text starting with a dangerous character (property)', () => {
    fc.assert(fc.property(text, (s) => !isFormulaLike(neutralise(s)) && !DANGEROUS.includes(neutralise(s).charAt(0))), RUNS);
  });

  it('changes no text that was safe, and keeps the rest after the apostrophe (property)', () => {
    fc.assert(fc.property(text, (s) => (isFormulaLike(s) ? neutralise(s) === `'${s}` : neutralise(s) === s)), RUNS);
  });
});

describe('csvCell', () => {
  it('keeps numbers numbers, even negative ones', () => {
    expect(csvLine([-2.5, 0, 12, null, undefined, true])).toBe('-2.5,0,12,,,true');
  });

  it('quotes after neutralising, so the apostrophe is inside the quotes', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('unquoted, a field never starts with a dangerous character (property)', () => {
    fc.assert(fc.property(text, (s) => {
      const f = csvCell(s);
      const inner = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
      return !DANGEROUS.includes(inner.charAt(0)) && (inner === s || inner === `'${s}`);
    }), RUNS);
  });
});

async function readBack(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

// XML reads a CR back as LF, so the XLSX round trip leaves that one out.
const XLSX_ATTACKS = ATTACKS.filter((s) => !s.includes('\r'));

describe('XLSX', () => {
  it('writes formula-like text as a text cell with the text format, other cells as they were', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    addSafeRow(ws, [...XLSX_ATTACKS, 'plain', -3, 4.5]).getCell(1).font = { bold: true };
    const back = await readBack(Buffer.from(await wb.xlsx.writeBuffer()));
    const row = back.getRow(1);
    XLSX_ATTACKS.forEach((s, i) => {
      const c = row.getCell(i + 1);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(s);
      expect(c.numFmt).toBe('@');
    });
    expect(row.getCell(1).font?.bold).toBe(true);
    expect(row.getCell(XLSX_ATTACKS.length + 1).numFmt).toBeUndefined();
    expect(row.getCell(XLSX_ATTACKS.length + 2).value).toBe(-3);
    expect(row.getCell(XLSX_ATTACKS.length + 3).type).toBe(ExcelJS.ValueType.Number);
  });

  it('does the same in a streamed sheet', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (b: Buffer) => chunks.push(b));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('s');
    commitSafeRow(ws, ['+1+1', 'ok', -7, null]);
    commitSafeRow(ws, ['plain', '@SUM(A1)', 1, '']);
    ws.commit();
    await wb.commit();
    const back = await readBack(Buffer.concat(chunks));
    expect(back.getRow(1).getCell(1).value).toBe('+1+1');
    expect(back.getRow(1).getCell(1).numFmt).toBe('@');
    expect(back.getRow(1).getCell(2).numFmt).toBeUndefined();
    expect(back.getRow(1).getCell(3).value).toBe(-7);
    expect(back.getRow(2).getCell(1).numFmt).toBeUndefined();
    expect(back.getRow(2).getCell(2).numFmt).toBe('@');
  });
});
