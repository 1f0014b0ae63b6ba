// 入户调查 survey: the rule engine. One module for the browser (console, field app) and the
// server, so a respondent sees exactly the verdict the server will give. Pure and browser-safe:
// no node: imports, no Buffer, no I/O, no eval — test/integration/survey-engine-browser.test.ts
// bundles it for Chromium and compares verdicts with Node's.
//
// How it fits together
// - Forms are data (../forms): a FormDefinition lists typed fields (text, integer, decimal with a
//   unit, code from a code table, boolean, date, period, coordinates, file, repeat group) with
//   `relevant`, `required`, `calculate` and `rules`, plus form rules that run per row of a group.
//   The catalogue lists every form code with who fills it and an `applies` expression; the
//   cross-form rules check one form against others of the same source.
// - Expressions (expression.ts, evaluate.ts) are a small language parsed by hand into a tree:
//   names of fields (looked up in the current row, then the rows around it), literals, `and or
//   not`, comparisons, `in [..]`, arithmetic, `.field` over rows and lists, and a fixed set of
//   functions (sum, count, min, max, avg, if, coalesce, empty, present, round, abs, convert,
//   lookup, startsWith, endsWith, contains, substr, filter/map with `it`, any, all, form('G101-2'),
//   selected, days, year, between). Unanswered is null and propagates; a rule that comes out
//   null is not raised (required-ness is its own check).
// - compile.ts parses every expression once and checks the definition (names in scope, tables,
//   units, form codes), so a broken definition fails when the engine is built.
// - Evaluating a set (engine.ts → walk.ts): resolve each form's (code, version) — an unknown one
//   is a clear blocking issue; coerce every answer by type (no NaN, Infinity, exponents, numbers
//   for codes; a repeat group longer than its maxRows is refused before a row is read); walk
//   each form in catalogue order: drop irrelevant answers, compute calculations, check required,
//   unusual values (warning bounds) and rules; then cross-form rules; then which forms the source
//   must fill against which it sent.
// - reads.ts finds, from the compiled definitions, which other forms a form's verdict reads
//   (engine.formsRead), so the server evaluates a saved form with only those of its stored forms.
// - Every issue is { form, path, rule, severity, message: {zh, en} }. Blocking (强制性) issues must
//   be fixed; a warning (提示性) stands when the submission carries an explanation under
//   "<rule>@<path>". `summary.ready` is true when nothing blocks and every warning is explained.
// - Industry (GB/T 4754-2017) and region codes are checked by injected functions (Checks): the
//   directory's index pulls Node-only code (register import, jobs), and region existence lives in
//   the database; without them, codes are checked by format.
export { createEngine, MAX_FORMS_PER_SET, type Engine, type EngineConfig, type EvaluateOptions, type Submission, type SubmissionSet, type Verdict } from './engine.ts';
export type { ApplicableForm, SourceInfo } from './applicability.ts';
export { coerceValue, isEmptyAnswer, type Checks, type Coerced } from './coerce.ts';
export { DefinitionError, compileForm, type CompiledForm } from './compile.ts';
export { fileRefs, type FileRef } from './file-refs.ts';
export { evaluate, truth, type EvalEnv, type Row, type Scope, type Value } from './evaluate.ts';
export { ExpressionError, FUNCTIONS, parseExpression, type Node } from './expression.ts';
export { makeConverter, type Converter } from './units.ts';
export { MAX_ISSUES_PER_FORM, type Issue } from './walk.ts';
