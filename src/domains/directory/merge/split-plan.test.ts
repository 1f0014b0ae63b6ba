import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { survive, type CandidateRow } from '../matching/survivorship.ts';
import { planSplit, type SplitFields } from './split-plan.ts';

const C1 = '91330382MA2AB3C4D1';
const C2 = '91330382MA2AB3C5XX';

const row = (registerId: number, department: string, values: CandidateRow['values'], extra: Partial<CandidateRow> = {}): CandidateRow => ({
  registerId, rowNumber: 1, department, importedAt: 1000, regionCode: '330382', creditValid: true, values, ...extra,
});

/** The source as the matching job would have built it from these rows. */
function sourceOf(rows: CandidateRow[]): SplitFields {
  const s = survive(rows);
  return {
    credit_code: s.values.credit_code ?? null, name: s.values.name!, address: s.values.address ?? null, legal_rep: s.values.legal_rep ?? null,
    phone: s.values.phone ?? null, industry_code: s.values.industry_code ?? null, field_origins: { ...s.origins },
  };
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return 'none';
};

describe('planSplit', () => {
  const samr = row(1, 'samr', { name: '乐清市华宇电气有限公司', credit_code: C1, legal_rep: '王建国' });
  const tax = row(2, 'tax', { name: '乐清华宇电气', credit_code: C1, address: '柳市镇前进路8号' });
  const mee = row(3, 'mee', { name: '乐清市宏达五金厂', address: '柳市镇长江路1号', phone: '13800000009' }, { regionCode: '330382101' });
  const rows = [samr, tax, mee];
  const original = sourceOf(rows);

  it('builds the new source from the moved rows and leaves the original alone when none of its fields came from them', () => {
    // The address came from mee (it ranks first for addresses): move tax only.
    const p = planSplit(original, rows, [{ registerId: 2, rowNumber: 1 }]);
    expect(p.original).toEqual(original);
    expect(p.created).toMatchObject({ name: '乐清华宇电气', address: '柳市镇前进路8号', credit_code: null, region_code: '330382', category: 'industrial' });
    // The credit code stays with the original, which still has a row (samr) carrying it.
    expect(p.created.field_origins).toEqual({ name: { registerId: 2, rowNumber: 1, department: 'tax' }, address: { registerId: 2, rowNumber: 1, department: 'tax' } });
  });

  it('recomputes the original fields that came from moved rows, from the rows it keeps', () => {
    const p = planSplit(original, rows, [{ registerId: 3, rowNumber: 1 }]);
    expect(original.address).toBe('柳市镇长江路1号');
    expect(p.original).toMatchObject({ name: '乐清市华宇电气有限公司', credit_code: C1, address: '柳市镇前进路8号', phone: null, legal_rep: '王建国' });
    expect(p.original.field_origins).not.toHaveProperty('phone');
    expect(p.original.field_origins).toHaveProperty('address', { registerId: 2, rowNumber: 1, department: 'tax' });
    expect(p.created).toMatchObject({ name: '乐清市宏达五金厂', phone: '13800000009', region_code: '330382101' });
  });

  it('lets a credit code follow the rows only when the original keeps no row with it', () => {
    const p = planSplit(original, rows, [{ registerId: 1, rowNumber: 1 }, { registerId: 2, rowNumber: 1 }]);
    expect(p.original.credit_code).toBeNull();
    expect(p.original.name).toBe('乐清市宏达五金厂');
    expect(p.created).toMatchObject({ credit_code: C1, name: '乐清市华宇电气有限公司' });
    // ... and never when another active source holds it.
    expect(planSplit(original, rows, [{ registerId: 1, rowNumber: 1 }, { registerId: 2, rowNumber: 1 }], new Set([C1])).created.credit_code).toBeNull();
  });

  it('keeps a credit code with no register origin (typed by hand) on the original', () => {
    const handTyped = { ...original, field_origins: {} };
    const p = planSplit(handTyped, rows, [{ registerId: 1, rowNumber: 1 }, { registerId: 2, rowNumber: 1 }]);
    expect(p.original).toEqual(handTyped);
    expect(p.created.credit_code).toBeNull();
  });

  it('never promotes a broken credit code to the new source', () => {
    const other = row(4, 'samr', { name: '乐清市另一公司', credit_code: C2 }, { creditValid: false });
    const withBroken = [...rows, other];
    expect(planSplit(sourceOf(withBroken), withBroken, [{ registerId: 4, rowNumber: 1 }]).created.credit_code).toBeNull();
  });

  it('refuses rows that are not the source\'s, all rows, and no rows', () => {
    expect(code(() => planSplit(original, rows, [{ registerId: 9, rowNumber: 1 }]))).toBe('DIRECTORY_SPLIT_ROW_NOT_LINKED');
    expect(code(() => planSplit(original, rows, rows.map((r) => ({ registerId: r.registerId, rowNumber: r.rowNumber }))))).toBe('DIRECTORY_SPLIT_ALL_ROWS');
    expect(code(() => planSplit(original, rows, []))).toBe('DIRECTORY_SPLIT_NO_ROWS');
    // Naming a row twice is still one row.
    expect(planSplit(original, rows, [{ registerId: 2, rowNumber: 1 }, { registerId: 2, rowNumber: 1 }]).moved).toHaveLength(1);
  });
});
