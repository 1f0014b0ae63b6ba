import { describe, expect, it } from 'vitest';
import { screen } from '../../../../../src/domains/radioactive/rules/screening.ts';
import { emptyRow, fieldOfDetails, locateField, measurementBody, parseNumber, rowsToPoints, type PointRow } from './points.ts';

const row = (over: Partial<PointRow>): PointRow => ({ ...emptyRow(), ...over });

describe('parseNumber', () => {
  it('reads plain decimals, empty as null, full-width digits as ASCII', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('   ')).toBeNull();
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' 0.5 ')).toBe(0.5);
    expect(parseNumber('.25')).toBe(0.25);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('１２０．５')).toBe(120.5);
    expect(parseNumber('－２')).toBe(-2);
  });

  it('refuses what it would have to guess: exponents, separators, units, Infinity', () => {
    for (const s of ['1e3', '1,200', '80 nGy/h', 'Infinity', 'NaN', '0x10', '1.2.3', '--1']) expect(parseNumber(s)).toBeNaN();
  });
});

describe('rowsToPoints', () => {
  it('leaves out blank rows and keeps each point\'s table row', () => {
    const { points, rowOf, cells } = rowsToPoints([
      emptyRow(),
      row({ label: 'A', dose: '120' }),
      emptyRow(),
      row({ label: 'B', kind: 'waste', dose: '90', lat: '28.1', lng: '120.9' }),
    ]);
    expect(cells).toEqual([]);
    expect(rowOf).toEqual([1, 3]);
    expect(points).toEqual([
      { label: 'A', kind: 'ore', doseRateNGyH: 120 },
      { label: 'B', kind: 'waste', doseRateNGyH: 90, lat: 28.1, lng: 120.9 },
    ]);
  });

  it('omits empty nuclide cells and sends the filled ones as numbers', () => {
    const { points } = rowsToPoints([row({ label: 'A', dose: '80', nuclides: { 'U-238': '1.4', 'Th-232': '', 'Ra-226': ' 0.3 ' } })]);
    expect(points[0].nuclides).toEqual({ 'U-238': 1.4, 'Ra-226': 0.3 });
    expect(rowsToPoints([row({ label: 'A', dose: '80', nuclides: { 'U-238': '' } })]).points[0]).not.toHaveProperty('nuclides');
  });

  it('names each unreadable cell and a missing dose rate', () => {
    const { cells } = rowsToPoints([row({ label: 'A', dose: '', lat: 'abc', nuclides: { 'Po-210': '1e2' } })]);
    expect(cells).toEqual([
      { row: 0, column: 'dose', problem: 'required' },
      { row: 0, column: 'lat', problem: 'number' },
      { row: 0, column: 'Po-210', problem: 'number' },
    ]);
  });

  it('gives screen() what the server screens: a nuclide over 1 Bq/g is above', () => {
    const { points } = rowsToPoints([row({ label: 'A', dose: '80', nuclides: { 'Th-232': '1.2' } })]);
    expect(screen(70, points)).toMatchObject({ above: true, reasons: [{ point: 'A', rule: 'nuclide', nuclide: 'Th-232', value: 1.2 }] });
  });
});

describe('measurementBody', () => {
  const base = { body: ' 浙江省辐射环境监测站 ', measuredOn: '2018-05-10', background: '85' };

  it('builds the request body, trimmed, with the background as a number', () => {
    const out = measurementBody({ ...base, rows: [row({ label: 'A', dose: '100' })] });
    expect(out).toEqual({ body: { body: '浙江省辐射环境监测站', measuredOn: '2018-05-10', backgroundNGyH: 85, points: [{ label: 'A', kind: 'ore', doseRateNGyH: 100 }] }, rowOf: [0] });
  });

  it('holds back while a cell or the background cannot be read', () => {
    expect(measurementBody({ ...base, background: '', rows: [row({ label: 'A', dose: '100' })] })).toEqual({ cells: [], background: true });
    expect(measurementBody({ ...base, rows: [row({ label: 'A', dose: 'x' })] })).toEqual({ cells: [{ row: 0, column: 'dose', problem: 'number' }], background: false });
  });
});

describe('locateField', () => {
  it('maps a point field to its table row and column, skipping blank rows', () => {
    expect(locateField('points[1].doseRateNGyH', [0, 2])).toEqual({ row: 2, column: 'dose' });
    expect(locateField('points[0].nuclides.U-238', [3])).toEqual({ row: 3, column: 'U-238' });
    expect(locateField('body.points[0].lat', [1])).toEqual({ row: 1, column: 'lat' });
    expect(locateField('points[4]', [])).toEqual({ row: 4, column: null });
  });

  it('names a form field otherwise', () => {
    expect(locateField('backgroundNGyH', [])).toEqual({ form: 'backgroundNGyH' });
    expect(locateField('points', [])).toEqual({ form: 'points' });
  });

  it('reads the field from a server error\'s details', () => {
    expect(fieldOfDetails({ field: 'points[0].lat', detail: 'x' })).toBe('points[0].lat');
    expect(fieldOfDetails({ fields: [{ field: 'backgroundNGyH' }] })).toBe('backgroundNGyH');
    expect(fieldOfDetails(null)).toBeNull();
    expect(fieldOfDetails({ other: 1 })).toBeNull();
    expect(fieldOfDetails({ detail: 'body/points/2/doseRateNGyH must be >= 0' })).toBe('points[2].doseRateNGyH');
    expect(fieldOfDetails({ detail: 'body/points/0/nuclides/U-238 must be number' })).toBe('points[0].nuclides.U-238');
    expect(fieldOfDetails({ detail: 'body/backgroundNGyH must be number' })).toBe('backgroundNGyH');
  });
});
