// The XLSX writer with rows deflated apart (as the export makes the next run of rows while one is
// sent): CRC-32s combine as zlib's do, the file is a valid ZIP (every CRC, size and data
// descriptor checked), a workbook reader sees the rows in order, and bytes that are not a part's
// whole output are refused.
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../../test/helpers/zip.ts';
import { DeflatedPart, XlsxWriter, crc32Combine } from './xlsx-stream.ts';

async function collect(gen: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const b of gen) out.push(b);
  return out;
}

async function* from(bufs: Buffer[]) {
  yield* bufs;
}

/** Rows 2… as the server writes them (a number in column A). */
const serverRows = (first: number, values: number[]) => Buffer.from(values.map((v, i) => `<row r="${first + i}"><c r="A${first + i}"><v>${v}</v></c></row>\n`).join(''));

describe('crc32Combine', () => {
  it('gives the CRC-32 of the joined bytes, for empty, short and long second pieces', () => {
    for (const [a, b] of [[0, 0], [5, 0], [0, 7], [1, 1], [1000, 3], [17, 100_000], [70_000, 1 << 17]]) {
      const x = randomBytes(a), y = randomBytes(b);
      expect(crc32Combine(zlib.crc32(x), zlib.crc32(y), y.length)).toBe(zlib.crc32(Buffer.concat([x, y])));
    }
  });
});

describe('XlsxWriter.rowsFrom', () => {
  it('puts rows deflated apart into the open sheet, between rows written in place', async () => {
    const header = ['n', 'text'];
    const w = new XlsxWriter();
    const out: Buffer[] = [];
    out.push(...await w.sheet('one', header), ...await w.rowsXml(serverRows(2, [1, 2])));
    // made before they are needed, as the export does while the rows before them are sent
    const parts = [new DeflatedPart(), new DeflatedPart()];
    const kept = [[await parts[0].deflate(serverRows(4, [3])), await parts[0].deflate(serverRows(5, [4]))], [await parts[1].deflate(serverRows(2, [5]))]];
    out.push(...await collect(w.rowsFrom(parts[0], from(kept[0]))));
    out.push(...await w.rowsXml(serverRows(6, [6])));
    out.push(...await w.sheet('two', header), ...await collect(w.rowsFrom(parts[1], from(kept[1]))), ...await w.finish('note'));
    const file = Buffer.concat(out);
    const entries = zipEntries(file);
    expect([...entries.keys()].filter((n) => n.startsWith('xl/worksheets/'))).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    expect(entries.get('xl/worksheets/sheet1.xml')!.toString()).toMatch(/<row r="1">.*<\/row><row r="2">.*<row r="6">.*<\/row>\n<\/sheetData><\/worksheet>$/s);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const rows = wb.worksheets.map((ws) => {
      const r: unknown[][] = [];
      ws.eachRow((row) => r.push((row.values as unknown[]).slice(1)));
      return [ws.name, r];
    });
    expect(rows).toEqual([['one', [header, [1], [2], [3], [4], [6]]], ['two', [header, [5]]]]);
  });

  it('refuses bytes that are not all of the part\'s output', async () => {
    const w = new XlsxWriter();
    await w.sheet('one', ['h']);
    const part = new DeflatedPart();
    const kept = [await part.deflate(serverRows(2, [1])), await part.deflate(serverRows(3, [2]))];
    await expect(collect(w.rowsFrom(part, from(kept.slice(0, 1))))).rejects.toThrow(/deflated bytes given/);
  });
});
