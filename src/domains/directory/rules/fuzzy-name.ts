// 模糊查询 fuzzy name search, the pure half: the query's character bigrams (exactly as
// name_bigrams() in migration 0004 makes them for the GIN index), the similarity, and which
// bigrams a candidate must share so the index can narrow without losing a match.
import { parseCompanyName } from './names.ts';

/** A name is similar when its score reaches this (see fuzzyScore). 0.5 let in every firm of the same county and legal form with a four-character core. */
export const FUZZY_THRESHOLD = 0.6;

/** Distinct character bigrams, as name_bigrams(t) in SQL: by code point, like PostgreSQL's substr. */
export function nameBigrams(t: string): string[] {
  const c = Array.from(t);
  const out = new Set<string>();
  for (let i = 0; i + 1 < c.length; i++) out.add(c[i] + c[i + 1]);
  return [...out];
}

/**
 * Dice's coefficient with the name's side capped at the query's size: 2·shared / (|q| + min(|name|, |q|)).
 * A whole name typed is compared whole (Dice); a fragment typed is compared with a fragment's worth
 * of the name, as pg_trgm's word_similarity does, so 华宇电器 finds 乐清市华宇电气有限公司.
 */
export function fuzzyScore(query: readonly string[], name: readonly string[]): number {
  if (query.length === 0 || name.length === 0) return 0;
  const q = new Set(query);
  const shared = name.filter((g) => q.has(g)).length;
  return (2 * shared) / (query.length + Math.min(name.length, query.length));
}

/**
 * The bigrams a candidate must share at least one of. A score ≥ t needs shared ≥ t·|q| / (2 − t),
 * so any |q| − that + 1 of the query's bigrams lose no match; those of the name's core come first,
 * then those touching it. Bigrams wholly of the region prefix or legal form (乐清, 有限, 公司: hundreds
 * of thousands of names have them) are left out whenever another is there: a name sharing only
 * those with the query is another firm, and leaving them out keeps the GIN index reading few rows.
 */
export function filterBigrams(term: string, threshold = FUZZY_THRESHOLD): { all: string[]; filter: string[] } {
  const all = nameBigrams(term);
  const need = Math.max(1, Math.ceil((threshold * all.length) / (2 - threshold) - 1e-9));
  const coreText = parseCompanyName(term).core || term;
  const core = new Set(nameBigrams(coreText));
  const coreChars = new Set(Array.from(coreText));
  const touches = (g: string) => Array.from(g).some((c) => coreChars.has(c));
  const inner = all.filter((g) => core.has(g));
  const edge = all.filter((g) => !core.has(g) && touches(g));
  const generic = all.filter((g) => !core.has(g) && !touches(g));
  const specific = [...inner, ...edge];
  const enough = Math.max(0, all.length - need + 1);
  return { all, filter: specific.length ? specific.slice(0, enough) : generic.slice(0, enough) };
}
