// Unit conversion within one dimension (t ↔ kg, 万m³ ↔ m³, kcal/kg ↔ MJ/kg). Across dimensions
// there is no answer (null), never a guess: t of coal and 万m³ of gas need a density or a
// calorific value, which a rule must bring explicitly.
import type { CodeEntry } from '../forms/types.ts';

export type Converter = (value: number, from: string, to: string) => number | null;

export function makeConverter(units: CodeEntry[]): Converter {
  const byCode = new Map<string, { dim: string; factor: number }>();
  for (const u of units) {
    const dim = u.attrs?.dim;
    const factor = u.attrs?.factor;
    if (typeof dim === 'string' && typeof factor === 'number') byCode.set(u.code, { dim, factor });
  }
  return (value, from, to) => {
    if (!Number.isFinite(value)) return null;
    if (from === to) return byCode.has(from) ? value : null;
    const a = byCode.get(from);
    const b = byCode.get(to);
    if (!a || !b || a.dim !== b.dim) return null;
    const x = (value * a.factor) / b.factor;
    // Twelve significant digits: 0.3 t is 300 kg, not 299.99999999999994.
    return Number.isFinite(x) ? Number(x.toPrecision(12)) : null;
  };
}
