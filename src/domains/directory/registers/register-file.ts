// Reading a register file as rows of text cells, streamed in constant memory:
// CSV (any of the encodings in encoding.ts, separator detected) through
// csv-parse, XLSX (first worksheet) through xlsx-reader.ts.
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError, isAppError } from '../../../core/errors.ts';
import { decoder, detectDelimiter, detectEncoding, SNIFF_BYTES, type TextEncoding } from './encoding.ts';
import { checkHeaders } from './mapping-rules.ts';
import { isBlankRow } from './row-rules.ts';
import { readFirstSheet, type XlsxRows } from './xlsx-reader.ts';

export type RegisterFormat = 'csv' | 'xlsx';

export interface Table {
  /** The text encoding (an XLSX is UTF-8 XML inside). */
  encoding: TextEncoding;
  rows: AsyncIterable<string[]>;
  /** Share of the file read so far, 0..1, for an estimate of the total. */
  progress(): number;
  close(): void;
}

/** Longest CSV record accepted: an unclosed quote must not swallow the file into memory. */
const MAX_RECORD = 1024 * 1024;

/**
 * The bytes the encoding is told from: the first 64 KB, or, when those are
 * plain ASCII (the same in every encoding here), 64 KB from the first byte that
 * is not, wherever it lies: a GBK file with English headers and ASCII rows up
 * front must not be taken for UTF-8.
 */
function sampleBytes(path: string): { head: Buffer; sample: Buffer } {
  const fd = fs.openSync(path, 'r');
  try {
    const read = (pos: number) => {
      const buf = Buffer.alloc(SNIFF_BYTES);
      return buf.subarray(0, fs.readSync(fd, buf, 0, SNIFF_BYTES, pos));
    };
    const head = read(0);
    if (head.some((b) => b >= 0x80 || b === 0)) return { head, sample: head }; // a BOM is not ASCII either
    for (let pos = head.length, chunk = head; chunk.length === SNIFF_BYTES; pos += chunk.length) {
      chunk = read(pos);
      const i = chunk.findIndex((b) => b >= 0x80 || b === 0);
      if (i >= 0) return { head, sample: read(pos + i) };
    }
    return { head, sample: head };
  } finally {
    fs.closeSync(fd);
  }
}

function missing(e: unknown): never {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('REGISTER_FILE_MISSING');
  throw e;
}

async function* csvRows(encoding: TextEncoding, delimiter: string, input: fs.ReadStream): AsyncGenerator<string[]> {
  const parser = parse({
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD,
  });
  // pipeline() carries a decoding error (or a read error) to the parser, which ends the loop below with it.
  pipeline(input, decoder(encoding), parser, () => {});
  try {
    for await (const record of parser) yield record as string[];
  } catch (e) {
    if (isAppError(e)) throw e;
    const ce = e as { code?: string; lines?: number; message?: string };
    if (ce.code?.startsWith('CSV_')) throw new AppError('REGISTER_CSV_MALFORMED', { line: ce.lines ?? '?', detail: (ce.message ?? '').slice(0, 200) });
    missing(e);
  }
}

async function* xlsxRows(path: string, opened: (t: XlsxRows) => void): AsyncGenerator<string[]> {
  try {
    const sheet = await readFirstSheet(path);
    opened(sheet);
    yield* sheet.rows;
  } catch (e) {
    if (isAppError(e)) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') missing(e);
    throw new AppError('REGISTER_NOT_SPREADSHEET', { detail: String((e as Error).message ?? e).slice(0, 200) });
  }
}

/** Opens a stored register file for reading, row by row. */
export function openTable(path: string, format: RegisterFormat): Table {
  let size: number;
  try {
    size = fs.statSync(path).size;
  } catch (e) {
    missing(e);
  }
  if (format === 'xlsx') {
    let sheet: XlsxRows | undefined;
    return { encoding: 'utf-8', rows: xlsxRows(path, (t) => (sheet = t)), progress: () => sheet?.progress() ?? 0, close: () => sheet?.close() };
  }
  const { head, sample } = sampleBytes(path);
  const { encoding, bom } = detectEncoding(sample);
  const delimiter = detectDelimiter(iconv.decode(head.subarray(bom), encoding));
  const input = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
  return { encoding, rows: csvRows(encoding, delimiter, input), progress: () => (size ? input.bytesRead / size : 1), close: () => input.destroy() };
}

export interface FileHead {
  encoding: TextEncoding;
  headers: string[];
  /** Up to `maxRows` non-blank data rows. */
  sample: string[][];
}

/**
 * The header (first non-blank row) and the first data rows, reading no further.
 * Throws what the whole file would throw at its start: not text, not a
 * spreadsheet, a duplicate header, no data row (REGISTER_EMPTY).
 */
export async function readHead(path: string, format: RegisterFormat, maxRows = 20): Promise<FileHead> {
  const t = openTable(path, format);
  let headers: string[] | undefined;
  const sample: string[][] = [];
  try {
    for await (const cells of t.rows) {
      if (isBlankRow(cells)) continue;
      if (!headers) headers = checkHeaders(cells);
      else sample.push(cells.map((c) => c.trim()));
      if (sample.length >= maxRows) break;
    }
  } finally {
    t.close();
  }
  if (!headers || sample.length === 0) throw new AppError('REGISTER_EMPTY');
  return { encoding: t.encoding, headers, sample };
}
