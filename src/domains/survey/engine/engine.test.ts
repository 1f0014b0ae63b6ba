// The engine over small forms made for the test: one case per rule kind, then bad input.
import { describe, expect, it } from 'vitest';
import { CODE_TABLES } from '../forms/code-tables/index.ts';
import { bool, code, dec, formRule, group, int, rule, text } from '../forms/build.ts';
import type { CatalogueEntry, CrossFormRule, FormDefinition } from '../forms/types.ts';
import { DefinitionError } from './compile.ts';
import { createEngine, type EngineConfig } from './engine.ts';

const catalogue: CatalogueEntry[] = [
  { code: 'T1', name: { zh: '甲表', en: 'Form one' }, category: 'G', kinds: ['enterprise'], defined: true },
  { code: 'T2', name: { zh: '乙表', en: 'Form two' }, category: 'G', kinds: ['enterprise'], defined: true, applies: "if(form('T1') == null, null, coalesce(form('T1').hasFuel, false))" },
  { code: 'T3', name: { zh: '丙表', en: 'Form three' }, category: 'G', kinds: ['enterprise'], defined: false },
  { code: 'F1', name: { zh: '农表', en: 'Farm form' }, category: 'N', kinds: ['livestock-farm'], defined: true },
];

const T1: FormDefinition = {
  code: 'T1', version: 1, title: { zh: '甲表', en: 'Form one' },
  fields: [
    text('name', '名称', 'Name', { required: true }),
    bool('hasFuel', '是否用燃料', 'Uses fuel', { required: true }),
    int('hours', '运行时间', 'Hours', { unit: 'h', max: 8760, warnMax: 8000, relevant: 'hasFuel', required: 'hasFuel' }),
    dec('a', '甲', 'A', { max: 1e6 }),
    dec('b', '乙', 'B', { max: 1e6 }),
    dec('total', '合计', 'Total', { calculate: 'sum(a, b)' }),
    dec('share', '甲占比', 'Share of A', { unit: '%', calculate: 'round(a / total * 100, 1)' }),
    group('fuels', '燃料', 'Fuels', [
      code('fuelCode', '燃料', 'Fuel', 'fuels', { required: true }),
      code('unit', '单位', 'Unit', 'units', { required: true }),
      dec('amount', '用量', 'Amount', { unitField: 'unit', required: true, max: 1e9 }),
      dec('sulphur', '硫分', 'Sulphur', { unit: '%', max: 100, rules: [
        rule('physical', 'blocking', "sulphur <= lookup('fuels', fuelCode, 'sulphurMax')", '硫分超过 {max}%', 'Sulphur above {max}%', { params: { max: "lookup('fuels', fuelCode, 'sulphurMax')" } }),
      ] }),
      dec('kg', '用量（千克）', 'Amount (kg)', { calculate: "convert(amount, unit, 'kg')" }),
    ], { maxRows: 5 }),
  ],
  rules: [
    formRule('b-le-a', 'warning', 'b', 'b <= a', '乙大于甲', 'B exceeds A'),
    formRule('fuel-unique', 'blocking', 'fuelCode', 'count(filter(fuels, it.fuelCode == fuelCode)) == 1', '燃料重复', 'Fuel listed twice', { context: 'fuels' }),
  ],
};
const T2: FormDefinition = {
  code: 'T2', version: 1, title: { zh: '乙表', en: 'Form two' },
  fields: [dec('burnt', '燃烧量', 'Burnt', { unit: 'kg', max: 1e12 })],
};
const T2v2: FormDefinition = { ...T2, version: 2, fields: [...T2.fields, text('note', '备注', 'Note')] };
const cross: CrossFormRule[] = [{
  id: 'T2.burnt-le-fuel', form: 'T2', needs: ['T1'], field: 'burnt', severity: 'blocking',
  assert: "burnt <= sum(form('T1').fuels.kg)", message: { zh: '燃烧量超过甲表燃料用量 {f}', en: 'Burnt exceeds the fuel of form one, {f}' }, params: { f: "sum(form('T1').fuels.kg)" },
}];

const config: EngineConfig = { catalogue, forms: [T1, T2, T2v2], tables: CODE_TABLES, crossRules: cross };
const engine = createEngine(config);
const source = { category: 'G' as const, kind: 'enterprise' as const };
const t1 = (answers: Record<string, unknown>, explanations?: Record<string, string>) => ({ form: 'T1', version: 1, answers: { name: '某厂', hasFuel: false, ...answers }, explanations });
const rules = (set: unknown, partial = true) => engine.evaluateSet(set, { partial }).issues.map((i) => `${i.form} ${i.path} ${i.rule}`);

describe('rule kinds', () => {
  it('relevance drops an answer the form does not ask for, and required follows it', () => {
    const v = engine.evaluateSet({ source, forms: [t1({ hours: 100 })] }, { partial: true });
    expect(v.values.T1.hours).toBeUndefined();
    expect(rules({ source, forms: [t1({ hasFuel: true })] })).toContain('T1 hours field.required');
  });

  it('calculations fill values (an answer sent for one is ignored) and chain in definition order', () => {
    const v = engine.evaluateSet({ source, forms: [t1({ a: 3, b: 1, total: 999 })] }, { partial: true });
    expect(v.values.T1).toMatchObject({ total: 4, share: 75 });
    const none = engine.evaluateSet({ source, forms: [t1({})] }, { partial: true });
    expect(none.values.T1.total).toBeUndefined();
  });

  it('field rules, form rules per row, and cross-form rules point at the field', () => {
    const fuels = [{ fuelCode: '01', unit: 't', amount: 2, sulphur: 12 }, { fuelCode: '01', unit: 't', amount: 1 }];
    const set = { source, forms: [t1({ hasFuel: true, hours: 10, fuels }), { form: 'T2', version: 1, answers: { burnt: 3001 } }] };
    const v = engine.evaluateSet(set, { partial: true });
    expect(v.issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      'fuels[0].sulphur T1.fuels.sulphur.physical',
      'fuels[0].fuelCode T1.fuel-unique',
      'fuels[1].fuelCode T1.fuel-unique',
      'burnt cross.T2.burnt-le-fuel',
    ]);
    expect(v.issues[0].message).toEqual({ zh: '硫分超过 10%', en: 'Sulphur above 10%' });
    expect(v.issues[3].message.en).toBe('Burnt exceeds the fuel of form one, 3000');
    expect(v.values.T1.fuels).toMatchObject([{ kg: 2000 }, { kg: 1000 }]);
  });

  it('a cross-form rule waits until the forms it reads are in the set', () => {
    expect(rules({ source, forms: [{ form: 'T2', version: 1, answers: { burnt: 5 } }] })).toEqual([]);
  });

  it('a warning stands once explained; a blocking issue cannot be explained away', () => {
    const unexplained = engine.evaluateSet({ source, forms: [t1({ a: 1, b: 2 })] }, { partial: true });
    expect(unexplained.summary).toEqual({ blocking: 0, warnings: 1, unexplained: 1, ready: false });
    expect(unexplained.issues[0]).toMatchObject({ path: 'b', rule: 'T1.b-le-a', severity: 'warning' });
    const explained = engine.evaluateSet({ source, forms: [t1({ a: 1, b: 2 }, { 'T1.b-le-a@b': '乙含外购部分' })] }, { partial: true });
    expect(explained.summary).toEqual({ blocking: 0, warnings: 1, unexplained: 0, ready: true });
    expect(explained.issues[0].explanation).toBe('乙含外购部分');
    const blank = engine.evaluateSet({ source, forms: [t1({ a: 1, b: 2 }, { 'T1.b-le-a@b': '   ' })] }, { partial: true });
    expect(blank.summary.unexplained).toBe(1);
  });

  it('warning bounds ask for an explanation of an unusual value', () => {
    const v = engine.evaluateSet({ source, forms: [t1({ hasFuel: true, hours: 8500 })] }, { partial: true });
    expect(v.issues).toMatchObject([{ path: 'hours', rule: 'field.unusual', severity: 'warning' }]);
    expect(v.issues[0].message.en).toContain('above the usual range (8000)');
  });
});

describe('which forms apply, and the set against them', () => {
  it('answers undetermined until the deciding form is in hand', () => {
    expect(engine.requiredForms(source).map((f) => `${f.code}:${f.status}`)).toEqual(['T1:required', 'T2:undetermined', 'T3:required']);
    expect(engine.requiredForms(source, { T1: { hasFuel: true } }).map((f) => f.code)).toEqual(['T1', 'T2', 'T3']);
    expect(engine.requiredForms(source, { T1: { hasFuel: false } }).map((f) => f.code)).toEqual(['T1', 'T3']);
    expect(engine.requiredForms({ category: 'N', kind: 'livestock-farm' }).map((f) => f.code)).toEqual(['F1']);
  });

  it('reports a form that must be filled but is missing, and one filled that does not apply', () => {
    expect(rules({ source, forms: [t1({ hasFuel: true, hours: 1 })] }, false)).toEqual(['T2  set.missing-form']);
    expect(rules({ source, forms: [t1({}), { form: 'T2', version: 1, answers: {} }] }, false)).toEqual(['T2  set.not-applicable']);
    expect(rules({ source, forms: [{ form: 'F1', version: 1, answers: {} }] })).toEqual(['F1  form.not-defined']);
  });
});

describe('versions', () => {
  it('keeps each submission on the version it names', () => {
    expect(engine.versions('T2')).toEqual([1, 2]);
    expect(rules({ source, forms: [t1({ hasFuel: true, hours: 1 }), { form: 'T2', version: 1, answers: { note: 'x' } }] })).toEqual(['T2 note field.unknown']);
    expect(rules({ source, forms: [t1({ hasFuel: true, hours: 1 }), { form: 'T2', version: 2, answers: { note: 'x' } }] })).toEqual([]);
  });

  it('says clearly when a form or a version does not exist', () => {
    const v = engine.evaluateSet({ source, forms: [{ form: 'T2', version: 99, answers: {} }, { form: 'X9', version: 1, answers: {} }, { form: 'T3', version: 1, answers: {} }] });
    expect(v.issues.slice(0, 3).map((i) => [i.form, i.rule, i.message.en])).toEqual([
      ['T2', 'form.version', 'Form T2 has no version 99 (versions: 1, 2)'],
      ['X9', 'form.unknown', 'There is no form X9'],
      ['T3', 'form.not-defined', 'Form T3 has no field definitions yet and cannot be filled'],
    ]);
    expect(engine.resolveForm('T2', '1')).toMatchObject({ error: 'form.version' });
  });
});

describe('bad input', () => {
  it('points wrong types, out-of-range numbers and Infinity at their fields', () => {
    const v = engine.evaluateSet({ source, forms: [t1({ name: 5, a: JSON.parse('1e309'), b: 2e6, hasFuel: 'yes', fuels: [{ fuelCode: 1, unit: 't', amount: 'ten' }] })] }, { partial: true });
    expect(v.issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      'name field.type', 'hasFuel field.type', 'a field.type', 'b field.range', 'fuels[0].fuelCode field.type', 'fuels[0].amount field.type',
    ]);
    expect(v.issues.find((i) => i.path === 'a')!.message).toEqual({ zh: '「甲」不是有限的数值', en: '"A" is not a finite number' });
  });

  it('refuses a 100,000-row group by its length, without reading a row (the getter throws if one is)', () => {
    const huge = new Array(100_000);
    const getter = { get: () => { throw new Error('a row was read'); } };
    Object.defineProperty(huge, 0, getter);
    const v = engine.evaluateSet({ source, forms: [t1({ fuels: huge })] }, { partial: true });
    expect(v.issues).toEqual([expect.objectContaining({ path: 'fuels', rule: 'group.max-rows', severity: 'blocking' })]);
    expect(v.issues[0].message.en).toBe('"Fuels" takes at most 5 rows; got 100000');
  });

  it('refuses shapes that are not a set, a form or an answer object', () => {
    expect(rules(null)).toEqual(['  set.shape']);
    expect(rules({ source, forms: 'T1' })).toEqual(['  set.shape']);
    expect(rules({ source: { category: 'Z', kind: 'enterprise' }, forms: [] })).toEqual([' source set.source']);
    expect(rules({ source, forms: [42] })).toEqual(['#0  set.shape']);
    expect(rules({ source, forms: [{ form: 'T1', version: 1, answers: [1, 2] }] })).toEqual(['T1  answers.shape']);
    expect(rules({ source, forms: [t1({}), t1({})] })).toEqual(['T1  set.duplicate-form']);
    expect(rules({ source, forms: [{ form: 'F1', version: 1, answers: {} }] })).toContain('F1  form.not-defined');
    expect(rules({ source, forms: Array(101).fill(t1({})) })).toEqual([' forms set.too-many-forms']);
  });

  it('names unknown fields and caps the issues of a hostile form', () => {
    expect(rules({ source, forms: [t1({ nmae: 'x' })] })).toEqual(['T1 nmae field.unknown']);
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, 1]));
    expect(rules({ source, forms: [t1(many)] })).toEqual(['T1  answers.too-many-fields']);
    const rows = Array.from({ length: 5 }, () => Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`x${i}`, 1])));
    const v = createEngine({ ...config, forms: [{ ...T1, fields: T1.fields.map((f) => (f.id === 'fuels' ? { ...f, maxRows: 1000 } : f)) }, T2] })
      .evaluateSet({ source, forms: [t1({ fuels: Array(1000).fill(rows[0]) })] }, { partial: true });
    expect(v.truncated).toBe(true);
    expect(v.issues.length).toBe(500);
  });

  it('checks explanations: an object of short texts', () => {
    expect(rules({ source, forms: [t1({}, 'because' as never)] })).toEqual(['T1 explanations explanations.shape']);
    expect(rules({ source, forms: [t1({}, { 'T1.b-le-a@b': 'x'.repeat(501) })] })).toEqual(['T1 explanations.T1.b-le-a@b explanations.length']);
  });
});

describe('definitions are checked when the engine is built', () => {
  const build = (fields: FormDefinition['fields'], extra: Partial<FormDefinition> = {}) => () =>
    createEngine({ ...config, forms: [{ code: 'T1', version: 1, title: { zh: '', en: '' }, fields, ...extra }], crossRules: [] });

  it('refuses names out of scope, unknown tables, units, functions and forms', () => {
    expect(build([dec('a', '', '', { calculate: 'b + 1' })])).toThrow(DefinitionError);
    expect(build([dec('a', '', '', { calculate: 'b + 1' })])).toThrow(/'b' is not a field in scope/);
    expect(build([code('a', '', '', 'no-such-table')])).toThrow(/unknown code table/);
    expect(build([dec('a', '', '', { unit: 'furlong' })])).toThrow(/unknown unit/);
    expect(build([dec('a', '', '', { calculate: "convert(1, 't', 'furlong')" })])).toThrow(/unknown unit furlong/);
    expect(build([dec('a', '', '', { calculate: 'exec(1)' })])).toThrow(/unknown function/);
    expect(build([dec('a', '', '', { calculate: "form('T' + '1')" })])).toThrow(/literal code/);
    expect(build([dec('a', '', '', { calculate: "lookup('nope', 'x', 'y')" })])).toThrow(/unknown table/);
    expect(build([dec('a', '', ''), dec('a', '', '')])).toThrow(/duplicate field id/);
    expect(build([dec('A-b', '', '')])).toThrow(/lowerCamelCase/);
    expect(build([dec('a', '', '', { unitField: 'u' })])).toThrow(/unitField/);
    expect(build([group('g', '', '', [], { maxRows: 1e6 })])).toThrow(/maxRows/);
    expect(build([dec('a', '', '')], { rules: [formRule('r', 'blocking', 'a', 'a > 0', '', '', { context: 'nope' })] })).toThrow(/context nope/);
  });
});
