import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { validCreditCode } from '../../../../test/helpers/credit-codes.ts';
import { checkForm } from './form.ts';
import { checkDepartmentSet, checkState, checkStateSet, confirmationOf, type StateDef } from './states.ts';
import { nextZoneNumber, provinceOf, zoneCode } from './zone-code.ts';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return 'OK';
};

const SIX: StateDef[] = [
  ['normal', '#389e0d', true, []], ['suspended', '#d48806', true, []], ['closed', '#8c8c8c', false, []],
  ['deleted', '#cf1322', false, ['duplicate', 'out-of-scope', 'not-found']], ['added', '#1677ff', true, []], ['to-verify', '#722ed1', false, []],
].map(([c, colour, toSurvey, reasons], i) => ({ code: c as string, nameZh: c as string, nameEn: c as string, colour: colour as string, toSurvey: toSurvey as boolean, reasons: reasons as string[], position: i + 1 }));

describe('inventory states', () => {
  it('accepts the default six and renumbers positions', () => {
    const shuffled = [...SIX].reverse().map((s, i) => ({ ...s, position: (i + 1) * 10 }));
    expect(checkStateSet(shuffled).map((s) => [s.code, s.position])[0]).toEqual(['to-verify', 1]);
  });
  it('refuses five states, a missing "added", a shared colour, a deleted state sent to the survey', () => {
    expect(code(() => checkStateSet(SIX.slice(0, 5)))).toBe('INVENTORY_STATES_INVALID');
    expect(code(() => checkStateSet(SIX.map((s) => (s.code === 'added' ? { ...s, code: 'found' } : s))))).toBe('INVENTORY_STATES_INVALID');
    expect(code(() => checkStateSet(SIX.map((s) => ({ ...s, colour: s.code === 'closed' ? '#389E0D' : s.colour }))))).toBe('INVENTORY_STATES_INVALID');
    expect(code(() => checkStateSet(SIX.map((s) => ({ ...s, toSurvey: s.code === 'deleted' ? true : s.toSurvey }))))).toBe('INVENTORY_STATES_INVALID');
  });
  it('needs a reason for a state that has reasons, and knows every state', () => {
    expect(checkState(SIX, 'normal', 'whatever')).toEqual({ state: 'normal', reason: null });
    expect(checkState(SIX, 'deleted', 'duplicate')).toEqual({ state: 'deleted', reason: 'duplicate' });
    expect(code(() => checkState(SIX, 'deleted', undefined))).toBe('INVENTORY_STATE_REASON');
    expect(code(() => checkState(SIX, 'deleted', 'moved'))).toBe('INVENTORY_STATE_REASON');
    expect(code(() => checkState(SIX, 'exploded', null))).toBe('INVENTORY_STATE_UNKNOWN');
  });
  it('departments: known codes, no repeats, at least one required', () => {
    const d = (c: string, required: boolean, position: number) => ({ code: c, nameZh: c, nameEn: c, required, position });
    expect(checkDepartmentSet([d('mee', true, 2), d('stats', false, 1)], ['stats', 'mee']).map((x) => x.code)).toEqual(['stats', 'mee']);
    expect(code(() => checkDepartmentSet([d('police', true, 1)], ['stats']))).toBe('INVENTORY_DEPARTMENTS_INVALID');
    expect(code(() => checkDepartmentSet([d('stats', false, 1)], ['stats']))).toBe('INVENTORY_DEPARTMENTS_INVALID');
    expect(code(() => checkDepartmentSet([d('stats', true, 1), d('stats', true, 2)], ['stats']))).toBe('INVENTORY_DEPARTMENTS_INVALID');
  });
});

describe('joint department review', () => {
  const req = ['stats', 'mee', 'miit'];
  it('confirms when every required department agrees, not before', () => {
    expect(confirmationOf('pending', [{ department: 'stats', verdict: 'agree' }, { department: 'mee', verdict: 'agree' }], req)).toBe('pending');
    expect(confirmationOf('pending', req.map((d) => ({ department: d, verdict: 'agree' as const })), req)).toBe('confirmed');
  });
  it('one disagreement, even of an optional department, disputes; a settled record stays settled', () => {
    const all = req.map((d) => ({ department: d, verdict: 'agree' as const }));
    expect(confirmationOf('confirmed', [...all, { department: 'tax', verdict: 'disagree' }], req)).toBe('disputed');
    expect(confirmationOf('settled', [{ department: 'tax', verdict: 'disagree' }], req)).toBe('settled');
  });
});

describe('census zone codes', () => {
  it('are the township statistical code and a 4-digit number', () => {
    expect(zoneCode('330382001', 1)).toBe('3303820010000001'.slice(0, 12) + '0001');
    expect(zoneCode('330382001', 12)).toHaveLength(16);
    expect(nextZoneNumber(['3303820010000001', '3303820010000007'])).toBe(8);
    expect(nextZoneNumber([])).toBe(1);
    expect(() => zoneCode('330382', 1)).toThrow();
    expect(provinceOf('330382001')).toBe('330000');
  });
});

describe('the inventory form', () => {
  it('normalises codes and drops blanks', () => {
    const cc = validCreditCode('330382', 'MA2HXK71');
    const f = checkForm({ name: ' 乐清某电气 ', creditCode: cc.toLowerCase(), industryCode: 'C3823', contacts: [{ name: ' ', phone: '' }, { name: '王', phone: '138' }], lat: 28.12, lng: 120.98, address: '  ' });
    expect(f).toEqual({ name: '乐清某电气', creditCode: cc, industryCode: '3823', contacts: [{ name: '王', phone: '138' }], lat: 28.12, lng: 120.98 });
  });
  it('refuses coordinates outside China, half coordinates, bad codes, minerals without the flag', () => {
    expect(code(() => checkForm({ name: 'x', lat: 48.85, lng: 2.35 }))).toBe('INVENTORY_COORDINATES');
    expect(code(() => checkForm({ name: 'x', sites: [{ address: 'a', lat: 0, lng: 0 }] }))).toBe('INVENTORY_COORDINATES');
    expect(code(() => checkForm({ name: 'x', lat: 28 }))).toBe('INVENTORY_FIELD_INVALID');
    expect(code(() => checkForm({ name: 'x', creditCode: '91330382MA2XXXXXX1' }))).toBe('INVENTORY_FIELD_INVALID');
    expect(code(() => checkForm({ name: 'x', orgCode: '12345678-0' }))).toBe('INVENTORY_FIELD_INVALID');
    expect(code(() => checkForm({ name: 'x', industryCode: '9999' }))).toBe('INVENTORY_FIELD_INVALID');
    expect(code(() => checkForm({ name: 'x', minerals: ['稀土'] }))).toBe('INVENTORY_FIELD_INVALID');
    expect(code(() => checkForm({ name: 'x', radioactive: true, minerals: ['稀土'] }))).toBe('OK');
    expect(code(() => checkForm({ name: '  ' }))).toBe('INVENTORY_FIELD_INVALID');
  });
});

describe('placing sources in zones by address', async () => {
  const { placeAddress } = await import('./placement.ts');
  const townships = [{ code: '330382114', name: '柳市镇' }, { code: '330382001', name: '城东街道' }, { code: '330382115', name: '北白象镇' }];
  const zones = [
    { id: 1, regionCode: '330382114', keywords: ['长虹村', '柳青路'] },
    { id: 2, regionCode: '330382114', keywords: ['后街村'] },
    { id: 3, regionCode: '330382001', keywords: [] },
  ];
  it('finds the township by full or short name, then the zone by keyword', () => {
    expect(placeAddress('浙江省乐清市柳市镇长虹村8号', townships, zones)).toEqual({ township: '330382114', zoneId: 1 });
    expect(placeAddress('乐清市柳市后街村', townships, zones)).toEqual({ township: '330382114', zoneId: 2 });
    expect(placeAddress('乐清市柳市镇新村路', townships, zones)).toEqual({ township: '330382114', zoneId: null });
  });
  it('a township with one zone takes all; no township, no place', () => {
    expect(placeAddress('乐清市城东街道宁康西路', townships, zones)).toEqual({ township: '330382001', zoneId: 3 });
    expect(placeAddress('温州市鹿城区', townships, zones)).toEqual({ township: null, zoneId: null });
    expect(placeAddress(null, townships, zones)).toEqual({ township: null, zoneId: null });
  });
});
