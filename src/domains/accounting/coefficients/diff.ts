// What changed between two versions of the library, rows matched by their key (industry,
// product, material, process, scale, pollutant, treatment); the row number is not compared.
import { rowKey, type CoefficientRow } from './rules.ts';

export interface VersionDiff {
  added: CoefficientRow[];
  removed: CoefficientRow[];
  changed: { key: string; before: CoefficientRow; after: CoefficientRow }[];
}

const VALUES: (keyof CoefficientRow)[] = ['activityUnit', 'genCoefficient', 'genFormula', 'coefficientUnit', 'efficiency', 'dischargeCoefficient', 'opParams'];
const same = (a: CoefficientRow, b: CoefficientRow) => VALUES.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

/** `after` against `before`: rows only in after are added, only in before removed. */
export function diffRows(before: CoefficientRow[], after: CoefficientRow[]): VersionDiff {
  const old = new Map(before.map((r) => [rowKey(r), r]));
  const diff: VersionDiff = { added: [], removed: [], changed: [] };
  const seen = new Set<string>();
  for (const r of after) {
    const key = rowKey(r);
    seen.add(key);
    const b = old.get(key);
    if (!b) diff.added.push(r);
    else if (!same(b, r)) diff.changed.push({ key, before: b, after: r });
  }
  for (const [key, r] of old) if (!seen.has(key)) diff.removed.push(r);
  return diff;
}
