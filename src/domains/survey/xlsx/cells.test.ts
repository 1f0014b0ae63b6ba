// Reading one cell by its field's type: what Excel gives back, and what a person types.
import { describe, expect, it } from 'vitest';
import type { Plain } from './layout.ts';
import { fromCell, readDate, toCell } from './cells.ts';

const label = { zh: '字段', en: 'Field' };
const f = (x: Partial<Plain> & { type: Plain['type'] }) => ({ id: 'x', label, ...x }) as Plain;

describe('survey XLSX cells', () => {
  it('reads numbers, booleans, dates, periods and coordinates; an empty cell is no answer', () => {
    expect(fromCell(f({ type: 'decimal' }), ' 12.50 ')).toEqual({ ok: true, value: 12.5 });
    expect(fromCell(f({ type: 'integer' }), '1,200')).toMatchObject({ ok: false });
    expect(fromCell(f({ type: 'decimal' }), '')).toBeUndefined();
    expect(fromCell(f({ type: 'boolean' }), '否')).toEqual({ ok: true, value: false });
    expect(fromCell(f({ type: 'boolean' }), 'TRUE')).toEqual({ ok: true, value: true });
    expect(fromCell(f({ type: 'boolean' }), '也许')).toMatchObject({ ok: false });
    expect(['2017-12-31', '2017/12/31', '2017年12月31日', '2017-12-31 00:00:00', '43100'].map(readDate)).toEqual(Array(5).fill('2017-12-31'));
    expect(readDate('31.12.2017')).toBeNull();
    expect(readDate('2017')).toBeNull();
    expect(fromCell(f({ type: 'period' }), '2017-01-01 ~ 2017/12/31')).toEqual({ ok: true, value: { from: '2017-01-01', to: '2017-12-31' } });
    expect(fromCell(f({ type: 'coordinates' }), '28.0561, 120.9677')).toEqual({ ok: true, value: { lat: 28.0561, lng: 120.9677 } });
  });

  it('reads codes by code, by name, by "code name", and a leading zero Excel dropped', () => {
    const fuel = f({ type: 'code', table: 'fuels' } as Partial<Plain> & { type: 'code' });
    const coal = toCell(fuel, '01') as string;
    expect(coal).toMatch(/^01 /);
    expect(fromCell(fuel, coal)).toEqual({ ok: true, value: '01' });
    expect(fromCell(fuel, coal.slice(3))).toEqual({ ok: true, value: '01' });
    expect(fromCell(fuel, '1')).toEqual({ ok: true, value: '01' });
    expect(fromCell(fuel, '木头')).toMatchObject({ ok: false, message: { zh: expect.stringContaining('木头') } });
    const many = f({ type: 'code', table: 'fuels', multiple: true } as Partial<Plain> & { type: 'code' });
    expect(fromCell(many, toCell(many, ['01', '11']) as string)).toEqual({ ok: true, value: ['01', '11'] });
    const industry = f({ type: 'code', table: 'industry' } as Partial<Plain> & { type: 'code' });
    expect(fromCell(industry, '1713')).toEqual({ ok: true, value: '1713' }); // checked by the engine
  });
});
