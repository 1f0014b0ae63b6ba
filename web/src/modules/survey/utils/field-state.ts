// Which fields of a level show and how: `relevant` (hidden when it does not hold), `required`
// (the mark) and `calculate` (the computed value, read-only). Evaluated over the engine's own
// reading of the answers (verdict.values: coerced, irrelevant ones dropped, calculations filled),
// with the compiled expressions of the form, so the page hides exactly what the engine drops.
import { evaluate, makeConverter, truth, type CompiledForm, type EvalEnv, type Row, type Scope } from '../../../../../src/domains/survey/engine/index.ts';
import type { CompiledField, CompiledLevel } from '../../../../../src/domains/survey/engine/compile.ts';
import { CODE_TABLES } from '../../../../../src/domains/survey/forms/index.ts';
import type { Field } from '../../../../../src/domains/survey/forms/index.ts';

export type { CompiledField, CompiledLevel };

export interface FieldState {
  field: CompiledField;
  def: Field;
  relevant: boolean;
  required: boolean;
  /** The computed value of a calculated field (null when it cannot be computed yet). */
  computed?: unknown;
}

let sharedEnv: Omit<EvalEnv, 'form'> | undefined;

/** lookup() and convert() over the census's code tables, built once. */
function baseEnv(): Omit<EvalEnv, 'form'> {
  if (sharedEnv) return sharedEnv;
  const maps = new Map(CODE_TABLES.map((t) => [t.id, new Map(t.entries.map((e) => [e.code, { zh: e.zh, en: e.en, ...e.attrs } as Record<string, unknown>]))]));
  const units = CODE_TABLES.find((t) => t.id === 'units')?.entries ?? [];
  sharedEnv = {
    lookup: (table, code, attr) => {
      const e = maps.get(table)?.get(code);
      return e && Object.hasOwn(e, attr) ? (e[attr] as never) : null;
    },
    convert: makeConverter(units),
  };
  return sharedEnv;
}

/** The evaluation environment over the set's values (form('G101-1') reads another form). */
export function evalEnv(values: Record<string, Row>): EvalEnv {
  return { ...baseEnv(), form: (c) => (Object.hasOwn(values, c) ? values[c] : null) };
}

export const rootScope = (form: CompiledForm, values: Row | undefined): Scope => ({ row: values ?? {}, names: form.root.names, parent: null });
export const rowScope = (level: CompiledLevel, row: Row | undefined, parent: Scope): Scope => ({ row: row ?? {}, names: level.names, parent });

/** The state of every field of a level, in definition order. */
export function levelStates(level: CompiledLevel, scope: Scope, env: EvalEnv): FieldState[] {
  return level.fields.map((f) => {
    const relevant = !f.relevant || truth(evaluate(f.relevant, scope, env)) === true;
    const required = relevant && (f.required === true || (f.required !== undefined && truth(evaluate(f.required, scope, env)) === true));
    const s: FieldState = { field: f, def: f.def, relevant, required };
    if (f.calculate) s.computed = relevant ? (Object.hasOwn(scope.row, f.id) ? scope.row[f.id] : null) : null;
    return s;
  });
}

/** Ids of the fields of a level that other fields use as their unit (shown as the unit of that number too). */
export function unitFieldIds(level: CompiledLevel): Set<string> {
  const out = new Set<string>();
  for (const f of level.fields) if ((f.def.type === 'integer' || f.def.type === 'decimal') && f.def.unitField) out.add(f.def.unitField);
  return out;
}

/**
 * Sections of a level: consecutive plain fields together, each repeat group its own section,
 * so that a long form reads as on paper (the header, the tables, the footer).
 */
export function sections<T extends { def: Field }>(states: T[]): { kind: 'fields' | 'group'; items: T[] }[] {
  const out: { kind: 'fields' | 'group'; items: T[] }[] = [];
  for (const s of states) {
    if (s.def.type === 'group') out.push({ kind: 'group', items: [s] });
    else if (out.length && out[out.length - 1].kind === 'fields') out[out.length - 1].items.push(s);
    else out.push({ kind: 'fields', items: [s] });
  }
  return out;
}
