// Which forms a source fills: its category and kind pick the candidates in the catalogue, then
// each candidate's `applies` expression decides from the industry code and the answers given
// so far (G101-1 declares the boilers, kilns, wastes … that call for G103-x, G104-x and so on).
// An expression that reads an answer not yet given leaves the form 'undetermined', so the
// console can show it as "depends on G101-1" rather than guessing.
import type { CatalogueEntry, Category, SourceKind, Text } from '../forms/types.ts';
import { compileExpression, type CompileContext } from './compile.ts';
import { evaluate, truth, type EvalEnv, type Row, type Scope } from './evaluate.ts';
import type { Node } from './expression.ts';

export interface SourceInfo {
  category: Category;
  kind: SourceKind;
  /** GB/T 4754-2017 code, for industrial sources. */
  industryCode?: string;
}

export interface ApplicableForm {
  code: string;
  name: Text;
  status: 'required' | 'undetermined';
  /** Whether the form's fields are defined (others cannot be filled in Pucha yet). */
  defined: boolean;
}

// Applicability reads no fields of its own: only vars and form('…').
const TOP: Scope = { row: Object.freeze({}), names: new Set(), parent: null };

export const APPLICABILITY_VARS: ReadonlySet<string> = new Set(['category', 'kind', 'industry']);

export interface CompiledEntry {
  entry: CatalogueEntry;
  applies?: Node;
}

export function compileCatalogue(catalogue: CatalogueEntry[], ctx: CompileContext): CompiledEntry[] {
  return catalogue.map((entry) => ({
    entry,
    applies: entry.applies ? compileExpression(entry.applies, `catalogue ${entry.code}`, [], { ...ctx, vars: APPLICABILITY_VARS }) : undefined,
  }));
}

/** true (required), null (undetermined) or false (does not apply) for one catalogue entry. */
export function appliesTo(c: CompiledEntry, source: SourceInfo, env: EvalEnv): boolean | null {
  if (c.entry.category !== source.category || !c.entry.kinds.includes(source.kind)) return false;
  if (!c.applies) return true;
  return truth(evaluate(c.applies, TOP, env));
}

export function applicableForms(entries: CompiledEntry[], source: SourceInfo, answers: Record<string, Row | undefined>, base: Omit<EvalEnv, 'form' | 'vars'>): ApplicableForm[] {
  const env: EvalEnv = {
    ...base,
    form: (code) => (Object.hasOwn(answers, code) ? answers[code] ?? null : null),
    vars: { category: source.category, kind: source.kind, industry: source.industryCode ?? null },
  };
  const out: ApplicableForm[] = [];
  for (const c of entries) {
    const t = appliesTo(c, source, env);
    if (t !== false) out.push({ code: c.entry.code, name: c.entry.name, status: t ? 'required' : 'undetermined', defined: c.entry.defined });
  }
  return out;
}
