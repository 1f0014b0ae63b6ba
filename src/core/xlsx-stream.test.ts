// The XLSX writer with a sheet deflated apart (as the export makes the next sheet while one is
// sent): the file is a valid ZIP (every CRC, size and data descriptor checked), a workbook
// reader sees each sheet's rows in order, and bytes that are not the part's whole output are refused.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../../test/helpers/zip.ts';
import { SheetPart, XlsxWriter } from './xlsx-stream.ts';

async function collect(gen: AsyncIterable<Buffer> | Promise<Buffer[]>): Promise<Buffer[]> {
  if (gen instanceof Promise) return gen;
  const out: Buffer[] = [];
  for await (const b of gen) out.push(b);
  return out;
}

async function* from(bufs: Buffer[]) {
  yield* bufs;
}

describe('XlsxWriter.sheetFrom', () => {
  it('puts a sheet deflated apart between sheets written in place', async () => {
    const header = ['n', 'text'];
    const w = new XlsxWriter();
    const out: Buffer[] = [];
    out.push(...await w.sheet('one', header), ...await w.rows([[1, 'a'], [2, 'b']]));
    // made before it is needed, as the export does while sheet one is sent
    const part = new SheetPart(header);
    const kept = [await part.start(), await part.rowsXml(Buffer.from('<row r="2"><c r="A2"><v>3</v></c></row>\n<row r="3"><c r="A3"><v>4</v></c></row>\n'))];
    kept.push(...await part.end());
    out.push(...await collect(w.sheetFrom('two', part, from(kept))));
    out.push(...await w.sheet('three', header), ...await w.rows([[5, 'e']]), ...await w.finish('note'));
    const file = Buffer.concat(out);
    const entries = zipEntries(file);
    expect([...entries.keys()].filter((n) => n.startsWith('xl/worksheets/'))).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
    expect(entries.get('xl/worksheets/sheet2.xml')!.toString()).toMatch(/<row r="1">.*<\/row><row r="2">.*<row r="3">.*<\/sheetData><\/worksheet>$/s);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const rows = wb.worksheets.map((ws) => {
      const r: unknown[][] = [];
      ws.eachRow((row) => r.push((row.values as unknown[]).slice(1)));
      return [ws.name, r];
    });
    expect(rows).toEqual([['one', [header, [1, 'a'], [2, 'b']]], ['two', [header, [3], [4]]], ['three', [header, [5, 'e']]]]);
  });

  it('refuses bytes that are not all of the part\'s output', async () => {
    const w = new XlsxWriter();
    const part = new SheetPart(['h']);
    const kept = [await part.start(), ...await part.end()];
    await expect(collect(w.sheetFrom('short', part, from(kept.slice(0, 1))))).rejects.toThrow(/bytes given/);
  });
});
