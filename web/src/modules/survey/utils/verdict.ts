// The engine's verdict over a source's forms, cut the way the page shows it: issues per form
// and per path, and a summary per form (a form is submitted alone, so it is ready alone) and for
// the whole set.
import type { Engine, Issue, SourceInfo, Verdict } from '../../../../../src/domains/survey/engine/index.ts';
import type { FormFill } from './fill-state.ts';

export interface Summary {
  ready: boolean;
  blocking: number;
  warnings: number;
  unexplained: number;
}

export interface FormVerdict {
  issues: Issue[];
  /** Issues by the path they point to ('' for the form as a whole). */
  byPath: Map<string, Issue[]>;
  summary: Summary;
}

export interface SetVerdict {
  verdict: Verdict;
  forms: Map<string, FormVerdict>;
  summary: Summary;
  /** How long the engine took, in milliseconds. */
  ms: number;
}

export function summarise(issues: readonly Issue[]): Summary {
  let blocking = 0;
  let warnings = 0;
  let unexplained = 0;
  for (const i of issues) {
    if (i.severity === 'blocking') blocking++;
    else {
      warnings++;
      if (!i.explanation) unexplained++;
    }
  }
  return { ready: blocking === 0 && unexplained === 0, blocking, warnings, unexplained };
}

const EMPTY: FormVerdict = { issues: [], byPath: new Map(), summary: { ready: true, blocking: 0, warnings: 0, unexplained: 0 } };

/** The verdict of one form (none: nothing to say). */
export function formVerdict(v: SetVerdict | null, form: string): FormVerdict {
  return v?.forms.get(form) ?? EMPTY;
}

/**
 * Runs the engine over the fills (every form of the source the page holds). `partial`: a draft
 * set, where forms not yet begun are not reported missing.
 */
export function evaluateFills(engine: Engine, source: SourceInfo, fills: readonly FormFill[], partial: boolean, now: () => number = () => performance.now()): SetVerdict {
  const t0 = now();
  const verdict = engine.evaluateSet(
    { source, forms: fills.map((f) => ({ form: f.form, version: f.version, answers: f.answers, explanations: f.explanations })) },
    { partial },
  );
  const ms = now() - t0;
  const grouped = new Map<string, Issue[]>();
  for (const i of verdict.issues) {
    const list = grouped.get(i.form) ?? [];
    list.push(i);
    grouped.set(i.form, list);
  }
  const forms = new Map<string, FormVerdict>();
  for (const [form, issues] of grouped) {
    const byPath = new Map<string, Issue[]>();
    for (const i of issues) {
      const list = byPath.get(i.path) ?? [];
      list.push(i);
      byPath.set(i.path, list);
    }
    forms.set(form, { issues, byPath, summary: summarise(issues) });
  }
  return { verdict, forms, summary: summarise(verdict.issues), ms };
}

/** Issues at a path and, for a group, those of the group itself: the ones shown beside a field. */
export function issuesAt(fv: FormVerdict, path: string): Issue[] {
  return fv.byPath.get(path) ?? [];
}

/** Whether two verdicts say the same (the server's 422 against the page's own). */
export function sameIssues(a: readonly Pick<Issue, 'form' | 'path' | 'rule' | 'severity'>[], b: readonly Pick<Issue, 'form' | 'path' | 'rule' | 'severity'>[]): boolean {
  const key = (i: Pick<Issue, 'form' | 'path' | 'rule' | 'severity'>) => `${i.form}|${i.path}|${i.rule}|${i.severity}`;
  const sa = new Set(a.map(key));
  const sb = new Set(b.map(key));
  return sa.size === sb.size && [...sa].every((k) => sb.has(k));
}

/** The status an input shows for its issues: red while one blocks, orange while a warning is unexplained. */
export function inputStatus(issues: readonly Issue[], explanations: Record<string, string>): '' | 'error' | 'warning' {
  if (issues.some((i) => i.severity === 'blocking')) return 'error';
  if (issues.some((i) => i.severity === 'warning' && !explanations[`${i.rule}@${i.path}`]?.trim())) return 'warning';
  return '';
}

/** The worst severity among a field's issues (undefined: none). */
export function severityOf(issues: readonly Pick<Issue, 'severity'>[]): 'blocking' | 'warning' | undefined {
  return issues.some((i) => i.severity === 'blocking') ? 'blocking' : issues.length ? 'warning' : undefined;
}
