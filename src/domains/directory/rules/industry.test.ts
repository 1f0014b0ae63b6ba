import { describe, expect, it } from 'vitest';
import { checkIndustryCode, industryClasses, industryName, industrySection, industryTableCounts, isIndustrial } from './industry.ts';

describe('GB/T 4754-2017 table', () => {
  it('has all 20 sections, 97 divisions and 473 groups, and the 4-digit classes', () => {
    const counts = industryTableCounts();
    expect(counts).toMatchObject({ section: 20, division: 97, group: 473 });
    // published counts differ between editions: 1,380–1,382
    expect(counts.class).toBeGreaterThanOrEqual(1380);
    expect(counts.class).toBeLessThanOrEqual(1382);
    expect(industryClasses()).toHaveLength(counts.class);
  });
});

describe('checkIndustryCode', () => {
  it('accepts each level with its name', () => {
    expect(checkIndustryCode('C')).toEqual({ ok: true, level: 'section', name: '制造业' });
    expect(checkIndustryCode('38')).toEqual({ ok: true, level: 'division', name: '电气机械和器材制造业' });
    expect(checkIndustryCode('382')).toEqual({ ok: true, level: 'group', name: '输配电及控制设备制造' });
    expect(checkIndustryCode('3823')).toEqual({ ok: true, level: 'class', name: '配电开关控制设备制造' });
    expect(checkIndustryCode('0111')).toMatchObject({ ok: true, name: '稻谷种植' });
    expect(checkIndustryCode('9700')).toMatchObject({ ok: true, name: '国际组织' });
  });
  it('accepts single-class groups at both levels (022 / 0220)', () => {
    expect(checkIndustryCode('022')).toMatchObject({ ok: true, level: 'group', name: '造林和更新' });
    expect(checkIndustryCode('0220')).toMatchObject({ ok: true, level: 'class', name: '造林和更新' });
  });
  it('tolerates spaces, lower case and a section letter written before the digits', () => {
    expect(checkIndustryCode(' c ')).toMatchObject({ ok: true, level: 'section' });
    expect(checkIndustryCode('C3823')).toMatchObject({ ok: true, level: 'class' });
  });
  it('FORMAT for malformed codes', () => {
    for (const c of ['', 'U', '1', '12345', '38a', 'CC']) expect(checkIndustryCode(c), c).toEqual({ ok: false, level: null, problem: 'FORMAT' });
  });
  it('UNKNOWN for well-formed codes that are not in the standard', () => {
    expect(checkIndustryCode('98')).toMatchObject({ ok: false, level: 'division', problem: 'UNKNOWN' });
    expect(checkIndustryCode('3828')).toMatchObject({ ok: false, level: 'class', problem: 'UNKNOWN' });
    expect(checkIndustryCode('0110')).toMatchObject({ ok: false, problem: 'UNKNOWN' });
  });
});

describe('sections and industrial scope', () => {
  it('maps codes to their section letter', () => {
    expect(industrySection('0111')).toBe('A');
    expect(industrySection('06')).toBe('B');
    expect(industrySection('3823')).toBe('C');
    expect(industrySection('4620')).toBe('D');
    expect(industrySection('97')).toBe('T');
    expect(industrySection('D')).toBe('D');
    expect(industrySection('99')).toBeNull();
    expect(industrySection('xx')).toBeNull();
  });
  it('counts sections B, C and D as industrial (census-facts §8)', () => {
    expect(['0610', '3823', '4411', '4620', 'C'].every(isIndustrial)).toBe(true);
    expect(['0313', '4710', '7721', 'E'].some(isIndustrial)).toBe(false);
  });
  it('names codes at any level', () => {
    expect(industryName('77')).toBe('生态保护和环境治理业');
    expect(industryName('7721')).toBe('水污染治理');
  });
});
