// The bad-input corpus of issue 12 for multipart uploads, built in memory: files that are not
// what their names say, spreadsheets that unpack to gigabytes or declare XML entities, text in
// the wrong encodings, file names that climb out of their folder, and malformed multipart bodies.
// Each case changes a route's valid request (its audit case) in one way, so the route's other
// fields stay right and the refusal, if any, is about the file.
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { multipartBody, type Part } from '../helpers/multipart.ts';

// ---- ZIP files ----------------------------------------------------------------------------

export interface ZipEntry {
  name: string;
  /** Raw DEFLATE data (method 8), or stored bytes when `data` is given instead. */
  deflated?: Buffer;
  data?: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size the headers declare (a lie, for a bomb that hides its size). */
  declaredSize?: number;
}

export const deflatedEntry = (name: string, text: string | Buffer): ZipEntry => {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return { name, deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
};

export function zipFile(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflated ?? e.data!;
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflated ? 8 : 0, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

/** A sheet of two rows whose cells are the shared strings 0..n-1 (header) and n..2n-1 (data). */
const sheetOf = (n: number) => {
  const col = (i: number) => String.fromCharCode(65 + i);
  const row = (r: number, from: number) => `<row r="${r}">${Array.from({ length: n }, (_, i) => `<c r="${col(i)}${r}" t="s"><v>${from + i}</v></c>`).join('')}</row>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row(1, 0)}${row(2, n)}</sheetData></worksheet>`;
};

/** A minimal workbook: one sheet whose cells are shared strings; `shared` or `sheet` replace those parts. */
export function workbook(parts: { shared?: ZipEntry; sheet?: ZipEntry; sharedXml?: string } = {}): Buffer {
  const strings = ['单位名称', '统一社会信用代码', '乐清市语料厂', ''];
  const sharedXml = parts.sharedXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  return zipFile([
    deflatedEntry('[Content_Types].xml', CONTENT_TYPES),
    deflatedEntry('_rels/.rels', ROOT_RELS),
    deflatedEntry('xl/workbook.xml', WORKBOOK),
    deflatedEntry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    parts.sheet ?? deflatedEntry('xl/worksheets/sheet1.xml', sheetOf(2)),
    parts.shared ?? deflatedEntry('xl/sharedStrings.xml', sharedXml),
  ]);
}

/**
 * An entry whose text is `head`, then `fill` repeated to more than `bytes`, then `tail`, deflated
 * without ever holding the whole: blocks ended by a full flush are independent, so one block of
 * 16 MB of `fill` is deflated once and repeated; a final empty block closes the stream.
 */
function bombEntry(name: string, head: string, fill: string, bytes: number, tail: string, declaredSize?: number): ZipEntry {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const chunk = Buffer.alloc(16 * 1024 * 1024, fill);
  const reps = Math.ceil(bytes / chunk.length);
  const [h, t] = [Buffer.from(head), Buffer.from(tail)];
  const block = zlib.deflateRawSync(chunk, flush);
  let crc = zlib.crc32(h);
  for (let i = 0; i < reps; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(t, crc);
  const deflated = Buffer.concat([zlib.deflateRawSync(h, flush), ...Array<Buffer>(reps).fill(block), zlib.deflateRawSync(t)]);
  const size = h.length + reps * chunk.length + t.length;
  return { name, deflated, crc, size: size > 0xffffffff ? 0xffffffff : size, declaredSize };
}

let bombs: { honest: Buffer; lying: Buffer } | undefined;
const GB = 1024 ** 3;

/** Two ZIP bombs shaped as workbooks, built once: shared strings of 1.06 GB declared as such, and a sheet that declares 2 KB but unpacks to 1.06 GB. */
export function zipBombs() {
  bombs ??= {
    honest: workbook({
      shared: bombEntry('xl/sharedStrings.xml', '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>', 'A', GB + 1, '</t></si></sst>'),
    }),
    lying: workbook({
      sheet: bombEntry('xl/worksheets/sheet1.xml', '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', ' ', GB + 1, '</sheetData></worksheet>', 2048),
    }),
  };
  return bombs;
}

const LAUGHS = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE sst [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>单位名称</t></si><si><t>统一社会信用代码</t></si><si><t>&lol9;</t></si><si><t></t></si></sst>`;
const XXE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>单位名称</t></si><si><t>统一社会信用代码</t></si><si><t>&xxe;</t></si><si><t></t></si></sst>`;

export const billionLaughs = () => workbook({ sharedXml: LAUGHS });
export const xxe = () => workbook({ sharedXml: XXE });

// ---- the cases ----------------------------------------------------------------------------

export type RouteKind = 'sheet' | 'binary';

export interface Request {
  payload: Buffer;
  contentType: string;
}

export interface BadCase {
  label: string;
  /** The multipart body made from the route's valid parts. */
  build(parts: Part[]): Request;
  /** Legitimately acceptable input (a 2xx is right); otherwise a 4xx is required. */
  mayPass?: boolean;
  /** The answer and what was stored must not contain this (an external entity's text). */
  mustNotLeak?: string;
  /** Sampled resident memory must not grow by more than this during the request. */
  memoryBudget?: number;
  /** A file name that climbs out of its folder: stored names are checked. */
  traversal?: boolean;
}

const fileOf = (parts: Part[]) => parts.find((p) => p.filename !== undefined)!;
const extOf = (name: string) => /\.[A-Za-z0-9]+$/.exec(name)?.[0] ?? '';
const body = (parts: Part[]) => multipartBody(parts);

/** The valid parts with the file replaced (name, content, or both). */
const withFile = (parts: Part[], f: { filename?: string; content?: Buffer | string }) =>
  body(parts.map((p) => (p.filename !== undefined ? { ...p, ...f } : p)));

const MZ = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(50), Buffer.from('PE\0\0'), Buffer.alloc(400, 0x90)]);

/** The route's valid file as text, when it is text (a CSV); otherwise a register-shaped CSV. */
const csvText = (parts: Part[]) => {
  const f = fileOf(parts);
  return extOf(f.filename!).toLowerCase() === '.csv' ? f.content.toString() : '单位名称,统一社会信用代码\n乐清市语料厂,\n';
};
const csvName = (parts: Part[]) => (extOf(fileOf(parts).filename!).toLowerCase() === '.csv' ? fileOf(parts).filename! : 'corpus.csv');
/** The CSV with `bytes` put inside its first data line (after the first field's first character). */
const spliced = (text: string, bytes: Buffer) => {
  const nl = text.indexOf('\n') + 2;
  return Buffer.concat([Buffer.from(text.slice(0, nl)), bytes, Buffer.from(text.slice(nl))]);
};

export function corpus(kind: RouteKind): BadCase[] {
  const content: BadCase[] = [
    { label: 'an empty file', build: (p) => withFile(p, { content: Buffer.alloc(0) }) },
    { label: 'a Windows executable named .xlsx', build: (p) => withFile(p, { filename: 'report.xlsx', content: MZ }) },
    { label: 'a Windows executable named .jpg', build: (p) => withFile(p, { filename: 'photo.jpg', content: MZ }) },
    { label: 'a text file named .xlsx', build: (p) => withFile(p, { filename: 'table.xlsx', content: '单位名称,统一社会信用代码\n乐清市语料厂,\n' }) },
    // Stored as they are by a route that keeps XLSX files without reading them; never unpacked there.
    { label: 'a ZIP bomb as XLSX (sizes declared)', build: (p) => withFile(p, { filename: 'bomb.xlsx', content: zipBombs().honest }), memoryBudget: 300 * 1024 ** 2, mayPass: kind === 'binary' },
    { label: 'a ZIP bomb as XLSX (sizes hidden)', build: (p) => withFile(p, { filename: 'bomb2.xlsx', content: zipBombs().lying }), memoryBudget: 300 * 1024 ** 2, mayPass: kind === 'binary' },
    { label: 'an XLSX with a billion laughs', build: (p) => withFile(p, { filename: 'laughs.xlsx', content: billionLaughs() }), memoryBudget: 300 * 1024 ** 2, mayPass: kind === 'binary' },
    { label: 'an XLSX with an external entity', build: (p) => withFile(p, { filename: 'xxe.xlsx', content: xxe() }), mustNotLeak: 'root:', mayPass: kind === 'binary' },
  ];
  const text: BadCase[] = [
    { label: 'a CSV with invalid UTF-8', build: (p) => withFile(p, { filename: csvName(p), content: spliced(csvText(p), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80])) }), mayPass: true },
    { label: 'a CSV in GBK', build: (p) => withFile(p, { filename: csvName(p), content: iconv.encode(csvText(p), 'gbk') }), mayPass: true },
    { label: 'a CSV in UTF-16 with a BOM', build: (p) => withFile(p, { filename: csvName(p), content: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csvText(p), 'utf16le')]) }), mayPass: true },
    { label: 'a CSV with NUL bytes', build: (p) => withFile(p, { filename: csvName(p), content: spliced(csvText(p), Buffer.from([0, 0, 0x41, 0])) }), mayPass: true },
    { label: 'a CSV with a 5 MB line', build: (p) => withFile(p, { filename: csvName(p), content: `${csvText(p)}${'长'.repeat(5 * 1024 * 1024 / 3)},\n` }), mayPass: true },
  ];
  // The route's own valid file under a name that climbs out of its folder: refused, or stored under a clean name.
  const names: Array<[string, (ext: string) => string]> = [
    ['../../etc/passwd', (e) => `../../etc/passwd${e}`],
    ['..\\..\\win.ini', (e) => `..\\..\\win.ini${e}`],
    ['/etc/passwd', () => '/etc/passwd'],
    ['a name with NUL', (e) => `a\u0000b${e}`],
    ['a 1000-character name', (e) => `${'长'.repeat(1000)}${e}`],
    ['CON', (e) => `CON${e}`],
  ];
  const traversal: BadCase[] = names.map(([label, name]) => ({
    label: `the file name ${label}`,
    traversal: true,
    mayPass: true,
    build: (p) => withFile(p, { filename: name(extOf(fileOf(p).filename!)) }),
  }));
  const shape: BadCase[] = [
    { label: 'the file under a wrong part name', build: (p) => body(p.map((x) => (x.filename !== undefined ? { ...x, name: 'upload' } : x))) },
    {
      label: 'two file parts',
      build: (p) => body([...p, { ...fileOf(p), filename: `second${extOf(fileOf(p).filename!)}` }]),
    },
    {
      label: 'a body cut short (no closing boundary)',
      build: (p) => {
        const b = body(p);
        const end = b.payload.lastIndexOf(Buffer.from('\r\n--'));
        return { contentType: b.contentType, payload: b.payload.subarray(0, Math.max(end - 3, 0)) };
      },
    },
  ];
  return [...content, ...(kind === 'sheet' ? text : []), ...traversal, ...shape];
}
