import { describe, expect, it } from 'vitest';
import { censusEngine } from '../../../../../src/domains/survey/forms/index.ts';
import { exampleFills, EXAMPLE_SOURCE } from './example-fills.ts';
import { evalEnv, levelStates, rootScope, rowScope, sections, unitFieldIds } from './field-state.ts';
import { pathLabel } from './path-label.ts';
import { forgetSubmissionId, sourceInfo, submissionId } from './source-info.ts';
import { evaluateFills } from './verdict.ts';

const engine = censusEngine();
const compiled = (code: string) => {
  const r = engine.resolveForm(code, 1);
  if ('error' in r) throw new Error(r.error);
  return r.form;
};

function statesOf(code: string, change?: (a: Record<string, unknown>) => void) {
  const fills = exampleFills();
  const f = fills.find((x) => x.form === code)!;
  change?.(f.answers);
  const v = evaluateFills(engine, EXAMPLE_SOURCE, fills, false);
  const form = compiled(code);
  const env = evalEnv(v.verdict.values);
  return { form, env, values: v.verdict.values[code], states: levelStates(form.root, rootScope(form, v.verdict.values[code]), env) };
}

describe('field states', () => {
  it('hides fields whose relevance does not hold, as the engine drops them', () => {
    const byId = (s: ReturnType<typeof statesOf>['states']) => new Map(s.map((x) => [x.field.id, x]));
    let s = byId(statesOf('G101-1').states);
    expect(s.get('parkName')!.relevant).toBe(true);
    expect(s.get('parkName')!.required).toBe(true);
    expect(s.get('season')!.relevant).toBe(false);
    expect(s.get('hasCoking')!.relevant).toBe(false); // a dyeing mill is asked nothing of coking
    s = byId(statesOf('G101-1', (a) => { a.inPark = false; a.operatingState = '3'; }).states);
    expect(s.get('parkName')!.relevant).toBe(false);
    expect(s.get('season')!.relevant).toBe(true);
    expect(s.get('season')!.required).toBe(true);
  });

  it('an expression for required: the organisation code is required only without a credit code', () => {
    const s = statesOf('G101-1', (a) => { delete a.creditCode; }).states;
    expect(s.find((x) => x.field.id === 'orgCode')!.required).toBe(true);
    expect(s.find((x) => x.field.id === 'creditCode')!.required).toBe(false); // the example has an org code
    const t = statesOf('G101-1', (a) => { delete a.orgCode; }).states;
    expect(t.find((x) => x.field.id === 'creditCode')!.required).toBe(true);
  });

  it('gives calculated values, per row of a group too', () => {
    const { states } = statesOf('G101-3');
    expect(states.find((x) => x.field.id === 'intakeTotal')!.computed).toBe(1_600_000);
    const { form, env, values } = statesOf('G104-1');
    const group = form.root.byId.get('wastes')!;
    const row = rowScope(group.level!, (values.wastes as Record<string, unknown>[])[1], rootScope(form, values));
    expect(levelStates(group.level!, row, env).find((x) => x.field.id === 'useRate')!.computed).toBe(100);
  });

  it('cuts a level into sections and knows which fields are units of others', () => {
    const { form, states } = statesOf('G103-1');
    expect(sections(states).map((s) => [s.kind, s.items.length])).toEqual([['fields', 3], ['group', 1], ['fields', 4]]);
    expect([...unitFieldIds(form.root.byId.get('boilers')!.level!)]).toEqual(['fuelUnit']);
  });

  it('says a path in words', () => {
    const def = compiled('G103-1').def;
    expect(pathLabel(def, 'boilers[1].capacity', 'zh')).toBe('锅炉/燃气轮机 第 2 行 · 额定出力');
    expect(pathLabel(def, 'boilers[1].capacity', 'en')).toBe('Boilers and gas turbines row 2 · Rated capacity');
    expect(pathLabel(def, '', 'zh')).toBe('');
    expect(pathLabel(def, 'nope', 'zh')).toBe('nope');
  });
});

describe('source info and submission ids', () => {
  it("takes the census category and kind the server worked out", () => {
    expect(sourceInfo({ formCategory: 'G', kind: 'enterprise', industryCode: '1713' })).toEqual({ category: 'G', kind: 'enterprise', industryCode: '1713' });
    expect(sourceInfo({ formCategory: 'J', kind: 'waste-plant', industryCode: null })).toEqual({ category: 'J', kind: 'waste-plant' });
    expect(sourceInfo({ formCategory: 'industrial', kind: 'enterprise', industryCode: null })).toBeNull();
    expect(sourceInfo({ formCategory: 'G', kind: '', industryCode: null })).toBeNull();
  });

  it('keeps the server id, else the one made before, else makes and keeps one', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    let n = 0;
    const make = () => `uuid-${++n}`;
    expect(submissionId(7, 'G101-1', 'server-id', storage, make)).toBe('server-id');
    expect(submissionId(7, 'G101-1', null, storage, make)).toBe('uuid-1');
    expect(submissionId(7, 'G101-1', null, storage, make)).toBe('uuid-1');
    expect(submissionId(7, 'G103-1', null, storage, make)).toBe('uuid-2');
    forgetSubmissionId(7, 'G101-1', storage);
    expect(submissionId(7, 'G101-1', null, storage, make)).toBe('uuid-3');
  });
});
