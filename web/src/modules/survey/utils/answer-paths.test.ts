import { describe, expect, it } from 'vitest';
import { addRow, anchorCandidates, anchorId, getAt, parsePath, removeRow, setAt, shiftExplanations } from './answer-paths.ts';

describe('answer paths', () => {
  it('parses the paths the engine writes', () => {
    expect(parsePath('')).toEqual([]);
    expect(parsePath('unitName')).toEqual([{ id: 'unitName' }]);
    expect(parsePath('outlets[0].results[12].pollutant')).toEqual([{ id: 'outlets', index: 0 }, { id: 'results', index: 12 }, { id: 'pollutant' }]);
    expect(parsePath('explanations.rule@x')).toBeNull();
    expect(parsePath('a..b')).toBeNull();
  });

  it('reads and writes answers by path without touching the original', () => {
    const a = { unitName: 'x', boilers: [{ boilerNo: 'MF001' }] };
    const b = setAt(a, 'boilers[0].capacity', 10);
    expect(getAt(b, 'boilers[0].capacity')).toBe(10);
    expect(getAt(a, 'boilers[0].capacity')).toBeUndefined();
    expect(b.unitName).toBe('x');
    expect(getAt(setAt(b, 'outlets[1].results[0].pollutant', 'COD'), 'outlets[1].results[0].pollutant')).toBe('COD');
    expect(getAt(b, 'boilers[3].capacity')).toBeUndefined();
    expect(getAt(b, 'unitName.x')).toBeUndefined();
  });

  it('removes blank answers instead of storing them', () => {
    const a = setAt({ unitName: 'x', tags: ['a'] }, 'unitName', '');
    expect('unitName' in a).toBe(false);
    expect('tags' in setAt(a, 'tags', [])).toBe(false);
    expect(setAt(a, 'bad path!', 1)).toBe(a);
  });

  it('adds and removes rows', () => {
    let a = addRow({}, 'boilers');
    a = addRow(a, 'boilers', { boilerNo: 'B' });
    expect(a.boilers).toEqual([{}, { boilerNo: 'B' }]);
    expect(removeRow(a, 'boilers', 0).boilers).toEqual([{ boilerNo: 'B' }]);
  });

  it('keeps explanations with their row when a row is removed', () => {
    const e = {
      'field.unusual@boilers[0].capacity': 'zero',
      'field.unusual@boilers[1].capacity': 'one',
      'large-coal-needs-ds@boilers[2].dsTech': 'two',
      'output-value@outputValue': 'form',
      'x@boilersExtra[1].a': 'other group',
    };
    expect(shiftExplanations(e, 'boilers', 1)).toEqual({
      'field.unusual@boilers[0].capacity': 'zero',
      'large-coal-needs-ds@boilers[1].dsTech': 'two',
      'output-value@outputValue': 'form',
      'x@boilersExtra[1].a': 'other group',
    });
  });

  it('makes DOM-safe anchors and tries the nearest path first', () => {
    expect(anchorId('G103-1', 'boilers[2].fuelUse')).toBe('sf-G103-1--boilers-2_fuelUse');
    expect(anchorId('G101-1', '')).toBe('sf-G101-1--');
    expect(anchorId('G101-1', 'a[1].b')).not.toBe(anchorId('G101-1', 'a.b'));
    expect(anchorCandidates('outlets[0].results[1].pollutant')).toEqual([
      'outlets[0].results[1].pollutant', 'outlets[0].results[1]', 'outlets[0].results', 'outlets[0]', 'outlets', '',
    ]);
    expect(anchorCandidates('explanations.x@y')).toEqual(['']);
  });
});
