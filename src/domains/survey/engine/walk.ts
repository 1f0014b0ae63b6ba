// One form's answers through the definition: coerce every answer by type (refusing an oversized
// repeat group before reading a row of it), then walk the fields in definition order — drop what
// is not relevant, compute calculations, check required-ness, unusual values and rules.
import type { GroupField, NumberField, Severity, Text } from '../forms/types.ts';
import { coerceValue, isEmptyAnswer, type CoerceContext } from './coerce.ts';
import type { CompiledField, CompiledForm, CompiledLevel, CompiledRule } from './compile.ts';
import { evaluate, truth, type EvalEnv, type Row, type Scope, type Value } from './evaluate.ts';

export interface Issue {
  form: string;
  /** Where in the form: `fuels[2].sulphur`; '' for the form (or the set) as a whole. */
  path: string;
  rule: string;
  severity: Severity;
  message: Text;
  /** The respondent's explanation, for a warning that carries one. */
  explanation?: string;
}

export const MAX_ISSUES_PER_FORM = 500;
const MAX_EXPLANATION = 500;

/** Collects issues, capped per form so a hostile submission cannot grow the answer without bound. */
export class IssueLog {
  readonly issues: Issue[] = [];
  truncated = false;
  private perForm = new Map<string, number>();
  constructor(private readonly explanations: Map<string, Map<string, string>>) {}

  add(form: string, path: string, rule: string, severity: Severity, message: Text): void {
    const n = this.perForm.get(form) ?? 0;
    if (n >= MAX_ISSUES_PER_FORM) { this.truncated = true; return; }
    this.perForm.set(form, n + 1);
    const issue: Issue = { form, path, rule, severity, message };
    if (severity === 'warning') {
      const why = this.explanations.get(form)?.get(`${rule}@${path}`);
      if (why) issue.explanation = why;
    }
    this.issues.push(issue);
  }
  full(form: string): boolean {
    return (this.perForm.get(form) ?? 0) >= MAX_ISSUES_PER_FORM;
  }
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Explanations arrive as { "<rule>@<path>": "why" }; blank ones do not count. */
export function readExplanations(form: string, raw: unknown, log: IssueLog): Map<string, string> {
  const out = new Map<string, string>();
  if (raw === undefined || raw === null) return out;
  const keys = isPlain(raw) ? Object.keys(raw) : null;
  if (!keys || keys.length > 2000) {
    log.add(form, 'explanations', 'explanations.shape', 'blocking', { zh: '说明应为"规则@位置 → 说明文字"的对象，且不超过 2000 条', en: 'Explanations must be an object of "rule@path" → text, at most 2,000 of them' });
    return out;
  }
  for (const k of keys) {
    const v = (raw as Record<string, unknown>)[k];
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (t.length > MAX_EXPLANATION) {
      log.add(form, `explanations.${k.slice(0, 200)}`, 'explanations.length', 'blocking', { zh: `说明不能超过 ${MAX_EXPLANATION} 个字符`, en: `An explanation cannot exceed ${MAX_EXPLANATION} characters` });
    } else if (t) out.set(k, t);
  }
  return out;
}

export interface FormRun {
  form: CompiledForm;
  code: string;
  log: IssueLog;
  coerce: CoerceContext;
  env: EvalEnv;
  /** Paths whose answer was refused: no second "required" issue for them. */
  bad: Set<string>;
}

const q = (t: Text) => ({ zh: `「${t.zh}」`, en: `"${t.en}"` });

/** Coerces one level (the form, or a row of a group); null when the answers are not an object. */
export function coerceLevel(level: CompiledLevel, raw: unknown, path: string, run: FormRun): Record<string, unknown> | null {
  const where = path.replace(/\.$/, '');
  if (!isPlain(raw)) {
    run.log.add(run.code, where, 'answers.shape', 'blocking', { zh: '答案应为"字段 → 值"的对象', en: 'Answers must be an object of field → value' });
    run.bad.add(where);
    return null;
  }
  const keys = Object.keys(raw);
  // More keys than a form could hold is refused whole rather than listed one by one.
  if (keys.length > level.fields.length * 4 + 50) {
    run.log.add(run.code, where, 'answers.too-many-fields', 'blocking', { zh: `答案含 ${keys.length} 个字段，远多于本表的字段数`, en: `The answers hold ${keys.length} fields, far more than the form has` });
    run.bad.add(where);
    return null;
  }
  for (const k of keys) {
    if (!level.byId.has(k)) run.log.add(run.code, path + k.slice(0, 60), 'field.unknown', 'blocking', { zh: `本表版本中没有字段 ${k.slice(0, 60)}`, en: `This form version has no field ${k.slice(0, 60)}` });
  }
  const out: Record<string, unknown> = {};
  for (const f of level.fields) {
    if (run.log.full(run.code)) break;
    const v = Object.hasOwn(raw, f.id) ? raw[f.id] : undefined;
    if (f.calculate || isEmptyAnswer(v)) continue;
    const p = path + f.id;
    if (f.def.type === 'group') {
      const rows = coerceGroup(f, f.def, v, p, run);
      if (rows) out[f.id] = rows;
      continue;
    }
    const c = coerceValue(f.def, v, run.coerce);
    if (c.ok) out[f.id] = c.value;
    else {
      run.log.add(run.code, p, c.rule, 'blocking', c.message);
      run.bad.add(p);
    }
  }
  return out;
}

function coerceGroup(f: CompiledField, def: GroupField, v: unknown, p: string, run: FormRun): Record<string, unknown>[] | null {
  const l = q(def.label);
  if (!Array.isArray(v)) {
    run.log.add(run.code, p, 'field.type', 'blocking', { zh: `${l.zh}应为行的列表`, en: `${l.en} must be a list of rows` });
    run.bad.add(p);
    return null;
  }
  // The length is known before any row is read: an oversized group costs nothing to refuse.
  if (v.length > def.maxRows) {
    run.log.add(run.code, p, 'group.max-rows', 'blocking', { zh: `${l.zh}最多 ${def.maxRows} 行，收到 ${v.length} 行`, en: `${l.en} takes at most ${def.maxRows} rows; got ${v.length}` });
    run.bad.add(p);
    return null;
  }
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < v.length && !run.log.full(run.code); i++) rows.push(coerceLevel(f.level!, v[i], `${p}[${i}].`, run) ?? {});
  return rows;
}

function format(v: Value): string {
  if (typeof v === 'number') return String(Number(v.toPrecision(6)));
  if (v === null) return '—';
  return typeof v === 'object' ? JSON.stringify(v).slice(0, 80) : String(v);
}

export function runRule(r: CompiledRule, scope: Scope, path: string, run: FormRun): void {
  const target = r.field ? path + r.field : path.replace(/\.$/, '');
  // A refused answer has its own issue already; a rule over it would only repeat it.
  if (run.bad.has(target)) return;
  if (r.when && truth(evaluate(r.when, scope, run.env)) !== true) return;
  if (truth(evaluate(r.assert, scope, run.env)) !== false) return;
  let { zh, en } = r.message;
  for (const [name, node] of r.params) {
    const s = format(evaluate(node, scope, run.env));
    zh = zh.replaceAll(`{${name}}`, s);
    en = en.replaceAll(`{${name}}`, s);
  }
  run.log.add(run.code, target, r.id, r.severity, { zh, en });
}

function unusual(f: NumberField, x: number, p: string, run: FormRun): void {
  const l = q(f.label);
  if (f.warnMin !== undefined && x < f.warnMin) run.log.add(run.code, p, 'field.unusual', 'warning', { zh: `${l.zh}低于通常范围（${f.warnMin}），请核实或说明`, en: `${l.en} is below the usual range (${f.warnMin}); check it or explain` });
  if (f.warnMax !== undefined && x > f.warnMax) run.log.add(run.code, p, 'field.unusual', 'warning', { zh: `${l.zh}高于通常范围（${f.warnMax}），请核实或说明`, en: `${l.en} is above the usual range (${f.warnMax}); check it or explain` });
}

/** Walks one level in definition order; `row` is the coerced row and is updated in place. */
export function walkLevel(level: CompiledLevel, row: Record<string, unknown>, path: string, parent: Scope | null, run: FormRun): void {
  const scope: Scope = { row, names: level.names, parent };
  for (const f of level.fields) {
    const p = path + f.id;
    if (f.relevant && truth(evaluate(f.relevant, scope, run.env)) !== true) {
      delete row[f.id];
      continue;
    }
    if (f.calculate) {
      const v = evaluate(f.calculate, scope, run.env);
      if (v === null) delete row[f.id];
      else row[f.id] = v;
    }
    const v = row[f.id];
    if (f.def.type === 'group') {
      const rows = Array.isArray(v) ? v : [];
      rows.forEach((r, i) => walkLevel(f.level!, r as Record<string, unknown>, `${p}[${i}].`, scope, run));
      const min = f.def.minRows ?? 0;
      if (rows.length < min && !run.bad.has(p)) run.log.add(run.code, p, 'group.min-rows', 'blocking', { zh: `${q(f.def.label).zh}至少填 ${min} 行`, en: `${q(f.def.label).en} needs at least ${min === 1 ? 'one row' : `${min} rows`}` });
    }
    const required = f.required === true || (f.required !== undefined && truth(evaluate(f.required, scope, run.env)) === true);
    if (required && isEmptyAnswer(v) && !run.bad.has(p)) {
      run.log.add(run.code, p, 'field.required', 'blocking', { zh: `${q(f.def.label).zh}必须填写`, en: `${q(f.def.label).en} is required` });
    }
    if ((f.def.type === 'decimal' || f.def.type === 'integer') && typeof v === 'number') unusual(f.def, v, p, run);
    for (const r of f.rules) runRule(r, scope, path, run);
  }
  for (const r of level.rules) runRule(r, scope, path, run);
}

/** Every row (with its scope and path) of a repeat-group context, or the form itself. */
export function rowsAt(values: Row, form: CompiledForm, context: string | undefined): { scope: Scope; path: string }[] {
  let out: { scope: Scope; path: string }[] = [{ scope: { row: values, names: form.root.names, parent: null }, path: '' }];
  let level = form.root;
  for (const part of context ? context.split('.') : []) {
    const f = level.byId.get(part)!;
    const next: { scope: Scope; path: string }[] = [];
    for (const { scope, path } of out) {
      const rows = scope.row[part];
      if (!Array.isArray(rows)) continue;
      rows.forEach((r, i) => next.push({ scope: { row: r as Row, names: f.level!.names, parent: scope }, path: `${path}${part}[${i}].` }));
    }
    out = next;
    level = f.level!;
  }
  return out;
}
