// Choices of a code table in the user's language, and units as they are written beside a number.
import type { Lang } from '../../../api/client.ts';
import { CODE_TABLES } from '../../../../../src/domains/survey/forms/index.ts';

export interface CodeOption {
  value: string;
  /** "01 原煤": searched by code or name. */
  label: string;
}

const tables = new Map(CODE_TABLES.map((t) => [t.id, t]));
const cache = new Map<string, CodeOption[]>();

export function codeOptions(table: string, lang: Lang): CodeOption[] {
  const key = `${lang}:${table}`;
  let out = cache.get(key);
  if (!out) {
    out = (tables.get(table)?.entries ?? []).map((e) => ({ value: e.code, label: `${e.code} ${lang === 'en' ? e.en : e.zh}` }));
    cache.set(key, out);
  }
  return out;
}

/** The name of a code in its table ('' when unknown). */
export function codeName(table: string, code: string, lang: Lang): string {
  const e = tables.get(table)?.entries.find((x) => x.code === code);
  return e ? (lang === 'en' ? e.en : e.zh) : '';
}

/** A unit as written after a number: the units table's name, or the code itself. */
export function unitLabel(code: string | undefined, lang: Lang): string {
  if (!code) return '';
  return codeName('units', code, lang) || code;
}

/** A computed number as shown: at most six significant decimals, no float noise. */
export function formatNumber(v: unknown): string {
  if (typeof v === 'number') return String(Number(v.toPrecision(12)));
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
