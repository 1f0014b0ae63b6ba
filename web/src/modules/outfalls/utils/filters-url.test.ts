import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters } from './filters-url.ts';
import { countsOf, listQuery } from './outfalls-api.ts';

describe('the register filters in the address', () => {
  it('round-trips every filter', () => {
    const f = { region: '330382', state: 'hard' as const, reach: 7, type: 'wwtp' as const, q: '瓯江' };
    expect(filtersFromParams(paramsFromFilters(f))).toEqual(f);
  });

  it('drops values the API would refuse', () => {
    const p = new URLSearchParams('region=abc&state=maybe&reach=-2&type=boat&q=');
    expect(filtersFromParams(p)).toEqual({});
  });
});

describe('listQuery', () => {
  it('leaves out empty filters and trims the search', () => {
    expect(listQuery({ q: '  ' })).toEqual({ region: undefined, state: undefined, reach: undefined, type: undefined, q: undefined });
    expect(listQuery({ region: '330382', q: ' 330382-0001 ', reach: 3 })).toMatchObject({ region: '330382', q: '330382-0001', reach: 3 });
  });
});

describe('countsOf', () => {
  it('reads counts flat or nested, missing ones as zero', () => {
    expect(countsOf({ suspect: 2, verified: 1 })).toEqual({ suspect: 2, confirmed: 0, hard: 0, rejected: 0, verified: 1 });
    expect(countsOf({ counts: { hard: 4 } })).toEqual({ suspect: 0, confirmed: 0, hard: 4, rejected: 0, verified: 0 });
  });
});
