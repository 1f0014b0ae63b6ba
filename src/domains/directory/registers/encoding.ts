// Text encodings Chinese offices send: UTF-8 with or without BOM, UTF-16 with
// BOM, GBK/GB18030. Detection is pure (on the first bytes); decoding streams.
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { AppError } from '../../../core/errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Detected {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (the decoders drop it). */
  bom: number;
}

/** How much of the file detection looks at. */
export const SNIFF_BYTES = 64 * 1024;

/** Share of control characters or undecodable bytes above which a file is taken for binary. */
const MAX_BAD_SHARE = 0.01;

function badShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, line feed, form feed, carriage return and Ctrl-Z (an old end-of-file mark) are fine.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1a) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad / text.length;
}

function strictUtf8(head: Buffer): boolean {
  try {
    // stream: true lets a character cut at the end of the sample pass.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a text file from its first bytes: a BOM first; else strict
 * UTF-8; else GB18030 (a superset of GBK and GB2312). Throws REGISTER_ENCODING
 * when the bytes do not look like text in any of them (binary data).
 */
export function detectEncoding(head: Buffer): Detected {
  let d: Detected;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) d = { encoding: 'utf-8', bom: 3 };
  else if (head[0] === 0xff && head[1] === 0xfe) d = { encoding: 'utf-16le', bom: 2 };
  else if (head[0] === 0xfe && head[1] === 0xff) d = { encoding: 'utf-16be', bom: 2 };
  else if (head.includes(0)) {
    throw new AppError('REGISTER_ENCODING', { detail: 'it holds NUL bytes (binary data, or UTF-16 without a byte-order mark)' });
  } else d = { encoding: strictUtf8(head) ? 'utf-8' : 'gb18030', bom: 0 };
  const text = iconv.decode(head.subarray(0, head.length - (head.length % 2 === 1 && d.encoding.startsWith('utf-16') ? 1 : 0)), d.encoding);
  // The last few characters may be cut in half by the sample's end.
  if (badShare(text.slice(0, Math.max(0, text.length - 2))) > MAX_BAD_SHARE) {
    throw new AppError('REGISTER_ENCODING', { detail: `too many control or undecodable characters for ${d.encoding} text` });
  }
  return d;
}

/**
 * A stream that turns bytes into text. UTF-8 is decoded strictly: a file that
 * starts as UTF-8 and turns into GBK further down (two exports joined) fails
 * with REGISTER_ENCODING instead of filling the rows with U+FFFD. GB18030 and
 * UTF-16 go through iconv-lite; a bad byte there becomes U+FFFD, which the row
 * rules report as REGISTER_ROW_ENCODING.
 */
export function decoder(encoding: TextEncoding): Transform {
  if (encoding !== 'utf-8') return iconv.decodeStream(encoding) as unknown as Transform;
  const td = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const fail = () => new AppError('REGISTER_ENCODING', { detail: `invalid UTF-8 near byte ${offset}; the file may mix encodings` });
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _enc, cb) {
      try {
        const s = td.decode(chunk, { stream: true });
        offset += chunk.length;
        cb(null, s);
      } catch {
        cb(fail());
      }
    },
    flush(cb) {
      try {
        cb(null, td.decode());
      } catch {
        cb(fail());
      }
    },
  });
}

/** The separator of a CSV file, from its first non-blank line: , ; tab or |, whichever occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([[',', 0], ['\t', 0], [';', 0], ['|', 0]]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}
