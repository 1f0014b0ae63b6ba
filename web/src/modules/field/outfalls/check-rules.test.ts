import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../../../../src/domains/outfalls/rules/geo.ts';
import { formatDistance } from '../utils/geo.ts';
import { completeTest, initialCheckValues, navLinks, nearQueryPoint, reachName, requiredFor, rowAbnormal, toCheckBody } from './check-rules.ts';
import type { OutfallDetail } from './types.ts';

describe('toCheckBody', () => {
  it('drops empties, trims text, rounds coordinates and keeps only complete tests', () => {
    const body = toCheckBody({
      verdict: 'confirmed',
      lat: 28.11271234567,
      lng: 120.96731234567,
      type: 'industrial',
      waterBody: '  瓯江 ',
      waterType: 'river',
      flowM3d: 0,
      discharging: 'flowing',
      tests: [{ parameter: 'cod', value: 55 }, { parameter: 'ph' }, undefined, { value: 3 }, { parameter: 'ph', value: 15 }, { parameter: 'nh3n', value: 1.2 }],
      responsibleName: '',
      sourceId: null,
      note: '   ',
    });
    expect(body).toEqual({
      verdict: 'confirmed',
      lat: 28.112712,
      lng: 120.967312,
      type: 'industrial',
      waterBody: '瓯江',
      waterType: 'river',
      flowM3d: 0,
      discharging: 'flowing',
      tests: [
        { parameter: 'cod', value: 55 },
        { parameter: 'nh3n', value: 1.2 },
      ],
    });
  });

  it('sends a position only when both coordinates are there', () => {
    expect(toCheckBody({ verdict: 'rejected', lat: 28.1, lng: null, note: '是雨水口' })).toEqual({ verdict: 'rejected', note: '是雨水口' });
  });

  it('keeps the responsible unit and the linked source', () => {
    expect(toCheckBody({ verdict: 'hard', responsibleName: ' 乐清市某电镀厂 ', sourceId: 12, note: '夜间排放' })).toEqual({ verdict: 'hard', responsibleName: '乐清市某电镀厂', sourceId: 12, note: '夜间排放' });
  });

  it('refuses to build a body without a verdict', () => {
    expect(() => toCheckBody({ note: 'x' })).toThrow();
  });
});

describe('requiredFor', () => {
  it('asks type and water body to confirm, a note to reject or defer', () => {
    expect(requiredFor('confirmed')).toEqual(['type', 'waterBody']);
    expect(requiredFor('rejected')).toEqual(['note']);
    expect(requiredFor('hard')).toEqual(['note']);
    expect(requiredFor(undefined)).toEqual([]);
  });
});

describe('quick test rows', () => {
  it('flags a row live only when it is complete and possible', () => {
    expect(rowAbnormal({ parameter: 'cod', value: 41 })).toBe(true);
    expect(rowAbnormal({ parameter: 'cod', value: 40 })).toBe(false);
    expect(rowAbnormal({ parameter: 'ph', value: 5.5 })).toBe(true);
    expect(rowAbnormal({ parameter: 'ph', value: 7 })).toBe(false);
    expect(rowAbnormal({ parameter: 'tp' })).toBeNull();
    expect(rowAbnormal({ value: 99 })).toBeNull();
    expect(rowAbnormal({ parameter: 'ph', value: 20 })).toBeNull();
    expect(completeTest({ parameter: 'tn', value: Number.NaN })).toBe(false);
  });
});

describe('navLinks', () => {
  it('gives AMap the GCJ-02 point (lng first) and the geo URI the WGS-84 one', () => {
    const o = { code: '330382-0007', lat: 28.1127, lng: 120.9673, gcj02: { lat: 28.109, lng: 120.972 } };
    expect(navLinks(o)).toEqual({ amap: 'https://uri.amap.com/marker?position=120.972,28.109&name=330382-0007', geo: 'geo:28.1127,120.9673' });
  });

  it('converts to GCJ-02 itself when the answer carries none, and escapes the name', () => {
    const g = wgs84ToGcj02(28.1127, 120.9673);
    expect(g.lat).not.toBe(28.1127);
    expect(navLinks({ code: 'a&b c', lat: 28.1127, lng: 120.9673 }).amap).toBe(`https://uri.amap.com/marker?position=${g.lng},${g.lat}&name=a%26b%20c`);
  });
});

describe('list helpers', () => {
  it('rounds the query point to ~50 m so GPS jitter does not ask again', () => {
    expect(nearQueryPoint(null)).toBeNull();
    expect(nearQueryPoint({ lat: 28.11271, lng: 120.96731 })).toEqual(nearQueryPoint({ lat: 28.11262, lng: 120.96744 }));
    expect(nearQueryPoint({ lat: 28.1127, lng: 120.9673 })).not.toEqual(nearQueryPoint({ lat: 28.1137, lng: 120.9673 }));
  });

  it('formats distances precisely near and coarsely far', () => {
    expect(formatDistance(42.4)).toBe('42 m');
    expect(formatDistance(1234)).toBe('1.2 km');
    expect(formatDistance(37_400)).toBe('37 km');
  });

  it('names the reach from either shape of the answer', () => {
    expect(reachName({ reachName: '瓯江乐清段' })).toBe('瓯江乐清段');
    expect(reachName({ reach: { id: 1, name: '乐清湾' } })).toBe('乐清湾');
    expect(reachName({})).toBeNull();
  });
});

describe('initialCheckValues', () => {
  const base: OutfallDetail = {
    id: 1, version: 3, code: '330382-0001', state: 'suspect', origin: 'imagery', type: null, lat: 28.1, lng: 120.9, waterBody: null, waterType: null,
    flowM3d: null, discharging: null, tests: null, responsibleName: null, sourceId: null, note: null, regionCode: '330382', reachId: 4,
    reach: { id: 4, name: '瓯江乐清段', waterBody: '瓯江', waterType: 'river' },
  };

  it("starts a suspect with no verdict, its reach's water and one empty test row", () => {
    expect(initialCheckValues(base)).toMatchObject({ verdict: undefined, lat: 28.1, lng: 120.9, waterBody: '瓯江', waterType: 'river', tests: [{}] });
  });

  it('keeps an earlier verdict and tests when checked again', () => {
    const v = initialCheckValues({ ...base, state: 'hard', note: '待专家', tests: [{ parameter: 'cod', value: 50, unit: 'mg/L', abnormal: true }] });
    expect(v).toMatchObject({ verdict: 'hard', note: '待专家', tests: [{ parameter: 'cod', value: 50 }] });
  });
});
