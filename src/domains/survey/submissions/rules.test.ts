import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../forms/index.ts';
import { canonicalJson, cleanExplanations, contentHash, diffAnswers, formVerdict, isStructural, sourceKindOf } from './rules.ts';

describe('sourceKindOf', () => {
  it('maps every directory category to a kind some form is filled by', () => {
    for (const c of ['industrial', 'livestock', 'domestic', 'centralised', 'mobile']) {
      const k = sourceKindOf(c, null)!;
      expect(CATALOGUE.some((e) => e.category === k.category && e.kinds.includes(k.kind)), c).toBe(true);
    }
    expect(sourceKindOf('nonsense', null)).toBeNull();
  });
  it('tells centralised facilities and mobile sources apart by industry', () => {
    expect(sourceKindOf('centralised', '4620')).toEqual({ category: 'J', kind: 'wastewater-plant' });
    expect(sourceKindOf('centralised', '7820')?.kind).toBe('waste-plant');
    expect(sourceKindOf('centralised', '7724')?.kind).toBe('hazardous-waste-plant');
    expect(sourceKindOf('mobile', '5941')?.kind).toBe('oil-depot');
    expect(sourceKindOf('mobile', '5265')?.kind).toBe('gas-station');
    expect(sourceKindOf('industrial', '1713')).toEqual({ category: 'G', kind: 'enterprise' });
  });
});

describe('what counts as malformed', () => {
  it('types, unknown fields and forms, oversized groups are structural; ranges and rules are not', () => {
    for (const rule of ['field.type', 'field.unknown', 'form.version', 'form.unknown', 'group.max-rows', 'answers.shape']) expect(isStructural({ rule, severity: 'blocking' }), rule).toBe(true);
    for (const rule of ['field.range', 'field.required', 'group.min-rows', 'G101-1.idle-hours', 'set.not-applicable']) expect(isStructural({ rule, severity: 'blocking' }), rule).toBe(false);
  });
  it("keeps one form's issues (and the set's) and counts them", () => {
    const v = formVerdict([
      { form: 'A', path: 'x', rule: 'r', severity: 'blocking', message: { zh: '', en: '' } },
      { form: 'A', path: 'y', rule: 'w', severity: 'warning', message: { zh: '', en: '' }, explanation: 'ok' },
      { form: 'A', path: 'z', rule: 'w', severity: 'warning', message: { zh: '', en: '' } },
      { form: 'B', path: 'x', rule: 'r', severity: 'blocking', message: { zh: '', en: '' } },
    ], 'A');
    expect(v.summary).toEqual({ ready: false, blocking: 1, warnings: 2, unexplained: 1 });
    expect(v.issues).toHaveLength(3);
  });
});

describe('content hash', () => {
  const base = { sourceId: 1, form: 'G101-1', version: 1, status: 'draft', explanations: {} };
  it('ignores key order and tells content, status and version apart', () => {
    const h = contentHash({ ...base, answers: { a: 1, b: { c: [1, 2], d: 'x' } } });
    expect(contentHash({ ...base, answers: { b: { d: 'x', c: [1, 2] }, a: 1 } })).toBe(h);
    expect(contentHash({ ...base, answers: { a: 1, b: { c: [2, 1], d: 'x' } } })).not.toBe(h);
    expect(contentHash({ ...base, status: 'submitted', answers: { a: 1, b: { c: [1, 2], d: 'x' } } })).not.toBe(h);
    expect(contentHash({ ...base, version: 2, answers: { a: 1, b: { c: [1, 2], d: 'x' } } })).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
  it('writes canonical JSON', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
  });
  it('keeps only text explanations', () => {
    expect(cleanExplanations({ 'r@a': ' why ', 'r@b': '  ', 'r@c': 5 })).toEqual({ 'r@a': 'why' });
    expect(cleanExplanations([1])).toEqual({});
  });
});

describe('diffAnswers', () => {
  it('lists changed leaves with their paths; rows added or removed, points and files are one change each', () => {
    const before = { name: 'A', fuels: [{ code: '01', t: 5 }, { code: '02', t: 1 }], at: { lat: 28, lng: 120 }, photos: [{ id: 'p1', type: 'image/jpeg' }] };
    const after = { name: 'A', fuels: [{ code: '01', t: 6 }], at: { lat: 28.1, lng: 120 }, photos: [{ id: 'p2', type: 'image/jpeg' }], extra: true };
    expect(diffAnswers(before, after)).toEqual([
      { path: 'fuels[0].t', before: 5, after: 6 },
      { path: 'fuels[1]', before: { code: '02', t: 1 }, after: null }, // a row removed is one change
      { path: 'at', before: { lat: 28, lng: 120 }, after: { lat: 28.1, lng: 120 } },
      { path: 'photos', before: [{ id: 'p1', type: 'image/jpeg' }], after: [{ id: 'p2', type: 'image/jpeg' }] },
      { path: 'extra', before: null, after: true },
    ]);
    expect(diffAnswers({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
