import { describe, expect, it } from 'vitest';
import { buildRegionRows, XPCC_CODE } from './tree.ts';

describe('region tree from the registry package', () => {
  const rows = buildRegionRows();
  const byCode = new Map(rows.map((r) => [r.code, r]));

  it('has every level down to townships', () => {
    const count = (l: string) => rows.filter((r) => r.level === l).length;
    expect(count('province')).toBe(32); // 31 provinces + the Corps
    expect(count('prefecture')).toBe(342 + 14);
    expect(count('county')).toBe(2975);
    expect(count('township')).toBe(41352);
  });
  it('pins the facts of the issue', () => {
    expect(byCode.get('330000')?.name).toBe('浙江省');
    expect(byCode.get('330300')).toMatchObject({ name: '温州市', parent_code: '330000' });
    expect(byCode.get('330382')).toMatchObject({ name: '乐清市', parent_code: '330300', level: 'county' });
    expect(byCode.get('500109')).toMatchObject({ name: '北碚区', level: 'county' });
  });
  it('makes the Production and Construction Corps a province-level unit of its own', () => {
    expect(byCode.get(XPCC_CODE)).toMatchObject({ level: 'province', parent_code: '100000' });
  });
  it('lists parents before children, and every parent exists', () => {
    const seen = new Set(['100000']);
    for (const r of rows) {
      expect(seen.has(r.parent_code!)).toBe(true);
      seen.add(r.code);
    }
  });
  it('hangs townships of cities without counties on the city', () => {
    expect(byCode.get('441900003')?.parent_code).toBe('441900');
    expect(byCode.get('441900')?.level).toBe('prefecture');
  });
  it('reads place names for pinyin search', () => {
    expect(byCode.get('330382')).toMatchObject({ pinyin: 'yueqingshi', initials: 'yqs' });
    expect(byCode.get('500109')?.pinyin).toBe('beibeiqu');
  });
});
