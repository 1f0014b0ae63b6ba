// The worksheets of an XLSX file as rows of text, streamed (registers read the first one): the ZIP's
// central directory is read from the end of the stored file, the sheet is
// inflated and scanned as it comes. Only shared strings stay in memory.
//
// Not exceljs's streaming reader: it decodes each inflated chunk on its own, so
// a Chinese character cut by a chunk boundary turns into "��" (exceljs#2063,
// #2084, #2316, open in 4.4.0; seen here on 1 row in 400 of a 100,000-row file).
// Here the inflated bytes go through one UTF-8 decoder per entry.
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { AppError } from '../../../core/errors.ts';
import { checkDirectory, refuseDoctype, sizeKeeper, unsafe, zipDirectory, type ZipEntryInfo, type ZipLimits } from '../../../core/xlsx-guard.ts';

const fail = (detail: string) => new AppError('REGISTER_NOT_SPREADSHEET', { detail });

type Entry = ZipEntryInfo;

/** The entries of the ZIP, by lower-case name, from its central directory, checked against a bomb. */
function readDirectory(fd: number, size: number, limits: ZipLimits): Map<string, Entry> {
  const read = (pos: number, len: number) => {
    const b = Buffer.alloc(len);
    fs.readSync(fd, b, 0, len, pos);
    return b;
  };
  const entries = zipDirectory(read, size);
  checkDirectory(entries, limits);
  return new Map(entries.map((e) => [e.name.toLowerCase(), e]));
}

/** One entry's text, inflated and decoded as UTF-8 by one decoder (characters cut by chunks stay whole). */
function openEntry(file: string, fd: number, e: Entry): { text: Readable; raw: { bytesRead: number } } {
  const h = Buffer.alloc(30);
  fs.readSync(fd, h, 0, 30, e.offset);
  if (h.readUInt32LE(0) !== 0x04034b50) throw fail(`a broken ZIP entry (${e.name})`);
  const start = e.offset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  if (e.method !== 0 && e.method !== 8) throw fail(`ZIP compression method ${e.method} is not supported`);
  if (e.compressedSize === 0) return { text: Readable.from([]), raw: { bytesRead: 0 } }; // a read stream cannot cover zero bytes
  const raw = fs.createReadStream(file, { start, end: start + e.compressedSize - 1, highWaterMark: 256 * 1024 });
  const keep = sizeKeeper(e);
  // Held to the size it declares as it inflates: a bomb that hides its size stops there.
  const held = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      try {
        keep(chunk.length);
        cb(null, chunk);
      } catch (err) {
        cb(err as Error);
      }
    },
  });
  const inflated = e.method === 8 ? raw.pipe(zlib.createInflateRaw()) : raw;
  const text = inflated.pipe(held);
  raw.on('error', (err) => text.destroy(err));
  if (inflated !== raw) inflated.on('error', (err: Error) => text.destroy(err));
  text.on('close', () => raw.destroy());
  text.setEncoding('utf8');
  return { text, raw };
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities, and OOXML's _xHHHH_ escapes (e.g. _x000D_ for a carriage return). */
export function decodeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e] ?? m);
}

export function attrsOf(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXml(m[2] ?? m[3]);
  return out;
}

export interface XmlHandler {
  open(name: string, attrs: string): void;
  close(name: string): void;
  /** Raw text (entities not decoded), possibly in several pieces. */
  text(s: string): void;
}

/** Longest tag (or comment, CDATA) kept across chunks. */
const MAX_TAG = 1024 * 1024;
/** Most characters the shared strings may unpack to (a million-row register's are about 100 MB). */
const MAX_SHARED = 256 * 1024 * 1024;
/** Longest text of one cell: Excel's own limit is 32,767 characters. */
const MAX_CELL = 1024 * 1024;

/** A small incremental XML scanner: enough for the parts of an XLSX file (no DTDs). */
export class XmlScanner {
  private rest = '';
  constructor(private readonly h: XmlHandler) {}

  write(chunk: string) {
    const s = this.rest + chunk;
    this.rest = '';
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (i < s.length) this.h.text(s.slice(i));
        return;
      }
      if (lt > i) this.h.text(s.slice(i, lt));
      const special = s.startsWith('<!--', lt) ? '-->' : s.startsWith('<![CDATA[', lt) ? ']]>' : s[lt + 1] === '?' ? '?>' : s[lt + 1] === '!' ? '>' : '';
      if (special === '>') refuseDoctype(s.slice(lt, lt + 10));
      if (special) {
        const end = s.indexOf(special, lt + 2);
        if (end < 0) return void this.keep(s.slice(lt));
        if (special === ']]>') this.h.text(s.slice(lt + 9, end).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        i = end + special.length;
        continue;
      }
      let gt = -1;
      let quote = '';
      for (let k = lt + 1; k < s.length; k++) {
        const c = s[k];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') {
          gt = k;
          break;
        }
      }
      if (gt < 0) return void this.keep(s.slice(lt));
      const closing = s[lt + 1] === '/';
      const empty = s[gt - 1] === '/';
      const body = s.slice(lt + (closing ? 2 : 1), empty ? gt - 1 : gt);
      const sp = body.search(/\s/);
      const qname = sp < 0 ? body : body.slice(0, sp);
      const name = qname.slice(qname.indexOf(':') + 1); // x:row → row
      if (closing) this.h.close(name);
      else {
        this.h.open(name, sp < 0 ? '' : body.slice(sp));
        if (empty) this.h.close(name);
      }
      i = gt + 1;
    }
  }

  /** An unfinished tag waits for the next chunk; one longer than any a spreadsheet writes is refused (each chunk would scan it again). */
  private keep(rest: string) {
    if (rest.length > MAX_TAG) throw unsafe(`an XML tag longer than ${MAX_TAG} characters`);
    this.rest = rest;
  }

  end() {
    if (this.rest.trim()) throw fail('its XML ends in the middle of a tag');
  }
}

/** Counts the characters inflated from one entry; past `limit` the file is refused (a ZIP bomb, or far too large). */
function inflatedLimit(limit: number) {
  let n = 0;
  return (chunk: string) => {
    n += chunk.length;
    if (n > limit) throw fail(`a part of it unpacks to more than ${Math.round(limit / 1024 ** 2)} MB`);
  };
}

async function scanAll(file: string, fd: number, e: Entry | undefined, h: XmlHandler, limit = Infinity) {
  if (!e) return;
  const x = new XmlScanner(h);
  const count = inflatedLimit(limit);
  for await (const chunk of openEntry(file, fd, e).text) {
    count(chunk as string);
    x.write(chunk as string);
  }
  x.end();
}

/** Collects the text of <t> elements inside `unit` (a shared string, an inline string), phonetic runs left out. */
function textCollector(unit: string, onUnit: (text: string) => void) {
  let cur = '';
  let buf = '';
  let inT = false;
  let inPh = false;
  return {
    open(n: string) {
      if (n === unit) cur = '';
      else if (n === 'rPh') inPh = true;
      else if (n === 't' && !inPh) (inT = true), (buf = '');
    },
    close(n: string) {
      if (n === 't' && inT) (cur += decodeXml(buf)), (inT = false);
      else if (n === 'rPh') inPh = false;
      else if (n === unit) onUnit(cur);
    },
    text(s: string) {
      if (!inT) return;
      buf += s;
      if (buf.length > MAX_CELL) throw unsafe(`a cell longer than ${MAX_CELL} characters`);
    },
  };
}

// Built-in number formats that show dates: 14–22, 27–36 and 50–58 (the CJK ones), 45–47.
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const isDateCode = (code: string) => /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** An Excel serial day number as text: 2015-05-06, or 2015-05-06 08:30:00 when it has a time. */
export function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** A number as Excel stored it, as text: never an exponent for an integer (an 18-digit code stays 18 digits). */
export function numberText(raw: string): string {
  if (/^-?\d+$/.test(raw)) return raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

const columnIndex = (ref: string) => {
  let n = 0;
  for (const c of ref) {
    const v = c.charCodeAt(0);
    if (v < 65 || v > 90) break;
    n = n * 26 + (v - 64);
  }
  return n - 1;
};

export interface XlsxRows {
  rows: AsyncGenerator<string[]>;
  /** Share of the worksheet's compressed bytes read so far. */
  progress(): number;
  close(): void;
}

/** A worksheet's row: its 1-based number in the sheet (rows left out of the file are skipped) and its cells as text. */
export interface NumberedRow {
  r: number;
  cells: string[];
}

export interface XlsxWorkbook {
  /** The worksheets' names, in the workbook's order. */
  sheets: string[];
  /** Streams one worksheet's rows; undefined when the workbook has no sheet of that name. */
  readSheet(name: string): { rows: AsyncGenerator<NumberedRow>; progress(): number; close(): void } | undefined;
}

/** Opens an XLSX file: its sheet names, date styles and shared strings are read; each sheet streams on demand. */
/** `maxInflated`: most characters any one part may unpack to (unbounded for registers, which may be large). */
export async function openWorkbook(file: string, opts: { maxInflated?: number } = {}): Promise<XlsxWorkbook> {
  const limit = opts.maxInflated ?? Infinity;
  const fd = fs.openSync(file, 'r');
  try {
    const entries = readDirectory(fd, fs.fstatSync(fd).size, { maxEntryBytes: opts.maxInflated });
    const get = (name: string) => entries.get(name.toLowerCase());
    if (!get('xl/workbook.xml')) throw fail('it holds no workbook (xl/workbook.xml): a ZIP of something else');

    let date1904 = false;
    const sheetRels: { name: string; rel: string | undefined }[] = [];
    await scanAll(file, fd, get('xl/workbook.xml'), {
      open(n, a) {
        if (n === 'workbookPr') date1904 = /^(1|true)$/.test(attrsOf(a).date1904 ?? '');
        if (n === 'sheet') sheetRels.push({ name: attrsOf(a).name ?? '', rel: attrsOf(a)['r:id'] });
      },
      close() {},
      text() {},
    }, limit);
    const targets = new Map<string, string>();
    let sharedTarget = 'xl/sharedStrings.xml';
    let stylesTarget = 'xl/styles.xml';
    await scanAll(file, fd, get('xl/_rels/workbook.xml.rels'), {
      open(n, a) {
        if (n !== 'Relationship') return;
        const r = attrsOf(a);
        const target = r.Target?.startsWith('/') ? r.Target.slice(1) : path.posix.normalize(`xl/${r.Target ?? ''}`);
        targets.set(r.Id, target);
        if (r.Type?.endsWith('/sharedStrings')) sharedTarget = target;
        if (r.Type?.endsWith('/styles')) stylesTarget = target;
      },
      close() {},
      text() {},
    }, limit);
    const entryOf = (i: number) => get((sheetRels[i]?.rel && targets.get(sheetRels[i].rel!)) || (i === 0 ? 'xl/worksheets/sheet1.xml' : ''));
    if (!entryOf(0)) throw fail('it holds no worksheet');

    const custom = new Map<number, string>();
    const xfDate: boolean[] = [];
    let inXfs = false;
    await scanAll(file, fd, get(stylesTarget), {
      open(n, a) {
        if (n === 'numFmt') custom.set(Number(attrsOf(a).numFmtId), attrsOf(a).formatCode ?? '');
        else if (n === 'cellXfs') inXfs = true;
        else if (n === 'xf' && inXfs) {
          const id = Number(attrsOf(a).numFmtId ?? 0);
          xfDate.push(DATE_IDS.has(id) || (custom.has(id) && isDateCode(custom.get(id)!)));
        }
      },
      close(n) {
        if (n === 'cellXfs') inXfs = false;
      },
      text() {},
    }, limit);
    const shared: string[] = [];
    // Shared strings stay in memory for the whole read: bounded even where a sheet is not.
    await scanAll(file, fd, get(sharedTarget), textCollector('si', (t) => shared.push(t)), Math.min(limit, MAX_SHARED));

    const open = (entry: Entry) => {
      const sfd = fs.openSync(file, 'r');
      try {
        const { text, raw } = openEntry(file, sfd, entry);
        return {
          rows: sheetRows(text, shared, xfDate, date1904, limit),
          progress: () => (entry.compressedSize ? raw.bytesRead / entry.compressedSize : 1),
          close: () => text.destroy(),
        };
      } finally {
        fs.closeSync(sfd); // the sheet's stream has its own
      }
    };
    const names = sheetRels.length ? sheetRels.map((s) => s.name) : [''];
    return {
      sheets: names,
      readSheet(name) {
        const i = names.indexOf(name);
        const entry = i < 0 ? undefined : entryOf(i);
        return entry ? open(entry) : undefined;
      },
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens the first worksheet (in the workbook's order) of an XLSX file. */
export async function readFirstSheet(file: string): Promise<XlsxRows> {
  const wb = await openWorkbook(file);
  const sheet = wb.readSheet(wb.sheets[0])!;
  async function* cellsOnly() {
    for await (const row of sheet.rows) yield row.cells;
  }
  return { rows: cellsOnly(), progress: sheet.progress, close: sheet.close };
}

async function* sheetRows(text: Readable, shared: string[], xfDate: boolean[], date1904: boolean, limit = Infinity): AsyncGenerator<NumberedRow> {
  const count = inflatedLimit(limit);
  const ready: NumberedRow[] = [];
  let cells: string[] = [];
  let rowNo = 0;
  let col = -1;
  let type = 'n';
  let style = 0;
  let v: string | null = null;
  let buf = '';
  let inV = false;
  let inline = '';
  const inlineText = textCollector('is', (t) => (inline = t));
  const scanner = new XmlScanner({
    open(n, a) {
      if (n === 'row') (cells = []), (col = -1), (rowNo = Number(attrsOf(a).r) || rowNo + 1);
      else if (n === 'c') {
        const at = attrsOf(a);
        col = at.r ? columnIndex(at.r) : col + 1;
        type = at.t ?? 'n';
        style = at.s ? Number(at.s) : 0;
        v = null;
        inline = '';
      } else if (n === 'v') (inV = true), (buf = '');
      else inlineText.open(n);
    },
    close(n) {
      if (n === 'v') (v = decodeXml(buf)), (inV = false);
      else if (n === 'c') {
        let t = '';
        if (type === 'inlineStr') t = inline;
        else if (v !== null && v !== '') {
          if (type === 's') t = shared[Number(v)] ?? '';
          else if (type === 'str' || type === 'd') t = v;
          else if (type === 'b') t = v === '1' ? 'TRUE' : 'FALSE';
          else if (type === 'n') t = xfDate[style] && v !== '' && Number.isFinite(Number(v)) ? serialDate(Number(v), date1904) : numberText(v);
        }
        if (col >= 0) {
          while (cells.length < col) cells.push('');
          cells[col] = t;
        }
      } else if (n === 'row') ready.push({ r: rowNo, cells });
      else inlineText.close(n);
    },
    text(s) {
      if (!inV) return inlineText.text(s);
      buf += s;
      if (buf.length > MAX_CELL) throw unsafe(`a cell longer than ${MAX_CELL} characters`);
    },
  });
  try {
    for await (const chunk of text) {
      count(chunk as string);
      scanner.write(chunk as string);
      for (const row of ready.splice(0)) yield row;
    }
    scanner.end();
  } finally {
    text.destroy();
  }
}
