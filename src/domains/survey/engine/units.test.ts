import { describe, expect, it } from 'vitest';
import { UNITS } from '../forms/code-tables/units.ts';
import { makeConverter } from './units.ts';

const convert = makeConverter(UNITS);

describe('unit conversion', () => {
  it('converts within a dimension', () => {
    expect(convert(2.5, 't', 'kg')).toBe(2500);
    expect(convert(2500, 'kg', 't')).toBe(2.5);
    expect(convert(3, '10km3', 'm3')).toBe(30000);
    expect(convert(1, '10kt', 't')).toBe(10000);
    expect(convert(1, 'mg/L', 'mg/m3')).toBe(1000);
    expect(convert(1, '10kkWh', 'MJ')).toBe(36000);
    expect(convert(5000, 'kcal/kg', 'MJ/kg')).toBe(20.934);
    expect(convert(15, 'mu', 'ha')).toBe(1);
    expect(convert(24, 'm3/d', 'm3/h')).toBe(1);
  });

  it('keeps decimal results clean', () => {
    expect(convert(0.3, 't', 'kg')).toBe(300);
    expect(convert(0.1, 'kg', 'g')).toBe(100);
  });

  it('refuses across dimensions, unknown units and non-finite values', () => {
    expect(convert(1, 't', 'm3')).toBeNull();
    expect(convert(1, 'head', 'bird')).toBeNull();
    expect(convert(1, 'furlong', 'm')).toBeNull();
    expect(convert(1, 'furlong', 'furlong')).toBeNull();
    expect(convert(Infinity, 't', 'kg')).toBeNull();
    expect(convert(1e308, '10kt', 'g')).toBeNull();
  });
});
