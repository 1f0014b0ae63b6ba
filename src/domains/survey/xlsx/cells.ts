// One answer to and from a spreadsheet cell, by the field's type. Reading gives the JSON the
// save path takes (numbers as numbers, dates as YYYY-MM-DD, codes by code or by label, 是/否),
// and leaves the field's own limits to the engine; a cell that cannot be read says what it wants.
import { serialDate } from '../../directory/index.ts';
import { CODE_TABLES } from '../forms/index.ts';
import type { CodeEntry, CodeField, Text } from '../forms/types.ts';
import type { Plain } from './layout.ts';

/** Code tables with a drop-down list in the template; industry and region are too large. */
export const LISTED = new Map(CODE_TABLES.filter((t) => t.entries.length <= 100).map((t) => [t.id, t.entries]));
const BY_TABLE = new Map(CODE_TABLES.map((t) => [t.id, t]));

export const codeChoice = (e: CodeEntry) => `${e.code} ${e.zh}`;

export type CellValue = string | number | Date | null;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An answer as the template writes it. */
export function toCell(f: Plain, v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  switch (f.type) {
    case 'integer':
    case 'decimal':
      return typeof v === 'number' ? v : String(v);
    case 'boolean':
      return v === true ? '是' : v === false ? '否' : String(v);
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : String(v);
    case 'period':
      return isObj(v) ? `${v.from ?? ''} ~ ${v.to ?? ''}` : String(v);
    case 'coordinates':
      return isObj(v) ? `${v.lat}, ${v.lng}` : String(v);
    case 'code': {
      const one = (c: unknown) => {
        const e = LISTED.get(f.table)?.find((x) => x.code === c);
        return e ? codeChoice(e) : String(c);
      };
      return Array.isArray(v) ? v.map((c) => String(c)).join(', ') : one(v);
    }
    case 'file':
      return (Array.isArray(v) ? v : [v]).map((x) => (isObj(x) ? String(x.name ?? x.id) : '')).join(', ');
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
}

export type Read = { ok: true; value: unknown } | { ok: false; message: Text };
const ok = (value: unknown): Read => ({ ok: true, value });
const bad = (zh: string, en: string): Read => ({ ok: false, message: { zh, en } });

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√']);
const FALSE = new Set(['否', '无', 'n', 'no', 'false', '0', '×']);

/** Text of a date cell or typed date as YYYY-MM-DD (the engine then checks the date exists). */
export function readDate(s: string): string | null {
  const t = s.trim();
  // A serial day number (a date cell Excel lost its format of): five digits, 1927 to 2173; a year alone is no date.
  if (/^\d{5}(?:\.\d+)?$/.test(t)) return serialDate(Math.floor(Number(t)), false).slice(0, 10);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00)?)?$/.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

function readCode(f: CodeField, s: string): Read {
  const table = BY_TABLE.get(f.table);
  const one = (raw: string): string | null => {
    const t = raw.trim();
    if (!table) return t; // industry, region: codes only, checked by the engine
    const lower = t.toLowerCase();
    const hit = table.entries.find((e) => e.code === t) ?? table.entries.find((e) => e.zh === t || e.en.toLowerCase() === lower || codeChoice(e) === t);
    if (hit) return hit.code;
    // "01" typed into Excel as a number comes back as 1
    const padded = /^\d+$/.test(t) ? table.entries.find((e) => e.code.length > t.length && e.code === t.padStart(e.code.length, '0')) : undefined;
    if (padded) return padded.code;
    const m = /^(\S+)\s/.exec(t);
    return m && table.entries.some((e) => e.code === m[1]) ? m[1] : null;
  };
  const items = f.multiple ? s.split(/[,，;；、\n]/).map((x) => x.trim()).filter(Boolean) : [s];
  const out: string[] = [];
  for (const item of items) {
    const c = one(item);
    if (c === null) return bad(`「${f.label.zh}」：${item.slice(0, 40)} 不是代码表中的代码或名称`, `"${f.label.en}": ${item.slice(0, 40)} is neither a code nor a name of its table`);
    out.push(c);
  }
  return ok(f.multiple ? out : out[0]);
}

/** A cell's text as the field's answer; undefined for an empty cell. */
export function fromCell(f: Plain, text: string): Read | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const l = f.label;
  switch (f.type) {
    case 'integer':
    case 'decimal':
      return NUMBER.test(s) ? ok(Number(s)) : bad(`「${l.zh}」应填数字，不是“${s.slice(0, 40)}”`, `"${l.en}" takes a number, not "${s.slice(0, 40)}"`);
    case 'boolean': {
      const k = s.toLowerCase();
      return TRUE.has(k) ? ok(true) : FALSE.has(k) ? ok(false) : bad(`「${l.zh}」应填“是”或“否”`, `"${l.en}" takes 是 (yes) or 否 (no)`);
    }
    case 'date': {
      const d = readDate(s);
      return d ? ok(d) : bad(`「${l.zh}」应为日期（如 2017-12-31）`, `"${l.en}" takes a date (e.g. 2017-12-31)`);
    }
    case 'period': {
      const parts = s.split(/\s*(?:~|～|至|—)\s*/);
      const [from, to] = parts.map(readDate);
      return parts.length === 2 && from && to ? ok({ from, to }) : bad(`「${l.zh}」应为“起始日期 ~ 结束日期”`, `"${l.en}" takes "from ~ to" dates`);
    }
    case 'coordinates': {
      const m = /^([+-]?\d+(?:\.\d+)?)\s*[,，\s]\s*([+-]?\d+(?:\.\d+)?)$/.exec(s);
      return m ? ok({ lat: Number(m[1]), lng: Number(m[2]) }) : bad(`「${l.zh}」应为“纬度, 经度”（十进制度）`, `"${l.en}" takes "lat, lng" in decimal degrees`);
    }
    case 'code':
      return readCode(f, s);
    case 'file':
      return undefined; // files travel through the console; the stored ones are kept
    default:
      return ok(s);
  }
}
