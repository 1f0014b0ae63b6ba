// The coefficient library as the accounting reads it: the rows of the version in force, kept in
// memory per version (a version never changes once imported), and the matcher bound to them.
import type { Db } from '../../../core/db/index.ts';
import type { Converter } from '../../survey/engine/units.ts';
import { FUELS } from '../../survey/forms/code-tables/fuels.ts';
import { allRows, inForceId } from '../coefficients/coefficients.sql.ts';
import { parseFormula, type Formula } from '../coefficients/formula.ts';
import type { CoefficientRow } from '../coefficients/rules.ts';
import type { Library, Lookup } from '../methods/index.ts';
import { matchLookup, matchRow } from './library-match.ts';

export const CENSUS = '2017';
const versions = new Map<number, Promise<CoefficientRow[]>>();
const formulas = new Map<string, Formula | null>();
const fuelName = new Map(FUELS.map((f) => [f.code, f.zh]));

function formulaOf(text: string): Formula | null {
  if (!formulas.has(text)) {
    try {
      formulas.set(text, parseFormula(text));
    } catch {
      formulas.set(text, null);
    }
  }
  return formulas.get(text)!;
}

async function inForce(db: Db): Promise<{ id: number; all: CoefficientRow[] } | null> {
  const id = await inForceId(db, CENSUS);
  if (!id) return null;
  let rows = versions.get(id);
  if (!rows) {
    rows = allRows(db, id);
    rows.catch(() => versions.delete(id));
    versions.set(id, rows);
  }
  return { id, all: await rows };
}

/** The library for one source's industry (null when no version is in force). */
export async function libraryFor(db: Db, industry: string | null, convert: Converter): Promise<Library | null> {
  const v = await inForce(db);
  if (!v) return null;
  return (q) => matchRow(v.all, { ...q, industry, fuel: q.fuel ? fuelName.get(q.fuel) ?? null : null }, convert, formulaOf, v.id);
}

/** The lookup of the other categories' methods (null when no version is in force). */
export async function lookupFor(db: Db, convert: Converter): Promise<Lookup | null> {
  const v = await inForce(db);
  if (!v) return null;
  return (q) => matchLookup(v.all, q, convert, formulaOf, v.id);
}
