import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkDirectory, guardXlsxBuffer, refuseDoctype, sizeKeeper, zipDirectory, type ZipEntryInfo } from './xlsx-guard.ts';

/** A ZIP of deflated entries; `declare` overrides an entry's declared size. */
function zip(files: Record<string, string | Buffer>, declare: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [n, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const body = zlib.deflateRawSync(data);
    const name = Buffer.from(n);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(declare[n] ?? data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(declare[n] ?? data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const entry = (size: number, compressedSize: number): ZipEntryInfo => ({ name: 'xl/sharedStrings.xml', method: 8, size, compressedSize, offset: 0 });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'none';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('the XLSX guard', () => {
  it('reads the declared sizes from the central directory', () => {
    const buf = zip({ 'a.xml': '<a/>', 'b.xml': 'x'.repeat(5000) });
    const read = (pos: number, len: number) => buf.subarray(pos, pos + len);
    expect(zipDirectory(read, buf.length).map((e) => [e.name, e.size])).toEqual([['a.xml', 4], ['b.xml', 5000]]);
    expect(codeOf(() => zipDirectory(read, 10))).toBe('REGISTER_NOT_SPREADSHEET');
  });

  it('refuses an unpacking ratio no spreadsheet has, and sizes past the caller\'s limits', () => {
    expect(codeOf(() => checkDirectory([entry(1024 ** 3, 1024 ** 2)]))).toBe('XLSX_UNSAFE');
    expect(codeOf(() => checkDirectory([entry(50 * 1024 ** 2, 5 * 1024 ** 2)]))).toBe('none');
    // A small part may be very regular.
    expect(codeOf(() => checkDirectory([entry(1000 * 1000, 100)]))).toBe('none');
    expect(codeOf(() => checkDirectory([entry(50 * 1024 ** 2, 5 * 1024 ** 2)], { maxEntryBytes: 10 * 1024 ** 2 }))).toBe('XLSX_UNSAFE');
    expect(codeOf(() => checkDirectory([entry(6e6, 1e6), entry(6e6, 1e6)], { maxTotalBytes: 10e6 }))).toBe('XLSX_UNSAFE');
  });

  it('holds an entry to the size it declares', () => {
    const keep = sizeKeeper(entry(10, 5));
    keep(6);
    keep(4);
    expect(codeOf(() => keep(1))).toBe('XLSX_UNSAFE');
  });

  it('refuses a DOCTYPE or an entity declaration', () => {
    expect(codeOf(() => refuseDoctype('<!DOCTYPE sst ['))).toBe('XLSX_UNSAFE');
    expect(codeOf(() => refuseDoctype('<!ENTITY x SYSTEM'))).toBe('XLSX_UNSAFE');
    expect(codeOf(() => refuseDoctype('<!-- a comment -->'))).toBe('none');
  });

  it('checks a workbook in memory: sizes lied about, entities, and passes a plain one', () => {
    expect(codeOf(() => guardXlsxBuffer(zip({ 'xl/workbook.xml': '<workbook/>' }), {}))).toBe('none');
    expect(codeOf(() => guardXlsxBuffer(zip({ 'xl/sheet1.xml': ' '.repeat(100_000) }, { 'xl/sheet1.xml': 100 }), {}))).toBe('XLSX_UNSAFE');
    expect(codeOf(() => guardXlsxBuffer(zip({ 'xl/sharedStrings.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><sst/>' }), {}))).toBe('XLSX_UNSAFE');
    expect(codeOf(() => guardXlsxBuffer(Buffer.from('MZ not a zip at all, long enough to hold a directory'), {}))).toBe('REGISTER_NOT_SPREADSHEET');
  });
});
