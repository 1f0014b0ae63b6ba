// A streamed XLSX writer for exports of millions of rows: sheet XML written by hand and deflated
// piece by piece on zlib's thread pool, framed as a ZIP with data descriptors (sizes after the
// data), so memory stays flat and the event loop free. exceljs's WorkbookWriter does the same
// through a cell object per value, several times slower (docs/benchmarks.md). Cells are inline
// strings, numbers, booleans or empty; formula-like text gets the text style (spreadsheet-safe).
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

/**
 * One sheet's XML deflated piece by piece, with the CRC and sizes its ZIP entry needs. The writer
 * keeps one for the sheet it sends; one made apart (`new SheetPart(header)`) can be deflated
 * while another sheet is sent, its bytes kept elsewhere, and added later with `sheetFrom`.
 */
export class SheetPart {
  crc = 0;
  csize = 0;
  usize = 0;
  private row = 0;
  private refs: string[] = [];
  constructor(private header: readonly string[]) {}

  private async deflate(xml: string | Buffer): Promise<Buffer> {
    const raw = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
    this.crc = zlib.crc32(raw, this.crc);
    this.usize += raw.length;
    if (this.usize > U32) throw new Error('XLSX sheet over 4 GiB: ZIP64 is not written');
    const z = await deflateRaw(raw, PIECE);
    this.csize += z.length;
    return z;
  }

  /** The sheet's start and its header row: the first piece. */
  start(): Promise<Buffer> {
    return this.deflate(SHEET_HEAD + this.rowXml(this.header));
  }

  private rowXml(values: readonly XlsxCell[]): string {
    const r = ++this.row;
    while (this.refs.length < values.length) this.refs.push(columnName(this.refs.length));
    let s = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) s += cellXml(values[i], this.refs[i] + r);
    return s + '</row>';
  }

  /** Rows, deflated as one piece (give a page of a few thousand at a time). */
  rows(rows: readonly (readonly XlsxCell[])[]): Promise<Buffer> {
    let xml = '';
    for (const r of rows) xml += this.rowXml(r);
    return this.deflate(xml);
  }

  /**
   * Row XML written elsewhere (the database server), UTF-8, numbered from 2 by its writer: this
   * part's own row count does not follow, so do not mix it with `rows`.
   */
  rowsXml(xml: Buffer): Promise<Buffer> {
    return this.deflate(xml);
  }

  /** The sheet's last bytes: its closing tags and the deflate stream's final block. */
  async end(): Promise<Buffer[]> {
    const z = await this.deflate('</sheetData></worksheet>');
    this.csize += LAST_BLOCK.length;
    return [z, LAST_BLOCK];
  }
}

/**
 * Writes an XLSX file as a series of buffers: `sheet(name, header)`, `rows(values)` as often as
 * needed, then `finish()`; each answers the bytes to send next, in order. Sheets are written one
 * after another (a new `sheet` or `sheetFrom` closes the one before).
 */
export class XlsxWriter {
  private offset = 0;
  private entries: Entry[] = [];
  private sheets: string[] = [];
  private open: { entry: Entry; part: SheetPart } | null = null;

  private add(bufs: Buffer[]): Buffer[] {
    for (const b of bufs) this.offset += b.length;
    if (this.offset > U32) throw new Error('XLSX over 4 GiB: ZIP64 is not written');
    return bufs;
  }

  /** A new sheet's entry, after the one open is closed: its local header (sizes follow the data). */
  private async startEntry(title: string): Promise<{ out: Buffer[]; entry: Entry }> {
    const out = this.open ? await this.closeSheet() : [];
    const name = `xl/worksheets/sheet${this.sheets.length + 1}.xml`;
    this.sheets.push(title);
    const entry: Entry = { name, crc: 0, csize: 0, usize: 0, offset: this.offset }; // after the sheet closed above
    out.push(...this.add([localHeader(Buffer.from(name))]));
    return { out, entry };
  }

  /** The data descriptor after an entry's data, once its CRC and sizes are known. */
  private endEntry(entry: Entry, part: SheetPart): Buffer[] {
    Object.assign(entry, { crc: part.crc, csize: part.csize, usize: part.usize });
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0); d.writeUInt32LE(entry.crc >>> 0, 4); d.writeUInt32LE(entry.csize, 8); d.writeUInt32LE(entry.usize, 12);
    this.entries.push(entry);
    return this.add([d]);
  }

  /** Starts a sheet (closing the one open) with a header row of text. */
  async sheet(title: string, header: readonly string[]): Promise<Buffer[]> {
    const { out, entry } = await this.startEntry(title);
    const part = new SheetPart(header);
    this.open = { entry, part };
    out.push(...this.add([await part.start()]));
    return out;
  }

  /** Rows of the open sheet, deflated as one piece (give a page of a few thousand at a time). */
  async rows(rows: readonly (readonly XlsxCell[])[]): Promise<Buffer[]> {
    if (!this.open) throw new Error('no sheet open');
    return this.add([await this.open.part.rows(rows)]);
  }

  /** Row XML written elsewhere (SheetPart.rowsXml), into the open sheet. */
  async rowsXml(xml: Buffer): Promise<Buffer[]> {
    if (!this.open) throw new Error('no sheet open');
    return this.add([await this.open.part.rowsXml(xml)]);
  }

  /**
   * A whole sheet deflated apart: `bytes` are all of `part`'s output, `start()` to `end()`, in
   * order (read back from wherever they were kept); the part's sizes are read after the last.
   */
  async *sheetFrom(title: string, part: SheetPart, bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const { out, entry } = await this.startEntry(title);
    yield* out;
    let n = 0;
    for await (const b of bytes) {
      n += b.length;
      yield* this.add([b]);
    }
    if (n !== part.csize) throw new Error(`sheet ${title}: ${n} bytes given, ${part.csize} deflated`);
    yield* this.endEntry(entry, part);
  }

  private async closeSheet(): Promise<Buffer[]> {
    const { entry, part } = this.open!;
    this.open = null;
    const out = this.add(await part.end());
    return [...out, ...this.endEntry(entry, part)];
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
