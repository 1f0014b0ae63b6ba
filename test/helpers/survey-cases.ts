// Survey engine cases run twice: by vitest in Node (src/domains/survey/forms/forms.test.ts checks
// each against the issues it expects) and bundled into Chromium (test/integration/
// survey-engine-browser.test.ts checks the browser gives the very same verdicts). Each case
// starts from a valid example set and breaks one thing. Browser-safe: no Node imports.
import type { Engine, SubmissionSet, Verdict } from '../../src/domains/survey/engine/index.ts';
import { evaluate, parseExpression } from '../../src/domains/survey/engine/index.ts';
import { exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';
import { OTHER_EXAMPLES } from '../../src/domains/survey/forms/example-others.ts';

type Answers = Record<string, any>;

function edit(set: SubmissionSet, form: string, change: (a: Answers) => void): SubmissionSet {
  const copy = structuredClone(set);
  const sub = copy.forms.find((f) => f.form === form)!;
  change(sub.answers as Answers);
  return copy;
}
const drop = (set: SubmissionSet, form: string): SubmissionSet => ({ ...set, forms: set.forms.filter((f) => f.form !== form) });
const only = (set: SubmissionSet, form: string): SubmissionSet => ({ ...set, forms: set.forms.filter((f) => f.form === form) });
const industrial = () => exampleEnterprise();

export interface SurveyCase {
  name: string;
  set: () => SubmissionSet | unknown;
  /** `<rule>@<form>:<path>` of every issue expected, in order. */
  expect: string[];
  partial?: boolean;
}

export const SURVEY_CASES: SurveyCase[] = [
  { name: 'the example enterprise is ready', set: industrial, expect: [] },
  ...Object.entries(OTHER_EXAMPLES).map(([name, make]) => ({ name: `the example ${name} is ready`, set: make, expect: [] })),

  { name: 'sulphur beyond what coal can hold blocks', set: () => edit(industrial(), 'G101-3', (a) => { a.fuels[0].sulphur = 12; }), expect: ['G101-3.sulphur-physical@G101-3:fuels[0].sulphur', 'G101-3.sulphur-typical@G101-3:fuels[0].sulphur', 'cross.G106-1.sulphur-agrees@G106-1:rows[2].parameter'] },
  { name: 'unusual sulphur warns until explained', partial: true,
    set: () => only(edit(industrial(), 'G101-3', (a) => { a.fuels[0].sulphur = 4; }), 'G101-3'),
    expect: ['G101-3.sulphur-typical@G101-3:fuels[0].sulphur'] },
  { name: 'an explained warning stands', partial: true,
    set: () => {
      const s = only(edit(industrial(), 'G101-3', (a) => { a.fuels[0].sulphur = 4; }), 'G101-3');
      s.forms[0].explanations = { 'G101-3.sulphur-typical@fuels[0].sulphur': '高硫煤，化验单见附件' };
      return s;
    },
    expect: ['G101-3.sulphur-typical@G101-3:fuels[0].sulphur'] },
  { name: 'G106-1 activity above G101-2 output blocks', set: () => edit(industrial(), 'G106-1', (a) => { a.rows[0].activity = 5000; }), expect: ['cross.G106-1.product-activity@G106-1:rows[0].activity'] },
  { name: 'a G106-1 product missing from G101-2 blocks', set: () => edit(industrial(), 'G106-1', (a) => { a.rows[1].productName = '牛仔布'; }), expect: ['cross.G106-1.product-known@G106-1:rows[1].productName'] },
  { name: 'G106-1 activity in a unit that does not convert blocks', set: () => edit(industrial(), 'G106-1', (a) => { a.rows[0].activityUnit = 't'; }), expect: ['cross.G106-1.product-unit@G106-1:rows[0].activityUnit'] },
  { name: 'boilers burning more than the unit consumed block', set: () => edit(industrial(), 'G103-1', (a) => { a.boilers[1].fuelUse = 5000; }), expect: ['cross.G101-3.boiler-fuel@G101-3:fuels[0].consumption'] },
  { name: 'boilers listed against G101-1 disagree', set: () => edit(industrial(), 'G101-1', (a) => { a.boilerCount = 3; }), expect: ['cross.G103-1.boiler-count@G103-1:boilers'] },
  { name: 'outlets that do not add up block', set: () => edit(industrial(), 'G102', (a) => { a.outlets[0].outletDischarged = 1_000_000; }), expect: ['G102.outlets-add-up@G102:outlets', 'cross.G106-2.flow-agrees@G106-2:outlets[0].annualFlow'] },
  { name: 'hazardous waste that does not balance blocks', set: () => edit(industrial(), 'G104-2', (a) => { a.wastes[0].sentOut = 10; }), expect: ['G104-2.balance@G104-2:wastes[0].stockEnd'] },
  { name: 'a waste code of another category blocks', set: () => edit(industrial(), 'G104-2', (a) => { a.wastes[1].wasteCode = '900-041-12'; }), expect: ['G104-2.code-category@G104-2:wastes[1].wasteCode'] },
  { name: 'automatic monitoring below 75% capture blocks', set: () => edit(industrial(), 'G106-3', (a) => { a.outlets[0].captureRate = 60; }), expect: ['G106-3.capture@G106-3:outlets[0].captureRate'] },
  { name: 'a different credit code on one form blocks', set: () => edit(industrial(), 'G104-1', (a) => { a.creditCode = '91512081MA62K0260E'; }), expect: ['cross.G104-1.same-credit-code@G104-1:creditCode'] },
  { name: 'idle all year with output blocks', set: () => edit(industrial(), 'G101-1', (a) => { a.operatingState = '2'; delete a.operatingHours; }), expect: ['cross.G101-2.idle-no-output@G101-2:products[0].actualOutput', 'cross.G101-2.idle-no-output@G101-2:products[1].actualOutput'] },
  { name: 'a season shorter than the hours produced blocks', partial: true,
    set: () => only(edit(industrial(), 'G101-1', (a) => { a.operatingState = '3'; a.season = { from: '2017-03-01', to: '2017-06-30' }; }), 'G101-1'),
    expect: ['G101-1.season-hours@G101-1:operatingHours'] },
  { name: 'a required form left out blocks', set: () => drop(industrial(), 'G103-1'), expect: ['set.missing-form@G103-1:'] },
  { name: 'a form that does not apply blocks', set: () => edit(industrial(), 'G101-1', (a) => { a.boilerCount = 0; }), expect: ['cross.G103-1.boiler-count@G103-1:boilers', 'set.not-applicable@G103-1:'] },
  { name: 'calculations follow the answers', set: () => edit(industrial(), 'G106-1', (a) => { a.rows[0].kFactor = 0.4; }), expect: ['G106-1.k-low@G106-1:rows[0].kFactor', 'G106-1.permit-agrees@G106-1:rows[0].permitReported'] },

  // bad input
  { name: 'Infinity (JSON 1e309) is refused', set: () => edit(industrial(), 'G101-3', (a) => { a.fuels[0].consumption = JSON.parse('1e309'); }), expect: ['field.type@G101-3:fuels[0].consumption'] },
  { name: 'text where numbers, codes and booleans go is refused', partial: true,
    set: () => only(edit(industrial(), 'G101-1', (a) => { a.boilerCount = '1e309'; a.scale = 3; a.inPark = 'yes'; a.outputValue = -5; a.openedOn = '2018-02-30'; }), 'G101-1'),
    expect: ['field.type@G101-1:scale', 'field.date@G101-1:openedOn', 'field.range@G101-1:outputValue', 'field.type@G101-1:inPark', 'field.type@G101-1:boilerCount'] },
  { name: 'a version that does not exist is named', set: () => { const s = industrial(); s.forms[1].version = 99; return s; }, expect: ['form.version@G101-2:', 'set.missing-form@G101-2:'] },
  { name: 'a form that does not exist is named', partial: true, set: () => ({ ...industrial(), forms: [{ form: 'G999', version: 1, answers: {} }] }), expect: ['form.unknown@G999:'] },
  { name: 'a field the version does not have is named', partial: true, set: () => only(edit(industrial(), 'G102', (a) => { a.dischargedd = 5; }), 'G102'), expect: ['field.unknown@G102:dischargedd'] },
  { name: 'a 100,000-row group is refused by its length', partial: true,
    set: () => only(edit(industrial(), 'G103-1', (a) => { a.boilers = new Array(100_000).fill(a.boilers[0]); }), 'G103-1'),
    expect: ['group.max-rows@G103-1:boilers'] },
  { name: 'a group left empty below its minimum rows blocks', partial: true, set: () => only(edit(industrial(), 'G101-2', (a) => { delete a.products; }), 'G101-2'), expect: ['group.min-rows@G101-2:products', 'G101-2.process-product@G101-2:processes[0].productName'] },
  { name: 'not a set at all', set: () => [1, 2, 3], expect: ['set.shape@:'] },
];

export interface CaseResult {
  name: string;
  issues: string[];
  messages: string[];
  summary: Verdict['summary'];
  /** A few calculated values, to compare arithmetic across engines. */
  values: unknown;
}

const key = (v: Verdict) => v.issues.map((i) => `${i.rule}@${i.form}:${i.path}`);

/** Runs every case plus applicability, expression and unit checks; JSON-safe for page.evaluate. */
export function runSurveyCases(engine: Engine) {
  const cases: CaseResult[] = SURVEY_CASES.map((c) => {
    const v = engine.evaluateSet(c.set(), { partial: c.partial });
    return {
      name: c.name,
      issues: key(v),
      messages: v.issues.map((i) => `${i.severity} ${i.message.zh} | ${i.message.en}${i.explanation ? ` | ${i.explanation}` : ''}`),
      summary: v.summary,
      values: v.values['G106-1'] ? { rows: (v.values['G106-1'].rows as Answers[]).map((r) => [r.generated, r.emitted]), fuels: v.values['G101-3']?.fuels, water: v.values['G101-3']?.reuseRate } : Object.keys(v.values),
    };
  });
  const g = { category: 'G' as const, kind: 'enterprise' as const };
  const list = (s: Parameters<Engine['requiredForms']>[0], a: Parameters<Engine['requiredForms']>[1] = {}) => engine.requiredForms(s, a).map((f) => `${f.code}:${f.status}`);
  const g101 = industrial().forms[0].answers as Answers;
  const applicability = {
    before: list({ ...g, industryCode: '1713' }),
    after: list({ ...g, industryCode: '1713' }, { 'G101-1': g101 }),
    rareEarth: list({ ...g, industryCode: '0932' }, { 'G101-1': { ...g101, boilerCount: 0, hasWastewater: false, hasWasteGas: false, hasWaterMonitoring: false, hasGasMonitoring: false } }),
    declared: list({ ...g, industryCode: '3823' }, { 'G101-1': { boilerCount: 1, radioactiveMinerals: true } }),
    farm: list({ category: 'N', kind: 'livestock-farm' }),
    outfall: list({ category: 'S', kind: 'outfall' }, { S104: { monitored: true } }),
  };
  const expressions = ["sum(map(filter(rows, it.k == 'a'), convert(it.v, it.u, 'kg')))", 'round(2.675, 2)', '1 / 0', 'x > 1 and y', "coalesce(y, 'none')", "days(p)"].map((src) =>
    evaluate(parseExpression(src), { row: { rows: [{ k: 'a', v: 1.5, u: 't' }, { k: 'b', v: 2, u: 'kg' }, { k: 'a', v: 250, u: 'g' }], x: 2, y: null, p: { from: '2017-01-01', to: '2017-12-31' } }, names: new Set(['rows', 'x', 'y', 'p']), parent: null }, { form: () => null, lookup: () => null, convert: engine.convert }));
  const units = [engine.convert(0.3, 't', 'kg'), engine.convert(5, '10km3', 'm3'), engine.convert(5000, 'kcal/kg', 'MJ/kg'), engine.convert(1, 't', 'm3')];
  return { cases, applicability, expressions, units };
}

/** Median milliseconds of evaluating the example enterprise (after warming up). */
export function timeExample(engine: Engine, runs = 200): { median: number; p90: number } {
  const set = exampleEnterprise();
  for (let i = 0; i < 50; i++) engine.evaluateSet(set);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    engine.evaluateSet(set);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p90: times[Math.floor(runs * 0.9)] };
}
