// Text normalisation shared by the directory rules: names, addresses, phones.
// Registers come from eight departments typed by hand over a decade, so the same
// firm shows up in full-width forms, traditional script and with stray spaces.
import { Converter } from 'opencc-js';

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);

function isSpace(c: number): boolean {
  // ASCII whitespace, NBSP, ideographic space and the Unicode space range
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

/**
 * Full-width ASCII (U+FF01–FF5E) to half-width, every kind of space to one ASCII space,
 * zero-width characters removed, trimmed. Only the ASCII range is folded: a full NFKC pass
 * would also rewrite CJK compatibility characters that registers use on purpose.
 */
export function normaliseText(s: string | null | undefined): string {
  if (!s) return '';
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (ZERO_WIDTH.has(c)) continue;
    if (isSpace(c)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

type Convert = (s: string) => string;
let toCn: Convert | null = null;
let changing: Uint8Array | null = null; // per UTF-16 unit: 1 when OpenCC rewrites that character

function converter(): Convert {
  if (!toCn) {
    // 'hk' covers the generic traditional dictionary plus Hong Kong variants (衞, 綫);
    // Taiwan variants are in the generic set as well.
    const convert = Converter({ from: 'hk', to: 'cn' });
    changing = new Uint8Array(0x10000);
    for (let c = 0x3400; c < 0xfb00; c++) {
      const ch = String.fromCharCode(c);
      if (convert(ch) !== ch) changing[c] = 1;
    }
    toCn = convert;
  }
  return toCn;
}

/**
 * Traditional (Hong Kong and Taiwan forms included) to mainland simplified, via OpenCC.
 * The dictionaries load on first use. Text without a single character that OpenCC rewrites
 * on its own skips the dictionary walk: nine rows in ten are simplified already, and the
 * walk is most of the cost of preparing a row. (A phrase-only rewrite such as 乾燥 → 干燥 in
 * otherwise simplified text is skipped too; both spellings then stay as typed.)
 */
export function toSimplified(s: string): string {
  if (!s) return '';
  const convert = converter();
  const table = changing!;
  for (let i = 0; i < s.length; i++) {
    if (table[s.charCodeAt(i)] === 1) return convert(s);
  }
  return s;
}

let toTraditional: Convert | null = null;

/** Simplified to Hong Kong traditional; used by the synthetic registers to imitate HK/TW entries. */
export function toTraditionalHk(s: string): string {
  toTraditional ??= Converter({ from: 'cn', to: 'hk' });
  return toTraditional(s);
}

const NON_DIGIT = /\D+/g;
const EXTENSION = /(转|轉|分机|分機|ext\.?|x|#).*$/i;
const SEPARATORS = /[\/,;，；、|]|或|及/;

/**
 * Digits only, or null when nothing usable is left. Strips +86 / 0086, keeps the area code
 * of landlines (and restores its leading 0 when it came in international form), drops
 * extensions, and takes the first of several numbers written in one cell.
 */
export function normalisePhone(s: string | null | undefined): string | null {
  const text = normaliseText(s);
  if (!text) return null;
  for (const part of text.split(SEPARATORS)) {
    const phone = onePhone(part);
    if (phone) return phone;
  }
  return null;
}

function onePhone(part: string): string | null {
  const main = part.replace(EXTENSION, '');
  const groups = main.split(NON_DIGIT).filter((g) => g.length > 0);
  let digits = groups.join('');
  let international = false;
  if (main.trimStart().startsWith('+86') || digits.startsWith('0086')) {
    digits = digits.startsWith('0086') ? digits.slice(4) : digits.slice(2);
    international = true;
  } else if (digits.length === 13 && digits.startsWith('861')) {
    digits = digits.slice(2); // 86 written without the plus in front of a mobile
    international = true;
  }
  // A landline written area-local-extension: keep area and local number only.
  if (!international && groups.length >= 3 && groups[0].startsWith('0') && groups[0].length <= 4) {
    const candidate = groups[0] + groups[1];
    if (candidate.length >= 10 && candidate.length <= 12 && groups.slice(2).join('').length <= 5) digits = candidate;
  }
  if (digits.length === 12 && /^01[3-9]/.test(digits)) digits = digits.slice(1); // trunk 0 dialled before a mobile
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (international) {
    // International form drops the trunk 0 of the area code: +86 577 6123 4567.
    if (/^[2-9]\d{8,10}$/.test(digits) || /^10\d{8}$/.test(digits)) return '0' + digits;
    return null;
  }
  if (/^0[1-9]\d{8,10}$/.test(digits)) return digits; // area code + local number
  if (/^[2-9]\d{6,7}$/.test(digits)) return digits; // local number without area code
  if (/^[48]00\d{7}$/.test(digits)) return digits; // 400/800 service numbers
  return null;
}
