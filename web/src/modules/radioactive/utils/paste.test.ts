import { describe, expect, it } from 'vitest';
import { emptyRow } from './points.ts';
import { isBlock, kindOf, pasteBlock } from './paste.ts';

describe('pasting a block from a spreadsheet', () => {
  it('fills from the cell pasted into, across the columns, adding rows', () => {
    const rows = [emptyRow(), emptyRow()];
    const out = pasteBlock(rows, 'A1\t原矿\t28.1\t120.9\t180\t1.6\r\nW1\t尾矿\t\t\t90\r\nR1\traw\t\t\t85\t0.2\t0.3\r\n', 0, 'label');
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ label: 'A1', kind: 'ore', lat: '28.1', lng: '120.9', dose: '180', nuclides: { 'U-238': '1.6' } });
    expect(out[1]).toMatchObject({ label: 'W1', kind: 'waste', lat: '', lng: '', dose: '90' });
    expect(out[2]).toMatchObject({ label: 'R1', kind: 'raw', dose: '85', nuclides: { 'U-238': '0.2', 'Th-232': '0.3' } });
    expect(rows[0].label).toBe(''); // the rows given are not changed
  });

  it('starts at a later column, drops cells past the last, keeps the kind when the word is unknown', () => {
    const rows = [{ ...emptyRow('raw'), label: 'X' }];
    const out = pasteBlock(rows, '1\t2\t3\t4\t5\t6\t7\t8\t9', 0, 'Ra-226');
    expect(out[0].nuclides).toEqual({ 'Ra-226': '1', 'Ra-228': '2', 'Th-230': '3', 'Pb-210': '4', 'Po-210': '5' });
    expect(out[0].label).toBe('X');
    expect(pasteBlock(rows, 'Y\t矿渣?', 0, 'label')[0].kind).toBe('raw');
  });

  it('tells a block from a single value, and reads kind words', () => {
    expect(isBlock('12.5')).toBe(false);
    expect(isBlock('12.5\n')).toBe(false);
    expect(isBlock('1\t2')).toBe(true);
    expect(isBlock('1\n2')).toBe(true);
    expect(kindOf(' 废渣 ')).toBe('waste');
    expect(kindOf('Ore')).toBe('ore');
    expect(kindOf('?')).toBeNull();
  });
});
