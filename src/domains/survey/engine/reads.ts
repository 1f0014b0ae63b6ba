// Which of a source's other forms the verdict of one form depends on, read statically from the
// compiled definitions, so the server need fetch and evaluate only those (docs/benchmarks.md).
// A form's verdict reads other forms through form('…') in its own expressions, in the cross-form
// rules that run on it and in its catalogue `applies`. What such a form holds, once walked, in
// turn depends on the forms its `relevant` and `calculate` read (they drop and fill values); its
// `required`, rules and cross-form rules only raise its own issues, so they add nothing further.
import type { CompiledForm, CompiledLevel, CompiledRule } from './compile.ts';
import { formsNamed, type Node } from './expression.ts';

export interface FormReads {
  /** Forms read by the expressions that change what the form holds (relevant, calculate). */
  values: Set<string>;
  /** Forms read by any of its expressions (also required-ness and rules). */
  all: Set<string>;
}

export function ruleReads(r: CompiledRule, out: Set<string>): Set<string> {
  formsNamed(r.assert, out);
  if (r.when) formsNamed(r.when, out);
  for (const [, node] of r.params) formsNamed(node, out);
  return out;
}

function levelReads(level: CompiledLevel, out: FormReads): void {
  for (const f of level.fields) {
    for (const node of [f.relevant, f.calculate]) {
      if (!node) continue;
      formsNamed(node, out.values);
      formsNamed(node, out.all);
    }
    if (f.required && f.required !== true) formsNamed(f.required as Node, out.all);
    for (const r of f.rules) ruleReads(r, out.all);
    if (f.level) levelReads(f.level, out);
  }
  for (const r of level.rules) ruleReads(r, out.all);
}

export function formReads(form: CompiledForm): FormReads {
  const out: FormReads = { values: new Set(), all: new Set() };
  levelReads(form.root, out);
  return out;
}

/**
 * For each code: the other forms its verdict needs, `direct` ones and, transitively, the forms
 * their values depend on (`values`). Sorted; the form itself is left out (it is always in the set).
 */
export function neededForms(codes: Iterable<string>, direct: Map<string, Set<string>>, values: Map<string, Set<string>>): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const code of codes) {
    const seen = new Set<string>();
    const queue = [...(direct.get(code) ?? [])];
    while (queue.length) {
      const c = queue.pop()!;
      if (seen.has(c)) continue;
      seen.add(c);
      queue.push(...(values.get(c) ?? []));
    }
    seen.delete(code);
    out.set(code, Object.freeze([...seen].sort()));
  }
  return out;
}
