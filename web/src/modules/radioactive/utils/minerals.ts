import type { Mineral } from './radioactive-api.ts';

/** The list as the PUT sends it: text trimmed, industry classes trimmed, unique and non-empty. */
export function cleanMinerals(items: Mineral[]): Mineral[] {
  return items.map((m) => ({
    code: m.code.trim(),
    nameZh: m.nameZh.trim(),
    nameEn: m.nameEn.trim(),
    industries: [...new Set(m.industries.map((i) => i.trim()).filter(Boolean))],
    active: m.active,
  }));
}

/** What stops the list from being saved: a row without code or names, a code not 1–8 letters or digits, or used twice. */
export function mineralsProblem(items: Mineral[]): { kind: 'incomplete'; row: number } | { kind: 'duplicate' | 'code'; code: string } | null {
  const seen = new Set<string>();
  for (const [row, m] of cleanMinerals(items).entries()) {
    if (!m.code || !m.nameZh || !m.nameEn) return { kind: 'incomplete', row };
    if (!/^[0-9A-Za-z]{1,8}$/.test(m.code)) return { kind: 'code', code: m.code };
    if (seen.has(m.code)) return { kind: 'duplicate', code: m.code };
    seen.add(m.code);
  }
  return null;
}
