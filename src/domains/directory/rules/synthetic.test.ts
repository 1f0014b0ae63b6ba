import { describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../../core/identifiers/credit-code.ts';
import { checkIndustryCode } from './industry.ts';
import { generateRegisters, makeCreditCode, type Department, type SyntheticRecord } from './synthetic.ts';

const REGIONS = ['330382', '330381', '330302'];
const DEPARTMENTS: Department[] = ['samr', 'tax', 'stats', 'mee', 'miit', 'moa', 'mwr', 'mohurd', 'other'];
const take = (seed: number, entities: number) => [...generateRegisters({ seed, entities, regions: REGIONS, departments: DEPARTMENTS })];

describe('generateRegisters', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(take(11, 200)).toEqual(take(11, 200));
    expect(take(12, 200)).not.toEqual(take(11, 200));
  });
  it('derives each entity from its index: a longer run starts with the shorter one', () => {
    const short = take(5, 100);
    expect(take(5, 150).slice(0, short.length)).toEqual(short);
  });
  it('streams: rows come one at a time and number each department from 1', () => {
    const it = generateRegisters({ seed: 1, entities: 1e9, regions: REGIONS, departments: ['samr', 'tax'] });
    const first: SyntheticRecord[] = [];
    for (const row of it) {
      first.push(row);
      if (first.length === 50) break;
    }
    const samr = first.filter((x) => x.department === 'samr').map((x) => x.rowNumber);
    expect(samr.slice(0, 3)).toEqual([1, 2, 3]);
  });
  it('writes valid credit codes with the registering region inside, and real industry codes', () => {
    const rows = take(3, 500);
    const withCode = rows.filter((x) => x.row.credit_code);
    expect(withCode.length).toBeGreaterThan(rows.length * 0.4);
    for (const x of withCode) {
      const c = checkCreditCode(x.row.credit_code);
      expect(c.ok, x.row.credit_code).toBe(true);
      expect(c.regionCode!.slice(0, 4)).toBe(x.row.region_code.slice(0, 4));
    }
    for (const x of rows.filter((y) => y.row.industry_code)) expect(checkIndustryCode(x.row.industry_code).ok, x.row.industry_code).toBe(true);
    const manufacturing = rows.filter((x) => /^(1[3-9]|[23]\d|4[0-3])/.test(x.row.industry_code)).length;
    expect(manufacturing / rows.length).toBeGreaterThan(0.5);
  });
  it('gives SAMR and tax near-complete coverage and credit codes, MEE and MIIT fewer', () => {
    const rows = take(8, 1000);
    const share = (d: Department, f: (x: SyntheticRecord) => boolean) => {
      const mine = rows.filter((x) => x.department === d);
      return mine.filter(f).length / mine.length;
    };
    const listed = (d: Department) => new Set(rows.filter((x) => x.department === d).map((x) => x.entityId)).size / 1000;
    expect(listed('samr')).toBeGreaterThan(0.9);
    expect(listed('mee')).toBeLessThan(0.7);
    expect(share('samr', (x) => !!x.row.credit_code)).toBeGreaterThan(0.95);
    expect(share('mee', (x) => !!x.row.credit_code)).toBeLessThan(0.6);
  });
  it('varies names the way registers do', () => {
    const names = take(4, 2000).map((x) => x.row.name);
    const has = (re: RegExp) => names.some((n) => re.test(n));
    expect(has(/[樂華電廠號]/)).toBe(true); // traditional script
    expect(has(/[（）]|[\uFF10-\uFF19]/)).toBe(true); // full-width forms
    expect(has(/有限责任公司/)).toBe(true);
    expect(has(/\(.{2,4}\)/)).toBe(true); // bracketed region
    expect(has(/分公司$/)).toBe(true); // branches
  });
  it('builds valid credit codes from a body', () => {
    expect(checkCreditCode(makeCreditCode('91', '330382', 'MA2AB3C4')).ok).toBe(true);
  });
});
