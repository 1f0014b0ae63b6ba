// Reads one answer as its field's type. Answers arrive as JSON from a phone or a browser form,
// so numbers may come as strings ("12.5"), but nothing is guessed: no exponents, no thousands
// separators, no NaN or Infinity (JSON's 1e309 parses to Infinity), no number where a code
// (which may start with 0) is expected. A failure names the field and says what was wanted.
import { isValidCreditCode } from '../../../core/identifiers/credit-code.ts';
import { isValidOrgCode } from '../../../core/identifiers/org-code.ts';
import type { CodeField, DateField, Field, FileField, NumberField, PeriodField, Text, TextField } from '../forms/types.ts';

export interface Checks {
  /** GB/T 4754-2017 class or coarser; injected because the table lives in the directory domain. */
  industry?: (code: string) => boolean;
  /** GB/T 2260 or 12-digit statistical division code; injected likewise. */
  region?: (code: string) => boolean;
}

export interface CoerceContext {
  codes: Map<string, Map<string, unknown>>;
  units: Map<string, { zh: string; en: string }>;
  checks: Checks;
}

export type Coerced = { ok: true; value: unknown } | { ok: false; rule: string; message: Text };

const fail = (rule: string, zh: string, en: string): Coerced => ({ ok: false, rule, message: { zh, en } });
const ok = (value: unknown): Coerced => ({ ok: true, value });

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const FORMATS: Record<string, { test: (s: string) => boolean; zh: string; en: string }> = {
  'credit-code': { test: isValidCreditCode, zh: '不是有效的统一社会信用代码（GB 32100-2015）', en: 'is not a valid unified social credit code (GB 32100-2015)' },
  'org-code': { test: (s) => /^[0-9A-Z]{8}[0-9X]$/.test(s) && isValidOrgCode(s), zh: '不是有效的组织机构代码（GB 11714）', en: 'is not a valid organisation code (GB 11714)' },
  phone: { test: (s) => /^(?:1\d{10}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/.test(s), zh: '不是有效的电话号码', en: 'is not a valid phone number' },
  postcode: { test: (s) => /^\d{6}$/.test(s), zh: '不是 6 位邮政编码', en: 'is not a 6-digit postcode' },
  'waste-code': { test: (s) => /^\d{3}-\d{3}-\d{2}$/.test(s), zh: '不是 8 位危险废物代码（如 900-041-49）', en: 'is not an 8-digit hazardous waste code (e.g. 900-041-49)' },
  email: { test: (s) => /^[^@\s]{1,64}@[^@\s]{1,255}\.[A-Za-z]{2,}$/.test(s), zh: '不是有效的电子邮箱', en: 'is not a valid e-mail address' },
};
// Same extent as the inventory's check (inventory/rules/geo.ts), kept here so the engine stays browser-safe.
const CHINA = { minLat: 3.5, maxLat: 53.7, minLng: 73.4, maxLng: 135.2 };

export const isValidDate = (s: string): boolean => {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};

const q = (l: Text) => ({ zh: `「${l.zh}」`, en: `"${l.en}"` });

function unitText(f: NumberField, ctx: CoerceContext): Text {
  const u = f.unit ? ctx.units.get(f.unit) : undefined;
  return u ? { zh: ` ${u.zh}`, en: ` ${u.en}` } : { zh: '', en: '' };
}

function coerceNumber(f: NumberField, raw: unknown, ctx: CoerceContext): Coerced {
  const l = q(f.label);
  let x: number;
  let decimalsWritten: number | null = null;
  if (typeof raw === 'number') x = raw;
  else if (typeof raw === 'string' && NUMBER_TEXT.test(raw.trim())) {
    const s = raw.trim();
    x = Number(s);
    decimalsWritten = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  } else return fail('field.type', `${l.zh}应填数字`, `${l.en} must be a number`);
  if (!Number.isFinite(x)) return fail('field.type', `${l.zh}不是有限的数值`, `${l.en} is not a finite number`);
  if (f.type === 'integer' && (!Number.isInteger(x) || !Number.isSafeInteger(x))) return fail('field.type', `${l.zh}应填整数`, `${l.en} must be a whole number`);
  const u = unitText(f, ctx);
  if (f.min !== undefined && x < f.min) return fail('field.range', `${l.zh}不能小于 ${f.min}${u.zh}`, `${l.en} cannot be less than ${f.min}${u.en}`);
  if (f.max !== undefined && x > f.max) return fail('field.range', `${l.zh}不能大于 ${f.max}${u.zh}`, `${l.en} cannot be more than ${f.max}${u.en}`);
  if (f.type === 'decimal' && f.decimals !== undefined) {
    const scaled = x * 10 ** f.decimals;
    // A number's float error is a few ulps of `scaled`; a relative 1e-9 let a real half unit of
    // the last place through from ~5e8 up (1234567.891 with 2 places).
    const slack = Math.max(1e-6, 4 * Number.EPSILON * Math.abs(scaled));
    const tooMany = decimalsWritten !== null ? decimalsWritten > f.decimals : Math.abs(scaled - Math.round(scaled)) > slack;
    if (tooMany) return fail('field.decimals', `${l.zh}最多保留 ${f.decimals} 位小数`, `${l.en} takes at most ${f.decimals} decimal places`);
  }
  return ok(x);
}

function coerceText(f: TextField, raw: unknown): Coerced {
  const l = q(f.label);
  if (typeof raw !== 'string') return fail('field.type', `${l.zh}应填文字`, `${l.en} must be text`);
  const s = raw.trim();
  const max = f.maxLength ?? 200;
  if (s.length > max) return fail('field.length', `${l.zh}不能超过 ${max} 个字符`, `${l.en} is longer than ${max} characters`);
  if (CONTROL.test(s)) return fail('field.type', `${l.zh}含有不可见的控制字符`, `${l.en} contains control characters`);
  if (f.format) {
    const v = f.format === 'credit-code' || f.format === 'org-code' ? s.toUpperCase() : s;
    const fm = FORMATS[f.format];
    if (!fm.test(v)) return fail('field.format', `${l.zh}${fm.zh}`, `${l.en} ${fm.en}`);
    return ok(v);
  }
  return ok(s);
}

function coerceCode(f: CodeField, raw: unknown, ctx: CoerceContext): Coerced {
  const l = q(f.label);
  const one = (v: unknown): Coerced => {
    if (typeof v !== 'string') return fail('field.type', `${l.zh}应填代码（文字），如 "01"`, `${l.en} must be a code given as text, e.g. "01"`);
    const c = v.trim();
    const known = f.table === 'industry'
      ? (ctx.checks.industry ?? ((s: string) => /^\d{4}$/.test(s)))(c)
      : f.table === 'region'
        ? (ctx.checks.region ?? ((s: string) => /^\d{6}(?:\d{6})?$/.test(s)))(c)
        : ctx.codes.get(f.table)?.has(c) === true;
    return known ? ok(c) : fail('field.code', `${l.zh}的代码 ${c.slice(0, 20)} 不在代码表中`, `${l.en}: code ${c.slice(0, 20)} is not in the code table`);
  };
  if (!f.multiple) return one(raw);
  if (!Array.isArray(raw)) return fail('field.type', `${l.zh}应为代码列表`, `${l.en} must be a list of codes`);
  const size = ctx.codes.get(f.table)?.size ?? 50;
  if (raw.length > size) return fail('field.length', `${l.zh}最多选 ${size} 项`, `${l.en} takes at most ${size} choices`);
  const out: string[] = [];
  for (const v of raw) {
    const c = one(v);
    if (!c.ok) return c;
    if (!out.includes(c.value as string)) out.push(c.value as string);
  }
  return ok(out);
}

function coerceDate(f: DateField | PeriodField, raw: unknown, l: { zh: string; en: string }): Coerced {
  if (typeof raw !== 'string' || !isValidDate(raw)) return fail('field.date', `${l.zh}应为有效日期（YYYY-MM-DD）`, `${l.en} must be a valid date (YYYY-MM-DD)`);
  if (f.min && raw < f.min) return fail('field.range', `${l.zh}不能早于 ${f.min}`, `${l.en} cannot be before ${f.min}`);
  if (f.max && raw > f.max) return fail('field.range', `${l.zh}不能晚于 ${f.max}`, `${l.en} cannot be after ${f.max}`);
  return ok(raw);
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function coerceFile(f: FileField, raw: unknown): Coerced {
  const l = q(f.label);
  const one = (v: unknown): Coerced => {
    if (!isPlain(v) || typeof v.id !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(v.id) || typeof v.type !== 'string') {
      return fail('field.type', `${l.zh}应为已上传文件的引用 {id, type}`, `${l.en} must reference an uploaded file {id, type}`);
    }
    if (!f.accept.includes(v.type)) return fail('field.file-type', `${l.zh}不接受 ${v.type.slice(0, 40)} 类型的文件`, `${l.en} does not accept files of type ${v.type.slice(0, 40)}`);
    const name = typeof v.name === 'string' ? v.name.slice(0, 255) : undefined;
    return ok(name ? { id: v.id, type: v.type, name } : { id: v.id, type: v.type });
  };
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > f.maxFiles) return fail('field.length', `${l.zh}最多 ${f.maxFiles} 个文件`, `${l.en} takes at most ${f.maxFiles} files`);
  const out: unknown[] = [];
  for (const v of list) {
    const c = one(v);
    if (!c.ok) return c;
    out.push(c.value);
  }
  return ok(out);
}

/** Coerces a non-empty answer of any field but a repeat group (groups are walked by the evaluator). */
export function coerceValue(f: Exclude<Field, { type: 'group' }>, raw: unknown, ctx: CoerceContext): Coerced {
  const l = q(f.label);
  switch (f.type) {
    case 'text': return coerceText(f, raw);
    case 'integer': case 'decimal': return coerceNumber(f, raw, ctx);
    case 'code': return coerceCode(f, raw, ctx);
    case 'boolean': return typeof raw === 'boolean' ? ok(raw) : fail('field.type', `${l.zh}应填"是"或"否"（true/false）`, `${l.en} must be true or false`);
    case 'date': return coerceDate(f, raw, l);
    case 'period': {
      if (!isPlain(raw)) return fail('field.type', `${l.zh}应为起止日期 {from, to}`, `${l.en} must be a period {from, to}`);
      const from = coerceDate(f, raw.from, l);
      if (!from.ok) return from;
      const to = coerceDate(f, raw.to, l);
      if (!to.ok) return to;
      if ((raw.to as string) < (raw.from as string)) return fail('field.range', `${l.zh}的结束日期早于开始日期`, `${l.en} ends before it starts`);
      return ok({ from: raw.from, to: raw.to });
    }
    case 'coordinates': {
      if (!isPlain(raw) || typeof raw.lat !== 'number' || typeof raw.lng !== 'number' || !Number.isFinite(raw.lat) || !Number.isFinite(raw.lng)) {
        return fail('field.type', `${l.zh}应为经纬度 {lat, lng}（十进制度）`, `${l.en} must be {lat, lng} in decimal degrees`);
      }
      if (raw.lat < CHINA.minLat || raw.lat > CHINA.maxLat || raw.lng < CHINA.minLng || raw.lng > CHINA.maxLng) {
        return fail('field.range', `${l.zh}不在中国境内（经纬度是否颠倒？）`, `${l.en} lies outside China (latitude and longitude swapped?)`);
      }
      return ok({ lat: raw.lat, lng: raw.lng });
    }
    case 'file': return coerceFile(f, raw);
  }
}

/** Unanswered: absent, null, blank text, an empty list. */
export const isEmptyAnswer = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
