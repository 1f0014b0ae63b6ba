// 国民经济行业分类 GB/T 4754-2017 (industry code): 门类 section (A–T), 大类 division (2 digits),
// 中类 group (3 digits), 小类 class (4 digits). The table is data/gbt4754-2017.json; its
// source and completeness are in data/README.md.
import table from '../data/gbt4754-2017.json' with { type: 'json' };

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface IndustryCheck {
  ok: boolean;
  level: IndustryLevel | null;
  name?: string;
  problem?: 'FORMAT' | 'UNKNOWN';
  /** Set when the code was accepted on a coarser level than the one it is written at. */
  note?: string;
}

interface Table {
  sections: [string, string, string, string][];
  codes: [string, string][];
}

const data = table as unknown as Table;
const names = new Map<string, string>();
const sectionOfDivision = new Map<string, string>();
const hasGroups = new Set<string>(); // divisions whose groups and classes are in the table

for (const [letter, name, first, last] of data.sections) {
  names.set(letter, name);
  for (let d = Number(first); d <= Number(last); d++) sectionOfDivision.set(String(d).padStart(2, '0'), letter);
}
for (const [code, name] of data.codes) {
  names.set(code, name);
  if (code.length > 2) hasGroups.add(code.slice(0, 2));
}

const LEVEL_BY_LENGTH: Record<number, IndustryLevel> = { 1: 'section', 2: 'division', 3: 'group', 4: 'class' };
const FORMAT_RE = /^(?:[A-T]|\d{2,4})$/;

/** Upper-cases and strips spaces; a leading section letter before digits (C3812) is dropped. */
export function normaliseIndustryCode(raw: string): string {
  const s = (raw ?? '').replace(/\s+/g, '').toUpperCase();
  return /^[A-T]\d{2,4}$/.test(s) ? s.slice(1) : s;
}

/**
 * Checks a section letter or a 2/3/4-digit code against the table. Should a division's groups
 * and classes be missing from the data, a finer code under an existing division is accepted at
 * its written level with the division's name and a note, rather than rejected for our gap.
 */
export function checkIndustryCode(code: string): IndustryCheck {
  const c = normaliseIndustryCode(code);
  if (!FORMAT_RE.test(c)) return { ok: false, level: null, problem: 'FORMAT' };
  const level = LEVEL_BY_LENGTH[c.length];
  const name = names.get(c);
  if (name) return { ok: true, level, name };
  const division = c.slice(0, 2);
  if (c.length > 2 && names.has(division) && !hasGroups.has(division)) {
    return { ok: true, level, name: names.get(division), note: `only division ${division} is in the table` };
  }
  return { ok: false, level, problem: 'UNKNOWN' };
}

/** The section letter of a code, or null when the division does not exist. */
export function industrySection(code: string): string | null {
  const c = normaliseIndustryCode(code);
  if (/^[A-T]$/.test(c)) return names.has(c) ? c : null;
  if (!/^\d{2,4}$/.test(c)) return null;
  return sectionOfDivision.get(c.slice(0, 2)) ?? null;
}

/** Industry in the sense of the annual emission statistics: sections B, C and D (census-facts §8). */
export function isIndustrial(code: string): boolean {
  const s = industrySection(code);
  return s === 'B' || s === 'C' || s === 'D';
}

/** The name of a code at any level, or undefined. */
export function industryName(code: string): string | undefined {
  return names.get(normaliseIndustryCode(code));
}

/** All 4-digit class codes in table order (for the synthetic registers and pickers). */
export function industryClasses(): string[] {
  return data.codes.filter(([c]) => c.length === 4).map(([c]) => c);
}

/** Counts per level in the shipped table. */
export function industryTableCounts(): Record<IndustryLevel, number> {
  const counts: Record<IndustryLevel, number> = { section: data.sections.length, division: 0, group: 0, class: 0 };
  for (const [c] of data.codes) counts[LEVEL_BY_LENGTH[c.length]]++;
  return counts;
}
