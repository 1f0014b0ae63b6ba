import { describe, expect, it } from 'vitest';
import { survive, type CandidateRow } from './survivorship.ts';

const row = (department: string, values: CandidateRow['values'], extra: Partial<CandidateRow> = {}): CandidateRow => ({
  registerId: department.length,
  rowNumber: 1,
  department,
  importedAt: 1000,
  regionCode: '330382',
  creditValid: true,
  values,
  ...extra,
});

describe('survivorship', () => {
  it('takes each field from the most authoritative department that has it, and says where from', () => {
    const s = survive([
      row('stats', { name: '乐清华宇电气公司', industry_code: '3823', phone: '057761234567' }),
      row('samr', { name: '乐清市华宇电气有限公司', credit_code: '91330382MA2AB3C4D1', address: '柳市镇前进路8号' }),
      row('mee', { address: '乐清市柳市镇前进路8号', phone: '13800000001' }),
    ]);
    expect(s.values).toEqual({
      credit_code: '91330382MA2AB3C4D1',
      name: '乐清市华宇电气有限公司',
      address: '乐清市柳市镇前进路8号',
      phone: '13800000001',
      industry_code: '3823',
    });
    expect(s.origins.name).toEqual({ registerId: 4, rowNumber: 1, department: 'samr' });
    expect(s.origins.industry_code?.department).toBe('stats');
  });

  it('never promotes a credit code that failed its check', () => {
    const s = survive([row('samr', { name: 'A', credit_code: '91330382MA2AB3C4D2' }, { creditValid: false }), row('tax', { name: 'A', credit_code: '91330382MA2AB3C4D1' })]);
    expect(s.values.credit_code).toBe('91330382MA2AB3C4D1');
  });

  it('prefers the newer register within one department, and the most precise region', () => {
    const s = survive([
      row('samr', { name: '旧名称' }, { importedAt: 1, regionCode: '330382' }),
      row('samr', { name: '新名称' }, { importedAt: 2, regionCode: '330382101' }),
    ]);
    expect(s.values.name).toBe('新名称');
    expect(s.regionCode).toBe('330382101');
    expect(s.category).toBe('industrial');
    expect(survive([row('moa', { name: '某养殖场' })]).category).toBe('livestock');
  });
});
