// What every XLSX reader checks before and while it unpacks a workbook, so that a ZIP bomb or an
// XML entity cannot exhaust the server: the ZIP central directory is read first and an entry that
// declares an unpacking ratio no spreadsheet has, or more than the caller allows, is refused
// before a byte is inflated; while inflating, an entry may not unpack past what it declared (a
// bomb that hides its size); and no XML part may carry a DOCTYPE (entities: billion laughs, XXE).
import zlib from 'node:zlib';
import { AppError } from './errors.ts';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the central directory; the inflater holds the entry to it. */
  size: number;
  /** Offset of the local header. */
  offset: number;
}

export interface ZipLimits {
  /** Most bytes one entry may declare. */
  maxEntryBytes?: number;
  /** Most bytes all entries together may declare. */
  maxTotalBytes?: number;
}

/** Real worksheets unpack 5 to 50 times; DEFLATE's ceiling is about 1032. */
export const MAX_RATIO = 200;
/** Below this an entry's ratio is not judged (a small, very regular part may unpack far). */
const RATIO_FLOOR = 1024 * 1024;

export const unsafe = (detail: string) => new AppError('XLSX_UNSAFE', { detail });
const broken = (detail: string) => new AppError('REGISTER_NOT_SPREADSHEET', { detail });
const mb = (n: number) => `${Math.round(n / 1024 ** 2)} MB`;

/** The entries of a ZIP from its central directory (ZIP64 included); `read(pos, len)` reads the file. */
export function zipDirectory(read: (pos: number, len: number) => Buffer, size: number): ZipEntryInfo[] {
  const tailLen = Math.min(size, 65_557);
  if (tailLen < 22) throw broken('no ZIP directory at its end (cut short, or not a ZIP file)');
  const tail = read(size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken('no ZIP directory at its end (cut short, or not a ZIP file)');
  let count = tail.readUInt16LE(eocd + 10);
  let dirSize = tail.readUInt32LE(eocd + 12);
  let dirOffset = tail.readUInt32LE(eocd + 16);
  if ((count === 0xffff || dirOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
    const rec = read(Number(tail.readBigUInt64LE(eocd - 12)), 56);
    count = Number(rec.readBigUInt64LE(32));
    dirSize = Number(rec.readBigUInt64LE(40));
    dirOffset = Number(rec.readBigUInt64LE(48));
  }
  if (dirOffset + dirSize > size) throw broken('its ZIP directory points past the end of the file');
  const dir = read(dirOffset, dirSize);
  const entries: ZipEntryInfo[] = [];
  let p = 0;
  for (let n = 0; n < count && p + 46 <= dir.length && dir.readUInt32LE(p) === 0x02014b50; n++) {
    const nameLen = dir.readUInt16LE(p + 28);
    const extraLen = dir.readUInt16LE(p + 30);
    const e: ZipEntryInfo = {
      name: dir.toString('utf8', p + 46, p + 46 + nameLen),
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      offset: dir.readUInt32LE(p + 42),
    };
    // ZIP64 extra field: the 64-bit values of whichever fields read 0xFFFFFFFF, in this order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen; x += 4 + dir.readUInt16LE(x + 2)) {
      if (dir.readUInt16LE(x) !== 0x0001) continue;
      let at = x + 4;
      if (e.size === 0xffffffff) (e.size = Number(dir.readBigUInt64LE(at))), (at += 8);
      if (e.compressedSize === 0xffffffff) (e.compressedSize = Number(dir.readBigUInt64LE(at))), (at += 8);
      if (e.offset === 0xffffffff) e.offset = Number(dir.readBigUInt64LE(at));
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + dir.readUInt16LE(p + 32);
  }
  if (entries.length === 0) throw broken('an empty ZIP file');
  return entries;
}

/** Refuses, on the declared sizes alone, a directory no spreadsheet has. */
export function checkDirectory(entries: ZipEntryInfo[], limits: ZipLimits = {}): void {
  let total = 0;
  for (const e of entries) {
    if (e.size > RATIO_FLOOR && e.size > MAX_RATIO * Math.max(e.compressedSize, 1)) {
      throw unsafe(`${e.name.slice(0, 100)} unpacks ${Math.round(e.size / Math.max(e.compressedSize, 1))} times its size (a ZIP bomb)`);
    }
    if (limits.maxEntryBytes !== undefined && e.size > limits.maxEntryBytes) throw unsafe(`${e.name.slice(0, 100)} unpacks to more than ${mb(limits.maxEntryBytes)}`);
    total += e.size;
  }
  if (limits.maxTotalBytes !== undefined && total > limits.maxTotalBytes) throw unsafe(`it unpacks to more than ${mb(limits.maxTotalBytes)}`);
}

/** Counts an entry's inflated bytes: past its declared size it lied (a bomb hiding its size). */
export function sizeKeeper(e: ZipEntryInfo) {
  let n = 0;
  return (bytes: number) => {
    n += bytes;
    if (n > e.size) throw unsafe(`${e.name.slice(0, 100)} unpacks to more than the ${e.size} bytes it declares`);
  };
}

const DOCTYPE = /<!(DOCTYPE|ENTITY)/i;

/** Refuses a DOCTYPE or an entity declaration met by an XML scanner. */
export function refuseDoctype(markup: string): void {
  if (DOCTYPE.test(markup.slice(0, 10))) throw unsafe('an XML part declares a DOCTYPE or entities');
}

/**
 * For readers that unpack a workbook held in memory (exceljs): the directory is checked, then
 * every entry is inflated once, bounded by what it declares, and its XML searched for a DOCTYPE.
 */
export function guardXlsxBuffer(buf: Buffer, limits: ZipLimits): void {
  const entries = zipDirectory((pos, len) => buf.subarray(pos, pos + len), buf.length);
  checkDirectory(entries, limits);
  for (const e of entries) {
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== 0x04034b50) throw broken(`a broken ZIP entry (${e.name.slice(0, 100)})`);
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    let text: Buffer;
    if (e.method === 0) text = data;
    else if (e.method === 8) {
      try {
        // One byte past the declared size is enough to know it lied.
        text = zlib.inflateRawSync(data, { maxOutputLength: Math.max(e.size + 1, 1) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw unsafe(`${e.name.slice(0, 100)} unpacks to more than the ${e.size} bytes it declares`);
        throw broken(`a broken ZIP entry (${e.name.slice(0, 100)})`);
      }
    } else throw broken(`ZIP compression method ${e.method} is not supported`);
    if (text.length > e.size) throw unsafe(`${e.name.slice(0, 100)} unpacks to more than the ${e.size} bytes it declares`);
    if (/\.(xml|rels)$/i.test(e.name) && DOCTYPE.test(text.toString('latin1'))) throw unsafe('an XML part declares a DOCTYPE or entities');
  }
}
