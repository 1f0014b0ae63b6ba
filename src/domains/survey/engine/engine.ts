// The engine over a set of definitions: compiles them once, then evaluates submission sets
// (the forms of one source) and answers which forms a source fills.
import type { CatalogueEntry, CodeTable, CrossFormRule, FormDefinition, SourceKind, Text } from '../forms/types.ts';
import { applicableForms, appliesTo, compileCatalogue, type ApplicableForm, type CompiledEntry, type SourceInfo } from './applicability.ts';
import type { Checks, CoerceContext } from './coerce.ts';
import { attachRule, compileForm, type CompileContext, type CompiledForm, type CompiledRule } from './compile.ts';
import type { EvalEnv, Row, Value } from './evaluate.ts';
import { formsNamed } from './expression.ts';
import { formReads, neededForms, ruleReads } from './reads.ts';
import { makeConverter } from './units.ts';
import { coerceLevel, IssueLog, readExplanations, rowsAt, runRule, walkLevel, type FormRun, type Issue } from './walk.ts';

export interface EngineConfig {
  catalogue: CatalogueEntry[];
  forms: FormDefinition[];
  tables: CodeTable[];
  crossRules?: CrossFormRule[];
  checks?: Checks;
}

export interface Submission {
  form: string;
  /** The form version it was filled against; it keeps that version for good. */
  version: number;
  answers: unknown;
  /** Explanations of warnings: { "<rule id>@<path>": "why" }. */
  explanations?: unknown;
}

export interface SubmissionSet {
  source: SourceInfo;
  forms: Submission[];
}

export interface Verdict {
  issues: Issue[];
  /** The answers as the engine read them: coerced, irrelevant ones dropped, calculations filled. */
  values: Record<string, Row>;
  summary: { blocking: number; warnings: number; unexplained: number; ready: boolean };
  /** Some issues were left out (more than the per-form cap). */
  truncated: boolean;
}

export interface EvaluateOptions {
  /** A draft: forms the source must fill but has not sent are not reported missing. */
  partial?: boolean;
}

export const MAX_FORMS_PER_SET = 100;
const CATEGORIES = new Set(['G', 'N', 'S', 'J', 'Y']);

const msg = (zh: string, en: string): Text => ({ zh, en });
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Engine {
  evaluateSet(set: unknown, options?: EvaluateOptions): Verdict;
  requiredForms(source: SourceInfo, answers?: Record<string, Row | undefined>): ApplicableForm[];
  /** The compiled form, or why there is none. */
  resolveForm(code: string, version: unknown): { form: CompiledForm } | { error: 'form.unknown' | 'form.not-defined' | 'form.version'; message: Text };
  versions(code: string): number[];
  /**
   * The other forms of a source whose answers the verdict of `code` depends on (its own and
   * cross-form rules, relevance, calculations, its applicability, and what those forms' values
   * depend on in turn): evaluating `code` with only these gives its verdict and values as with all.
   */
  formsRead(code: string): readonly string[];
  convert(value: number, from: string, to: string): number | null;
}

export function createEngine(cfg: EngineConfig): Engine {
  const tables = new Map(cfg.tables.map((t) => [t.id, t]));
  const ctx: CompileContext = { tables, formCodes: new Set(cfg.catalogue.map((e) => e.code)) };
  const order = new Map(cfg.catalogue.map((e, i) => [e.code, i]));
  const catalogue = new Map(cfg.catalogue.map((e) => [e.code, e]));
  const compiled = new Map<string, Map<number, CompiledForm>>();
  for (const def of cfg.forms) {
    if (!catalogue.has(def.code)) throw new Error(`form ${def.code} is not in the catalogue`);
    const byVersion = compiled.get(def.code) ?? new Map<number, CompiledForm>();
    byVersion.set(def.version, compileForm(def, ctx));
    compiled.set(def.code, byVersion);
  }
  // Cross-form rules compile against every version of the form they run on.
  const crossRules = new Map<CompiledForm, { rule: CompiledRule; needs: string[]; context?: string }[]>();
  for (const r of cfg.crossRules ?? []) {
    const versions = compiled.get(r.form);
    if (!versions) throw new Error(`cross-form rule ${r.id} runs on ${r.form}, which has no definition`);
    for (const f of versions.values()) {
      const list = crossRules.get(f) ?? [];
      list.push({ rule: attachRule(f, r, 'cross', ctx), needs: r.needs, context: r.context });
      crossRules.set(f, list);
    }
  }
  const entries: CompiledEntry[] = compileCatalogue(cfg.catalogue, ctx);

  // What each form reads of the others, over all its versions (a stored form keeps its version).
  const direct = new Map<string, Set<string>>();
  const valueReads = new Map<string, Set<string>>();
  const bucket = (m: Map<string, Set<string>>, code: string) => m.get(code) ?? m.set(code, new Set()).get(code)!;
  for (const [code, versions] of compiled) {
    for (const f of versions.values()) {
      const r = formReads(f);
      r.all.forEach((c) => bucket(direct, code).add(c));
      r.values.forEach((c) => bucket(valueReads, code).add(c));
      for (const { rule, needs } of crossRules.get(f) ?? []) {
        needs.forEach((c) => bucket(direct, code).add(c));
        ruleReads(rule, bucket(direct, code));
      }
    }
  }
  for (const c of entries) if (c.applies) formsNamed(c.applies, bucket(direct, c.entry.code));
  const needed = neededForms(catalogue.keys(), direct, valueReads);

  const lookupMaps = new Map<string, Map<string, Record<string, unknown>>>();
  const codes = new Map<string, Map<string, unknown>>();
  for (const t of cfg.tables) {
    lookupMaps.set(t.id, new Map(t.entries.map((e) => [e.code, { zh: e.zh, en: e.en, ...e.attrs }])));
    codes.set(t.id, new Map(t.entries.map((e) => [e.code, e])));
  }
  const convert = makeConverter(tables.get('units')?.entries ?? []);
  const lookup = (table: string, code: string, attr: string): Value => {
    const e = lookupMaps.get(table)?.get(code);
    return e && Object.hasOwn(e, attr) ? (e[attr] as Value) : null;
  };
  const coerce: CoerceContext = {
    codes,
    units: new Map((tables.get('units')?.entries ?? []).map((u) => [u.code, { zh: u.zh, en: u.en }])),
    checks: cfg.checks ?? {},
  };

  function resolveForm(code: string, version: unknown): ReturnType<Engine['resolveForm']> {
    const entry = typeof code === 'string' ? catalogue.get(code) : undefined;
    if (!entry) return { error: 'form.unknown', message: msg(`没有表号为 ${String(code).slice(0, 20)} 的报表`, `There is no form ${String(code).slice(0, 20)}`) };
    const versions = compiled.get(code);
    if (!versions) return { error: 'form.not-defined', message: msg(`报表 ${code} 尚未定义字段，暂不能填报`, `Form ${code} has no field definitions yet and cannot be filled`) };
    const f = typeof version === 'number' ? versions.get(version) : undefined;
    if (!f) {
      const known = [...versions.keys()].join(', ');
      return { error: 'form.version', message: msg(`报表 ${code} 没有版本 ${String(version).slice(0, 20)}（现有版本：${known}）`, `Form ${code} has no version ${String(version).slice(0, 20)} (versions: ${known})`) };
    }
    return { form: f };
  }

  function evaluateSet(set: unknown, options: EvaluateOptions = {}): Verdict {
    const explanations = new Map<string, Map<string, string>>();
    const log = new IssueLog(explanations);
    const values: Record<string, Row> = {};
    const done = (): Verdict => summarise(log, values);

    if (!isPlain(set) || !isPlain(set.source) || !Array.isArray(set.forms)) {
      log.add('', '', 'set.shape', 'blocking', msg('提交应为 {source, forms}', 'A submission set must be {source, forms}'));
      return done();
    }
    const source = set.source as unknown as SourceInfo;
    const kinds = new Set(cfg.catalogue.flatMap((e) => e.kinds));
    if (!CATEGORIES.has(source.category) || !kinds.has(source.kind as SourceKind) || (source.industryCode !== undefined && typeof source.industryCode !== 'string')) {
      log.add('', 'source', 'set.source', 'blocking', msg('普查对象的类别或类型不正确', 'The source category or kind is not valid'));
      return done();
    }
    if (set.forms.length > MAX_FORMS_PER_SET) {
      log.add('', 'forms', 'set.too-many-forms', 'blocking', msg(`一次最多提交 ${MAX_FORMS_PER_SET} 张表`, `At most ${MAX_FORMS_PER_SET} forms per set`));
      return done();
    }

    // Resolve each form and coerce its answers, then walk them in catalogue order so that a
    // later form's rules see the earlier forms' calculated values.
    const runs: FormRun[] = [];
    const byCode = new Map<string, CompiledForm>();
    const env: EvalEnv = { form: (c) => (Object.hasOwn(values, c) ? values[c] : null), lookup, convert };
    for (const [i, sub] of (set.forms as unknown[]).entries()) {
      const code = isPlain(sub) && typeof sub.form === 'string' ? sub.form.slice(0, 20) : `#${i}`;
      if (!isPlain(sub)) { log.add(code, '', 'set.shape', 'blocking', msg('每张表应为 {form, version, answers}', 'Each form must be {form, version, answers}')); continue; }
      const r = resolveForm(sub.form as string, sub.version);
      if ('error' in r) { log.add(code, '', r.error, 'blocking', r.message); continue; }
      if (byCode.has(code)) { log.add(code, '', 'set.duplicate-form', 'blocking', msg(`报表 ${code} 重复提交`, `Form ${code} is sent twice`)); continue; }
      const entry = catalogue.get(code)!;
      if (entry.category !== source.category || !entry.kinds.includes(source.kind)) {
        log.add(code, '', 'set.wrong-kind', 'blocking', msg(`报表 ${code} 不由此类普查对象填报`, `Form ${code} is not filled by this kind of source`));
        continue;
      }
      byCode.set(code, r.form);
      explanations.set(code, readExplanations(code, sub.explanations, log));
      const run: FormRun = { form: r.form, code, log, coerce, env, bad: new Set() };
      const row = coerceLevel(r.form.root, sub.answers, '', run);
      if (row) { values[code] = row; runs.push(run); }
    }
    runs.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
    for (const run of runs) walkLevel(run.form.root, values[run.code] as Record<string, unknown>, '', null, run);
    for (const run of runs) {
      for (const { rule, needs, context } of crossRules.get(run.form) ?? []) {
        if (!needs.every((n) => Object.hasOwn(values, n))) continue;
        for (const { scope, path } of rowsAt(values[run.code], run.form, context)) runRule(rule, scope, path, run);
      }
    }
    checkApplicability(source, values, byCode, log, options);
    return done();
  }

  function checkApplicability(source: SourceInfo, values: Record<string, Row>, sent: Map<string, CompiledForm>, log: IssueLog, options: EvaluateOptions): void {
    const env: EvalEnv = { form: (c) => (Object.hasOwn(values, c) ? values[c] : null), lookup, convert, vars: { category: source.category, kind: source.kind, industry: source.industryCode ?? null } };
    for (const c of entries) {
      const t = appliesTo(c, source, env);
      const code = c.entry.code;
      if (t === false && sent.has(code)) {
        log.add(code, '', 'set.not-applicable', 'blocking', msg(`按已填报的内容，本单位不应填报 ${code}，请核对`, `By the answers given, this source does not fill ${code}; check them`));
      } else if (t === true && !sent.has(code) && !options.partial && c.entry.defined) {
        log.add(code, '', 'set.missing-form', 'blocking', msg(`本单位须填报 ${code}《${c.entry.name.zh}》`, `This source must fill ${code} (${c.entry.name.en})`));
      }
    }
  }

  return {
    evaluateSet,
    requiredForms: (source, answers = {}) => applicableForms(entries, source, answers, { lookup, convert }),
    resolveForm,
    versions: (code) => [...(compiled.get(code)?.keys() ?? [])],
    formsRead: (code) => needed.get(code) ?? [],
    convert,
  };
}

function summarise(log: IssueLog, values: Record<string, Row>): Verdict {
  let blocking = 0;
  let warnings = 0;
  let unexplained = 0;
  for (const i of log.issues) {
    if (i.severity === 'blocking') blocking++;
    else {
      warnings++;
      if (!i.explanation) unexplained++;
    }
  }
  return { issues: log.issues, values, summary: { blocking, warnings, unexplained, ready: blocking === 0 && unexplained === 0 }, truncated: log.truncated };
}
