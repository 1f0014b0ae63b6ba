// Turns a form definition into what the evaluator walks: expressions parsed once, fields
// indexed per level, form rules attached to the level they run on. Compiling also checks the
// definition itself (every expression parses, every name it reads exists in its scope, every
// code table and unit exists), so a broken definition fails at start-up, not in a respondent's face.
import type { CodeTable, Field, FormDefinition, FormRule, Rule, Text } from '../forms/types.ts';
import { ExpressionError, freeNames, parseExpression, type Node } from './expression.ts';

export interface CompiledRule {
  /** Full id: `<form>.<rule>` for form rules, `<form>.<field path>.<rule>` for field rules. */
  id: string;
  severity: Rule['severity'];
  message: Text;
  assert: Node;
  when?: Node;
  params: [string, Node][];
  /** Field id at the level the rule runs on ('' = the row itself). */
  field: string;
}

export interface CompiledField {
  def: Field;
  id: string;
  relevant?: Node;
  required?: Node | true;
  calculate?: Node;
  rules: CompiledRule[];
  /** Set for repeat groups. */
  level?: CompiledLevel;
}

export interface CompiledLevel {
  fields: CompiledField[];
  byId: Map<string, CompiledField>;
  names: ReadonlySet<string>;
  /** Form rules whose context is this level. */
  rules: CompiledRule[];
}

export interface CompiledForm {
  def: FormDefinition;
  code: string;
  version: number;
  root: CompiledLevel;
}

export interface CompileContext {
  tables: Map<string, CodeTable>;
  /** Every form code a `form('…')` may name. */
  formCodes: ReadonlySet<string>;
  /** Names an expression may read besides fields (applicability: category, kind, industry). */
  vars?: ReadonlySet<string>;
}

export class DefinitionError extends Error {
  constructor(where: string, detail: string) {
    super(`${where}: ${detail}`);
    this.name = 'DefinitionError';
  }
}

const ID_RE = /^[a-z][A-Za-z0-9]*$/;
const EXTERNAL_TABLES = new Set(['industry', 'region']);

/** Parses an expression and checks the names it reads against the scope chain; `where` names it in errors. */
export function compileExpression(src: string, where: string, scope: ReadonlySet<string>[], ctx: CompileContext): Node {
  let node: Node;
  try {
    node = parseExpression(src);
  } catch (e) {
    if (e instanceof ExpressionError) throw new DefinitionError(where, e.message);
    throw e;
  }
  for (const name of freeNames(node)) {
    if (!scope.some((s) => s.has(name)) && !ctx.vars?.has(name)) throw new DefinitionError(where, `'${name}' is not a field in scope of ${src}`);
  }
  checkFormRefs(node, where, ctx);
  return node;
}

function checkFormRefs(node: Node, where: string, ctx: CompileContext): void {
  if (node.k === 'call') {
    const [a] = node.args;
    if (node.fn === 'form' && !(a?.k === 'lit' && typeof a.v === 'string' && ctx.formCodes.has(a.v))) {
      throw new DefinitionError(where, 'form() takes the literal code of a catalogued form');
    }
    if (node.fn === 'lookup' && a?.k === 'lit' && !ctx.tables.has(String(a.v))) throw new DefinitionError(where, `lookup() names unknown table ${String(a.v)}`);
    if (node.fn === 'convert') {
      for (const u of node.args.slice(1)) {
        if (u.k === 'lit' && !ctx.tables.get('units')?.entries.some((e) => e.code === u.v)) throw new DefinitionError(where, `convert() names unknown unit ${String(u.v)}`);
      }
    }
    node.args.forEach((x) => checkFormRefs(x, where, ctx));
  } else if (node.k === 'bin') { checkFormRefs(node.a, where, ctx); checkFormRefs(node.b, where, ctx); }
  else if (node.k === 'not' || node.k === 'neg') checkFormRefs(node.a, where, ctx);
  else if (node.k === 'member') checkFormRefs(node.obj, where, ctx);
  else if (node.k === 'index') { checkFormRefs(node.obj, where, ctx); checkFormRefs(node.index, where, ctx); }
  else if (node.k === 'list') node.items.forEach((x) => checkFormRefs(x, where, ctx));
}

function compileRule(r: Rule, id: string, field: string, scope: ReadonlySet<string>[], ctx: CompileContext): CompiledRule {
  const where = `rule ${id}`;
  return {
    id,
    severity: r.severity,
    message: r.message,
    assert: compileExpression(r.assert, where, scope, ctx),
    when: r.when ? compileExpression(r.when, where, scope, ctx) : undefined,
    params: Object.entries(r.params ?? {}).map(([k, v]) => [k, compileExpression(v, `${where} param ${k}`, scope, ctx)]),
    field,
  };
}

function checkField(f: Field, where: string, level: Map<string, Field>, ctx: CompileContext): void {
  if (!ID_RE.test(f.id)) throw new DefinitionError(where, `field id '${f.id}' must be lowerCamelCase letters and digits`);
  if (f.type === 'code' && !ctx.tables.has(f.table) && !EXTERNAL_TABLES.has(f.table)) throw new DefinitionError(where, `unknown code table ${f.table}`);
  if (f.type === 'integer' || f.type === 'decimal') {
    if (f.unit && !ctx.tables.get('units')?.entries.some((u) => u.code === f.unit)) throw new DefinitionError(where, `unknown unit ${f.unit}`);
    if (f.unitField) {
      const u = level.get(f.unitField);
      if (!u || u.type !== 'code' || u.table !== 'units') throw new DefinitionError(where, `unitField ${f.unitField} is not a units code field beside it`);
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) throw new DefinitionError(where, 'min > max');
  }
  if (f.type === 'group' && !(f.maxRows >= 1 && f.maxRows <= 10_000)) throw new DefinitionError(where, 'a group needs maxRows between 1 and 10,000');
  if (f.calculate && f.required) throw new DefinitionError(where, 'a calculated field cannot be required');
}

function compileLevel(fields: Field[], path: string, code: string, outer: ReadonlySet<string>[], ctx: CompileContext): CompiledLevel {
  const defs = new Map<string, Field>();
  for (const f of fields) {
    if (defs.has(f.id)) throw new DefinitionError(`${code} ${path}`, `duplicate field id ${f.id}`);
    defs.set(f.id, f);
  }
  const names = new Set(defs.keys());
  const scope = [names, ...outer];
  const out: CompiledField[] = fields.map((f) => {
    const fp = path ? `${path}.${f.id}` : f.id;
    const where = `${code} field ${fp}`;
    checkField(f, where, defs, ctx);
    const cf: CompiledField = {
      def: f,
      id: f.id,
      relevant: f.relevant ? compileExpression(f.relevant, where, scope, ctx) : undefined,
      required: typeof f.required === 'string' ? compileExpression(f.required, where, scope, ctx) : f.required ? true : undefined,
      calculate: f.calculate ? compileExpression(f.calculate, where, scope, ctx) : undefined,
      rules: [],
    };
    if (f.type === 'group') cf.level = compileLevel(f.fields, fp, code, scope, ctx);
    // A field's own rules see the level it sits on (and, for a group, are about the group as a whole).
    cf.rules = (f.rules ?? []).map((r) => compileRule(r, `${code}.${fp}.${r.id}`, f.id, scope, ctx));
    return cf;
  });
  return { fields: out, byId: new Map(out.map((f) => [f.id, f])), names, rules: [] };
}

/** The level a rule context ('fuels', 'outlets.facilities') names, with the scopes above it. */
export function levelAt(form: CompiledForm, context: string | undefined): { level: CompiledLevel; scope: ReadonlySet<string>[] } | null {
  let level = form.root;
  const scope: ReadonlySet<string>[] = [level.names];
  for (const part of context ? context.split('.') : []) {
    const f = level.byId.get(part);
    if (!f?.level) return null;
    level = f.level;
    scope.unshift(level.names);
  }
  return { level, scope };
}

/** Compiles a form rule into the level it runs on; `prefix` is the id prefix (the form code). */
export function attachRule(form: CompiledForm, r: FormRule, prefix: string, ctx: CompileContext, extraScope: ReadonlySet<string>[] = []): CompiledRule {
  const at = levelAt(form, r.context);
  const id = `${prefix}.${r.id}`;
  if (!at) throw new DefinitionError(`rule ${id}`, `context ${r.context} is not a repeat group of ${form.code}`);
  if (r.field && !at.level.names.has(r.field)) throw new DefinitionError(`rule ${id}`, `field ${r.field} is not in ${r.context ?? 'the form'}`);
  return compileRule(r, id, r.field, [...at.scope, ...extraScope], ctx);
}

export function compileForm(def: FormDefinition, ctx: CompileContext): CompiledForm {
  const form: CompiledForm = { def, code: def.code, version: def.version, root: compileLevel(def.fields, '', def.code, [], ctx) };
  for (const r of def.rules ?? []) {
    const cr = attachRule(form, r, def.code, ctx);
    levelAt(form, r.context)!.level.rules.push(cr);
  }
  return form;
}
