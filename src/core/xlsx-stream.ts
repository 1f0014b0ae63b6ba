// A streamed XLSX writer for exports of millions of rows: sheet XML written by hand and deflated
// piece by piece on zlib's thread pool, framed as a ZIP with data descriptors (sizes after the
// data), so memory stays flat and the event loop free. exceljs's WorkbookWriter does the same
// through a cell object per value, several times slower (docs/benchmarks.md). Cells are inline
// strings, numbers, booleans or empty; formula-like text gets the text style (spreadsheet-safe).
// Rows can also be deflated apart, at the same time as others (DeflatedPart), and joined into
// the open sheet later (rowsFrom): their CRC-32 is combined with the sheet's.
// No ZIP64: a part or the file past 4 GiB is refused (a sheet of 1,000,000 export rows is < 2 GiB).
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { isFormulaLike } from './spreadsheet-safe.ts';

export type XlsxCell = string | number | boolean | null | undefined;

const deflateRaw = promisify(zlib.deflateRaw);
// Each piece ends with a sync flush (a non-final block), so the pieces concatenate into one stream.
const PIECE = { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const LAST_BLOCK = Buffer.from([0x03, 0x00]); // an empty final block of fixed codes
const MAX_CELL = 32_767; // Excel's limit on a cell's text
const U32 = 0xffff_ffff;

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/F) are dropped.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ODD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const MARKUP = /[&<>\r\n]/;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;' };
/**
 * Text content: only & < > need escaping there (quotes do not), so JSON text mostly goes as it is.
 * Line breaks go as references: a reader turns a raw CR into LF (XML's end-of-line rule), and the
 * server's writer (survey export) keeps a row to one line.
 */
function xmlText(s: string): string {
  if (ODD.test(s)) s = s.replace(INVALID, '');
  return MARKUP.test(s) ? s.replace(/[&<>\r\n]/g, (c) => ENTITY[c]) : s;
}
const xmlAttr = (s: string) => xmlText(s).replace(/"/g, '&quot;');
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Column letters A, B, …, Z, AA, … for column index i (0-based). */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellXml(v: XlsxCell, ref: string): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : '';
  if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  const s = v.length > MAX_CELL ? v.slice(0, MAX_CELL) : v;
  const space = isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)) ? ' xml:space="preserve"' : '';
  // style 1 is the text format '@': formula-like text stays text, even when edited in Excel
  return `<c r="${ref}" t="inlineStr"${isFormulaLike(s) ? ' s="1"' : ''}><is><t${space}>${xmlText(s)}</t></is></c>`;
}

interface Entry { name: string; crc: number; csize: number; usize: number; offset: number }

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (2018 - 1980) << 9 | 1 << 5 | 1; // 2018-01-01: fixed, so the same data gives the same file

function localHeader(name: Buffer): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0); b.writeUInt16LE(20, 4); b.writeUInt16LE(0x0808, 6); b.writeUInt16LE(8, 8);
  b.writeUInt16LE(DOS_TIME, 10); b.writeUInt16LE(DOS_DATE, 12); b.writeUInt16LE(name.length, 26);
  return Buffer.concat([b, name]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>';

// CRC-32 of two pieces joined, from the pieces' CRCs and the second's length (zlib's
// crc32_combine, which Node does not expose): appending n zero bytes to a CRC's message is a
// linear map over GF(2), a 32×32 bit matrix; squaring the one-zero-bit map gives the maps for
// 2, 4, 8 … zero bits, applied for the bits set in 8·n.
function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0, v = vec >>> 0; v; v >>>= 1, i++) if (v & 1) sum ^= mat[i];
  return sum >>> 0;
}
function gf2Square(mat: Uint32Array): Uint32Array<ArrayBuffer> {
  const sq = new Uint32Array(32);
  for (let i = 0; i < 32; i++) sq[i] = gf2Times(mat, mat[i]);
  return sq;
}
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  let op = new Uint32Array(32); // one zero bit: shift right, the polynomial fed back from bit 0
  op[0] = 0xedb88320;
  for (let i = 1; i < 32; i++) op[i] = 1 << (i - 1);
  op = gf2Square(gf2Square(gf2Square(op))); // one zero byte
  let crc = crc1 >>> 0;
  for (let n = len2; n > 0; n = Math.floor(n / 2)) {
    if (n % 2) crc = gf2Times(op, crc);
    op = gf2Square(op);
  }
  return (crc ^ crc2) >>> 0;
}

/**
 * Sheet XML deflated piece by piece, with the CRC and sizes its ZIP entry needs. The writer keeps
 * one for the sheet it sends; one made apart can hold a run of rows deflated at the same time as
 * others (kept elsewhere meanwhile, e.g. a spool file), added to the open sheet by `rowsFrom`.
 */
export class DeflatedPart {
  crc = 0;
  csize = 0;
  usize = 0;

  /** Deflates one piece; the pieces concatenate into one stream. */
  async deflate(xml: string | Buffer): Promise<Buffer> {
    const raw = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
    this.crc = zlib.crc32(raw, this.crc);
    this.usize += raw.length;
    if (this.usize > U32) throw new Error('XLSX sheet over 4 GiB: ZIP64 is not written');
    const z = await deflateRaw(raw, PIECE);
    this.csize += z.length;
    return z;
  }

  /** Takes `next` as following this part's bytes. */
  append(next: DeflatedPart): void {
    this.crc = crc32Combine(this.crc, next.crc, next.usize);
    this.csize += next.csize;
    this.usize += next.usize;
    if (this.usize > U32) throw new Error('XLSX sheet over 4 GiB: ZIP64 is not written');
  }
}

/**
 * Writes an XLSX file as a series of buffers: `sheet(name, header)`, `rows(values)` as often as
 * needed, then `finish()`; each answers the bytes to send next, in order. Sheets are written one
 * after another (a new `sheet` closes the one before).
 */
export class XlsxWriter {
  private offset = 0;
  private entries: Entry[] = [];
  private sheets: string[] = [];
  private open: { entry: Entry; part: DeflatedPart; row: number } | null = null;

  private add(bufs: Buffer[]): Buffer[] {
    for (const b of bufs) this.offset += b.length;
    if (this.offset > U32) throw new Error('XLSX over 4 GiB: ZIP64 is not written');
    return bufs;
  }

  private openSheet(): { entry: Entry; part: DeflatedPart; row: number } {
    if (!this.open) throw new Error('no sheet open');
    return this.open;
  }

  /** Starts a sheet (closing the one open) with a header row of text. */
  async sheet(title: string, header: readonly string[]): Promise<Buffer[]> {
    const out = this.open ? await this.closeSheet() : [];
    const name = `xl/worksheets/sheet${this.sheets.length + 1}.xml`;
    this.sheets.push(title);
    const entry: Entry = { name, crc: 0, csize: 0, usize: 0, offset: this.offset }; // after the sheet closed above
    out.push(...this.add([localHeader(Buffer.from(name))]));
    this.open = { entry, part: new DeflatedPart(), row: 0 };
    out.push(...this.add([await this.open.part.deflate(SHEET_HEAD + this.rowXml(header))]));
    return out;
  }

  private refs: string[] = [];
  private rowXml(values: readonly XlsxCell[]): string {
    const r = ++this.openSheet().row;
    while (this.refs.length < values.length) this.refs.push(columnName(this.refs.length));
    let s = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) s += cellXml(values[i], this.refs[i] + r);
    return s + '</row>';
  }

  /** Rows of the open sheet, deflated as one piece (give a page of a few thousand at a time). */
  async rows(rows: readonly (readonly XlsxCell[])[]): Promise<Buffer[]> {
    let xml = '';
    for (const r of rows) xml += this.rowXml(r);
    return this.add([await this.openSheet().part.deflate(xml)]);
  }

  /**
   * Row XML written elsewhere (the database server), UTF-8, numbered from 2 by its writer: the
   * writer's own row count does not follow, so do not mix it with `rows` in one sheet.
   */
  async rowsXml(xml: Buffer): Promise<Buffer[]> {
    return this.add([await this.openSheet().part.deflate(xml)]);
  }

  /**
   * Rows deflated apart, into the open sheet: `bytes` are all of what `part.deflate` gave, in
   * order (read back from wherever they were kept); the part's sums are read after the last.
   */
  async *rowsFrom(part: DeflatedPart, bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const open = this.openSheet();
    let n = 0;
    for await (const b of bytes) {
      n += b.length;
      yield* this.add([b]);
    }
    if (n !== part.csize) throw new Error(`${n} deflated bytes given, ${part.csize} made`);
    open.part.append(part);
  }

  private async closeSheet(): Promise<Buffer[]> {
    const { entry, part } = this.openSheet();
    this.open = null;
    const out = this.add([await part.deflate('</sheetData></worksheet>'), LAST_BLOCK]);
    Object.assign(entry, { crc: part.crc, csize: part.csize + LAST_BLOCK.length, usize: part.usize });
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0); d.writeUInt32LE(entry.crc >>> 0, 4); d.writeUInt32LE(entry.csize, 8); d.writeUInt32LE(entry.usize, 12);
    this.entries.push(entry);
    return [...out, ...this.add([d])];
  }

  /** Closes the last sheet and writes the workbook's other parts and the ZIP's directory (with a comment, ASCII). */
  async finish(comment = ''): Promise<Buffer[]> {
    const out = this.open ? await this.closeSheet() : [];
    const n = this.sheets.length;
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    const parts: [string, string][] = [
      ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${ids.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`],
      ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${ids.map((i) => `<sheet name="${xmlAttr(this.sheets[i - 1])}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`],
      ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids.map((i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`],
      ['xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`],
    ];
    for (const [name, xml] of parts) {
      const raw = Buffer.from(xml, 'utf8');
      const z = zlib.deflateRawSync(raw);
      const nameBuf = Buffer.from(name);
      const h = localHeader(nameBuf);
      h.writeUInt16LE(0x0800, 6); // sizes known: no data descriptor
      h.writeUInt32LE(zlib.crc32(raw) >>> 0, 14); h.writeUInt32LE(z.length, 18); h.writeUInt32LE(raw.length, 22);
      this.entries.push({ name, crc: zlib.crc32(raw), csize: z.length, usize: raw.length, offset: this.offset });
      out.push(...this.add([h, z]));
    }
    const cdStart = this.offset;
    const cd: Buffer[] = [];
    for (const e of this.entries) {
      const name = Buffer.from(e.name);
      const b = Buffer.alloc(46);
      const described = e.name.startsWith('xl/worksheets/');
      b.writeUInt32LE(0x02014b50, 0); b.writeUInt16LE(20, 4); b.writeUInt16LE(20, 6); b.writeUInt16LE(described ? 0x0808 : 0x0800, 8); b.writeUInt16LE(8, 10);
      b.writeUInt16LE(DOS_TIME, 12); b.writeUInt16LE(DOS_DATE, 14); b.writeUInt32LE(e.crc >>> 0, 16); b.writeUInt32LE(e.csize, 20); b.writeUInt32LE(e.usize, 24);
      b.writeUInt16LE(name.length, 28); b.writeUInt32LE(e.offset, 42);
      cd.push(b, name);
    }
    out.push(...this.add(cd));
    const note = Buffer.from(comment.replace(/[^ -~]/g, '').slice(0, 200), 'latin1');
    const end = Buffer.alloc(22 + note.length);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(this.entries.length, 8); end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - cdStart, 12); end.writeUInt32LE(cdStart, 16); end.writeUInt16LE(note.length, 20);
    note.copy(end, 22);
    out.push(...this.add([end]));
    return out;
  }
}
