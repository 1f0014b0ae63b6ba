// One register row: normalised and checked. Pure: what the rules need from the
// database (which region codes exist) comes in as a function.
import * as OpenCC from 'opencc-js/t2cn';
import { ERRORS, formatMessage, type ErrorCode, type ErrorParams } from '../../../core/errors.ts';
import { checkCreditCode, type CreditCodeProblem } from '../../../core/identifiers/credit-code.ts';
import { checkIndustryCode } from '../rules/industry.ts';

/** The fields a register's columns map onto; `name` is the one that must be there. */
export const REGISTER_FIELDS = ['credit_code', 'name', 'address', 'legal_rep', 'industry_code', 'phone', 'region_code'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

// Made once: building the converter reads its dictionaries (~25 ms).
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Full-width ASCII → half-width, ideographic and no-break spaces → space, runs of white space → one, trimmed. */
export function cleanText(s: string): string {
  let out = s;
  if (/[\uFF01-\uFF5E\u3000\u00A0]/.test(out)) {
    out = out.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u00A0]/g, ' ');
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Traditional (incl. Hong Kong and Taiwan forms) → simplified; ASCII passes untouched. */
export function simplified(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? toSimplified(s) : s;
}

export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** What a row looks like for the "header repeated" check: cleaned cells, trailing blanks dropped. */
export function rowSignature(cells: readonly string[]): string {
  const c = cells.map(cleanText);
  while (c.length && c[c.length - 1] === '') c.pop();
  return c.join('\u0001');
}

/**
 * A region code as registers write it → the code in the tree: digits only, and
 * the 12-digit statistical form of a county (330382000000) or township
 * (330382001000) shortened. Undefined when it is no region code at all.
 */
export function normaliseRegionCode(raw: string): string | undefined {
  const v = cleanText(raw);
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(v)) return undefined;
  if (v.length === 12 && v.endsWith('000000')) return v.slice(0, 6);
  if (v.length === 12 && v.endsWith('000')) return v.slice(0, 9);
  return v;
}

/**
 * GB/T 4754 industry code: a section letter (A–T) or 2–4 digits ("C2614" keeps
 * the digits; "2614 有机化学原料制造" keeps the code). Undefined when the form is
 * wrong; the table itself is checked later.
 */
export function normaliseIndustryCode(raw: string): string | undefined {
  const v = cleanText(raw).toUpperCase();
  if (/^[A-T]$/.test(v)) return v;
  const m = /^[A-T]?(\d{2,4})(?:$|[\s\-—_:：.、]*[^\d\s\-—_:：.、])/.exec(v);
  return m ? m[1] : undefined;
}

/** Where each field sits in the row, and the header of every column. */
export interface RowLayout {
  headers: string[];
  fields: Partial<Record<RegisterField, number>>;
}

export interface RowEnv {
  /** The register's region; a row without its own region belongs to it. */
  regionCode: string;
  /** Prefix every row's region must start with (the register's region subtree). */
  regionPrefix: string;
  regionExists(code: string): boolean;
  /** Signature of the header row, to spot it again further down. */
  headerSignature: string;
}

export interface RowError {
  column: string | null;
  code: ErrorCode;
  params: ErrorParams;
  value: string | null;
}

export interface CheckedRow {
  valid: boolean;
  regionCode: string;
  creditCode: string | null;
  name: string | null;
  address: string | null;
  legalRep: string | null;
  industryCode: string | null;
  phone: string | null;
  /** Unmapped columns with a value, header → value. */
  extra: Record<string, string> | null;
  errors: RowError[];
}

const PROBLEM_TEXT: Record<Exclude<CreditCodeProblem, 'EMPTY' | 'REGION_MISMATCH'>, { zh: string; en: string }> = {
  LENGTH: { zh: '应为 18 位', en: 'it must have 18 characters' },
  CHARSET: { zh: '含有代码字符集以外的字符（不用 I、O、Z、S、V）', en: 'it holds characters outside the code set (no I, O, Z, S, V)' },
  CHECK_CHARACTER: { zh: '校验码错误', en: 'the check character is wrong' },
  ORG_CODE_CHECK: { zh: '其中的组织机构代码校验位错误', en: 'the organisation code inside it fails its check' },
};

/** Header of column i, or "#i" (1-based) for a column without one. */
export const columnName = (headers: readonly string[], i: number) => headers[i] || `#${i + 1}`;

/** The message of a row error in both languages. */
export function messageOf(e: Pick<RowError, 'code' | 'params'>) {
  const spec = ERRORS[e.code];
  return { zh: formatMessage(spec.zh, e.params), en: formatMessage(spec.en, e.params) };
}

/** Normalises and checks one non-blank data row. */
export function checkRow(cells: readonly string[], layout: RowLayout, env: RowEnv): CheckedRow {
  const errors: RowError[] = [];
  // The cheap test first: most rows do not even start like the header.
  if (env.headerSignature && env.headerSignature.startsWith(cleanText(cells[0] ?? '')) && rowSignature(cells) === env.headerSignature) {
    // A concatenated export: the header again is not data, and nothing else is worth checking.
    errors.push({ column: null, code: 'REGISTER_ROW_HEADER_REPEATED', params: {}, value: null });
    const none = { creditCode: null, name: null, address: null, legalRep: null, industryCode: null, phone: null, extra: null };
    return { valid: false, regionCode: env.regionCode, ...none, errors };
  }
  const col = (f: RegisterField) => {
    const i = layout.fields[f];
    return i === undefined ? undefined : { i, name: columnName(layout.headers, i), raw: cells[i] ?? '' };
  };
  const text = (f: RegisterField, simplify = false) => {
    const c = col(f);
    if (!c) return null;
    const v = cleanText(c.raw);
    return v === '' ? null : simplify ? simplified(v) : v;
  };

  const name = text('name', true);
  const out: CheckedRow = {
    valid: true,
    regionCode: env.regionCode,
    creditCode: null,
    name,
    address: text('address', true),
    legalRep: text('legal_rep'),
    industryCode: null,
    phone: text('phone'),
    extra: null,
    errors,
  };

  if (name === null) {
    errors.push({ column: col('name')!.name, code: 'REGISTER_ROW_NAME_MISSING', params: {}, value: null });
  }

  const region = col('region_code');
  const regionText = region ? cleanText(region.raw) : '';
  if (region && regionText !== '') {
    const code = normaliseRegionCode(regionText);
    const bad = (reasonZh: string, reason: string) =>
      errors.push({ column: region.name, code: 'REGISTER_ROW_REGION', params: { value: regionText, reasonZh, reason }, value: regionText });
    if (!code) bad('不是 6、9 或 12 位数字代码', 'is not a 6-, 9- or 12-digit code');
    else if (!code.startsWith(env.regionPrefix)) bad(`不在底册所属区划 ${env.regionCode} 内`, `lies outside the register's region ${env.regionCode}`);
    // Villages load on demand: a 12-digit code whose township exists is taken on trust.
    else if (!env.regionExists(code) && !(code.length === 12 && env.regionExists(code.slice(0, 9)))) bad('不存在', 'does not exist');
    else out.regionCode = code;
  }

  const credit = col('credit_code');
  if (credit && cleanText(credit.raw) !== '') {
    const c = checkCreditCode(credit.raw, out.regionCode);
    out.creditCode = c.normalised;
    if (!c.ok) {
      const named = c.problems.filter((p): p is keyof typeof PROBLEM_TEXT => p in PROBLEM_TEXT);
      const expected = c.expectedCheck ? { zh: `，应为 ${c.expectedCheck}`, en: ` (expected ${c.expectedCheck})` } : { zh: '', en: '' };
      const withCheck = (p: keyof typeof PROBLEM_TEXT, lang: 'zh' | 'en') => PROBLEM_TEXT[p][lang] + (p === 'CHECK_CHARACTER' ? expected[lang] : '');
      errors.push({
        column: credit.name,
        code: 'REGISTER_ROW_CREDIT_CODE',
        params: { value: c.normalised, problemZh: named.map((p) => withCheck(p, 'zh')).join('；'), problem: named.map((p) => withCheck(p, 'en')).join('; ') },
        value: credit.raw.trim(),
      });
    }
  }

  const industry = col('industry_code');
  if (industry && cleanText(industry.raw) !== '') {
    const code = normaliseIndustryCode(industry.raw);
    out.industryCode = code ?? cleanText(industry.raw);
    if (!code) errors.push({ column: industry.name, code: 'REGISTER_ROW_INDUSTRY_CODE', params: { value: out.industryCode }, value: industry.raw.trim() });
    else if (!checkIndustryCode(code).ok) errors.push({ column: industry.name, code: 'REGISTER_ROW_INDUSTRY_UNKNOWN', params: { value: code }, value: industry.raw.trim() });
  }

  // Unmapped columns, and cells beyond the header, are kept as they came (trimmed).
  const mapped = new Set(Object.values(layout.fields));
  const extra: Record<string, string> = {};
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i].trim();
    if (v === '') continue;
    if (v.includes('\uFFFD')) errors.push({ column: columnName(layout.headers, i), code: 'REGISTER_ROW_ENCODING', params: {}, value: v });
    if (!mapped.has(i)) extra[columnName(layout.headers, i)] = v;
  }
  if (Object.keys(extra).length) out.extra = extra;
  out.valid = errors.length === 0;
  return out;
}
