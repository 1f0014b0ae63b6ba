import { describe, expect, it } from 'vitest';
import { censusEngine } from '../../../../../src/domains/survey/forms/index.ts';
import { exampleEnterprise } from '../../../../../src/domains/survey/forms/example-set.ts';
import { fillReducer, initialFillState, type FormFill } from './fill-state.ts';
import { evaluateFills, formVerdict, sameIssues } from './verdict.ts';

const example = exampleEnterprise();
const fills = (): FormFill[] => example.forms.map((f) => ({ form: f.form, version: f.version, answers: f.answers as Record<string, unknown>, explanations: {} }));
const engine = censusEngine();

describe('fill reducer and verdict', () => {
  it('starts ready on the example enterprise', () => {
    const v = evaluateFills(engine, example.source, fills(), false);
    expect(v.summary).toEqual({ ready: true, blocking: 0, warnings: 0, unexplained: 0 });
    expect(formVerdict(v, 'G101-1').summary.ready).toBe(true);
  });

  it('a blocking error and a warning at their paths; fixed and explained, the form is ready again', () => {
    let s = initialFillState(fills());
    s = fillReducer(s, { type: 'answer', form: 'G103-1', path: 'boilers[1].runHours', value: 9000 });
    s = fillReducer(s, { type: 'answer', form: 'G103-1', path: 'boilers[0].capacity', value: 2600 });
    expect(s.dirty['G103-1']).toBe(true);
    let fv = formVerdict(evaluateFills(engine, example.source, Object.values(s.forms), false), 'G103-1');
    expect(fv.byPath.get('boilers[1].runHours')?.map((i) => [i.rule, i.severity])).toEqual([['field.range', 'blocking']]);
    const warning = fv.byPath.get('boilers[0].capacity')!;
    expect(warning.map((i) => [i.rule, i.severity])).toEqual([['field.unusual', 'warning']]);
    expect(fv.summary).toEqual({ ready: false, blocking: 1, warnings: 1, unexplained: 1 });

    s = fillReducer(s, { type: 'answer', form: 'G103-1', path: 'boilers[1].runHours', value: 6000 });
    s = fillReducer(s, { type: 'explain', form: 'G103-1', key: 'field.unusual@boilers[0].capacity', text: '热电联产大锅炉' });
    fv = formVerdict(evaluateFills(engine, example.source, Object.values(s.forms), false), 'G103-1');
    expect(fv.summary).toEqual({ ready: true, blocking: 0, warnings: 1, unexplained: 0 });
    expect(fv.issues[0].explanation).toBe('热电联产大锅炉');
  });

  it('a blank explanation is removed; removing a row moves explanations with the rows', () => {
    let s = initialFillState(fills());
    s = fillReducer(s, { type: 'explain', form: 'G103-1', key: 'field.unusual@boilers[1].capacity', text: 'x' });
    s = fillReducer(s, { type: 'explain', form: 'G101-1', key: 'output-value@outputValue', text: 'y' });
    s = fillReducer(s, { type: 'explain', form: 'G101-1', key: 'output-value@outputValue', text: '  ' });
    expect(s.forms['G101-1'].explanations).toEqual({});
    s = fillReducer(s, { type: 'remove-row', form: 'G103-1', path: 'boilers', index: 0 });
    expect(s.forms['G103-1'].explanations).toEqual({ 'field.unusual@boilers[0].capacity': 'x' });
    expect((s.forms['G103-1'].answers.boilers as unknown[]).length).toBe(1);
  });

  it('a load is clean; an unknown form is left alone', () => {
    let s = initialFillState(fills());
    s = fillReducer(s, { type: 'answer', form: 'G101-1', path: 'unitName', value: 'x' });
    const before = s;
    expect(fillReducer(s, { type: 'answer', form: 'G999', path: 'a', value: 1 })).toBe(before);
    s = fillReducer(s, { type: 'load', fill: fills()[0] });
    expect(s.dirty['G101-1']).toBeUndefined();
    s = fillReducer(s, { type: 'add-row', form: 'G103-1', path: 'boilers' });
    expect((s.forms['G103-1'].answers.boilers as unknown[]).length).toBe(3);
    expect(fillReducer(s, { type: 'saved', form: 'G103-1' }).dirty['G103-1']).toBeUndefined();
  });

  it('compares verdicts by what they say, not their order', () => {
    const a = { form: 'G', path: 'x', rule: 'r', severity: 'blocking' as const };
    const b = { ...a, path: 'y' };
    expect(sameIssues([a, b], [b, a])).toBe(true);
    expect(sameIssues([a], [a, b])).toBe(false);
  });
});
