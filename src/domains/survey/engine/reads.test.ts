// formsRead: which other forms a form's verdict needs. The server evaluates a saved form with only
// those (docs/benchmarks.md), so for every defined form of the example sets — as given, and with
// G101-1 changed so that the cross-form rules, relevance and applicability that read it fire —
// the verdict and values with only the needed forms must equal those with every form.
import { describe, expect, it } from 'vitest';
import { CODE_TABLES } from '../forms/code-tables/index.ts';
import { bool, dec, formRule, text } from '../forms/build.ts';
import { exampleEnterprise } from '../forms/example-set.ts';
import { OTHER_EXAMPLES } from '../forms/example-others.ts';
import { censusEngine } from '../forms/index.ts';
import type { CatalogueEntry, FormDefinition } from '../forms/types.ts';
import { createEngine, type Engine, type SubmissionSet } from './engine.ts';

const engine = censusEngine();

/** The verdict of `form` as the server keeps it: its issues and the set's own, and its values. */
function verdictOf(e: Engine, set: SubmissionSet, form: string, only?: readonly string[]) {
  const forms = set.forms.filter((f) => f.form === form || !only || only.includes(f.form));
  const v = e.evaluateSet({ source: set.source, forms }, { partial: true });
  return { issues: v.issues.filter((i) => i.form === form || i.form === ''), values: v.values[form] ?? null };
}

function changed(set: SubmissionSet, form: string, change: Record<string, unknown>): SubmissionSet {
  return { ...set, forms: set.forms.map((f) => (f.form === form ? { ...f, answers: { ...(f.answers as object), ...change } } : f)) };
}
const withG101 = (set: SubmissionSet, change: Record<string, unknown>) => changed(set, 'G101-1', change);
const fuelsOf = (set: SubmissionSet) => (set.forms.find((f) => f.form === 'G101-3')!.answers as { fuels: Record<string, unknown>[] }).fuels;

const enterprise = exampleEnterprise();
const SETS: [string, SubmissionSet][] = [
  ['enterprise', enterprise],
  ['enterprise, three boilers declared, 100 hours', withG101(enterprise, { boilerCount: 3, operatingHours: 100 })],
  ['enterprise, idle all year, no wastewater', withG101(enterprise, { operatingState: '2', hasWastewater: false, unitName: '别的厂' })],
  // What G106-1, G106-2, G101-3 and G102 check against: products gone, fuels cut, less water taken in (a calculation), outlets gone.
  ['enterprise, the forms read changed', changed(changed(changed(enterprise, 'G101-2', { products: [] }), 'G101-3', {
    fuels: fuelsOf(enterprise).map((f) => ({ ...f, consumption: 1, sulphur: 3 })), tapWater: 1000, selfSupplied: 0,
  }), 'G102', { outlets: [] })],
  ['enterprise, no G101-1', { ...enterprise, forms: enterprise.forms.filter((f) => f.form !== 'G101-1') }],
  ...Object.entries(OTHER_EXAMPLES).map(([name, make]): [string, SubmissionSet] => [name, make()]),
];
const CASES = SETS.flatMap(([name, set]) => set.forms.map((f): [string, string, SubmissionSet] => [name, f.form, set]));

describe('formsRead over the census forms', () => {
  it.each(CASES)('%s: %s has the same verdict with only the forms it reads', (_name, form, set) => {
    const needed = engine.formsRead(form);
    expect(needed).not.toContain(form);
    expect(verdictOf(engine, set, form, needed)).toEqual(verdictOf(engine, set, form));
  });

  it('names what the rules read: G101-1 reads nothing, the detail forms G101-1 and what they check against', () => {
    expect(engine.formsRead('G101-1')).toEqual([]);
    expect(engine.formsRead('G103-1')).toEqual(['G101-1']);
    expect(engine.formsRead('G106-1')).toEqual(['G101-1', 'G101-2', 'G101-3']);
    expect(engine.formsRead('S105')).toEqual(['S104']);
    expect(engine.formsRead('N101-1')).toEqual([]);
    expect(engine.formsRead('no-such-form')).toEqual([]);
  });

  it('the sets above do exercise forms read: without them the verdicts differ', () => {
    const [, set] = SETS[1];
    expect(verdictOf(engine, set, 'G103-1', [])).not.toEqual(verdictOf(engine, set, 'G103-1'));
    const [, idle] = SETS[2];
    expect(verdictOf(engine, idle, 'G102', [])).not.toEqual(verdictOf(engine, idle, 'G102'));
    const [, cut] = SETS[3];
    for (const [form, read] of [['G106-1', 'G101-2'], ['G106-1', 'G101-3'], ['G101-3', 'G103-1'], ['G102', 'G101-3'], ['G106-2', 'G102']]) {
      const all = verdictOf(engine, cut, form);
      expect(all.issues.some((i) => i.rule.startsWith(`cross.${form}`)), `${form} has a cross-form issue`).toBe(true);
      expect(verdictOf(engine, cut, form, engine.formsRead(form).filter((c) => c !== read)), `${form} without ${read}`).not.toEqual(all);
    }
  });
});

describe('formsRead follows what the forms read in turn', () => {
  const entry = (code: string, applies?: string): CatalogueEntry => ({ code, name: { zh: code, en: code }, category: 'G', kinds: ['enterprise'], defined: true, ...(applies ? { applies } : {}) });
  const form = (code: string, fields: FormDefinition['fields'], rules: FormDefinition['rules'] = []): FormDefinition => ({ code, version: 1, title: { zh: code, en: code }, fields, rules });
  // A reads B in a rule; B's calculation reads C, and its relevance D; B's own rule reads E (no
  // bearing on B's values); F is read only by A's applicability; G by nothing A needs.
  const e = createEngine({
    // In catalogue order a form's rules see the forms before it walked (B's total calculated).
    catalogue: [entry('C'), entry('D'), entry('E'), entry('F'), entry('B'), entry('A', "form('F') == null or form('F').on"), entry('G')],
    tables: CODE_TABLES,
    forms: [
      form('A', [dec('x', 'x', 'x')], [formRule('le-b', 'blocking', 'x', "x <= form('B').total", 'x', 'x')]),
      form('B', [dec('a', 'a', 'a'), bool('on', 'on', 'on', { relevant: "form('D') == null or form('D').on" }), dec('total', 't', 't', { calculate: "sum(a, form('C').a)" })],
        [formRule('e', 'warning', 'a', "a <= form('E').a", 'a', 'a')]),
      form('C', [dec('a', 'a', 'a')]),
      form('D', [bool('on', 'on', 'on')]),
      form('E', [dec('a', 'a', 'a')]),
      form('F', [bool('on', 'on', 'on')]),
      form('G', [text('t', 't', 't'), dec('a', 'a', 'a', { calculate: "form('A').x" })]),
    ],
  });

  it('takes in the forms behind the values read, not those behind mere checks', () => {
    expect(e.formsRead('A')).toEqual(['B', 'C', 'D', 'F']);
    expect(e.formsRead('B')).toEqual(['C', 'D', 'E']);
    expect(e.formsRead('G')).toEqual(['A']);
  });

  it('gives A the verdict it has with every form', () => {
    const set: SubmissionSet = {
      source: { category: 'G', kind: 'enterprise' },
      forms: [
        { form: 'A', version: 1, answers: { x: 7 } },
        { form: 'B', version: 1, answers: { a: 4, on: true } },
        { form: 'C', version: 1, answers: { a: 5 } },
        { form: 'D', version: 1, answers: { on: false } },
        { form: 'E', version: 1, answers: { a: 1 } },
        { form: 'F', version: 1, answers: { on: false } },
        { form: 'G', version: 1, answers: { t: 'g' } },
      ],
    };
    const all = verdictOf(e, set, 'A');
    expect(all.issues.map((i) => i.rule)).toEqual(['set.not-applicable']); // 7 <= 4 + 5; F says no
    expect(verdictOf(e, set, 'A', e.formsRead('A'))).toEqual(all);
    // Without C, B's total is 4 and A's rule fires; without F, A applies.
    expect(verdictOf(e, set, 'A', ['B', 'F']).issues.map((i) => i.rule)).toEqual(['A.le-b', 'set.not-applicable']);
    expect(verdictOf(e, set, 'A', ['B', 'C']).issues).toEqual([]);
  });
});
