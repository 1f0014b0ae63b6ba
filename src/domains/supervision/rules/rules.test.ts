// The pure rules of supervision on hand-made calendars and reports.
import { describe, expect, it } from 'vitest';
import { addDays, calendarProblems, deadlineOf, expectedShare, monthBefore, type PhaseDates } from './calendar.ts';
import { laggards, lagOf, rank, rankWithChange } from './lag.ts';
import { gapsOf, threeLevelMeetings, type Readiness } from './readiness.ts';
import { caseNumber, escalationType, isIssuerSide, isOverdue, isTargetSide, nextType } from './cases.ts';

const survey: PhaseDates = { phase: 'survey', startsOn: '2018-08-01', endsOn: '2018-11-30', weight: 4, deadlines: { county: '2018-11-10', prefecture: '2018-11-20', province: '2018-11-30' } };
const inventory: PhaseDates = { phase: 'inventory', startsOn: '2018-03-01', endsOn: '2018-06-30', weight: 3, deadlines: {} };
const calendar = [inventory, survey];

describe('calendar', () => {
  it('expects nothing before a phase, all after the level\'s deadline, and a straight line between', () => {
    expect(expectedShare(survey, 'county', '2018-07-31')).toBe(0);
    expect(expectedShare(survey, 'county', '2018-11-10')).toBe(1);
    expect(expectedShare(survey, 'province', '2018-11-10')).toBeLessThan(1);
    // 2018-08-01 … 2018-11-10 is 102 days; the end of 08-01 is one of them.
    expect(expectedShare(survey, 'county', '2018-08-01')).toBeCloseTo(1 / 102, 6);
    expect(expectedShare(survey, 'county', '2018-09-20')).toBeCloseTo(51 / 102, 6);
  });
  it('a pilot county starts its phase on its own day', () => {
    expect(expectedShare(survey, 'county', '2018-07-31', '2018-05-01')).toBeCloseTo(92 / 194, 6); // 05-01…07-31 of 05-01…11-10
    expect(expectedShare(survey, 'county', '2018-07-31', '2018-09-01')).toBe(0); // a later "pilot" start changes nothing
  });
  it('deadlines fall back to the phase end', () => {
    expect(deadlineOf(survey, 'township')).toBe('2018-11-30');
    expect(deadlineOf(survey, 'prefecture')).toBe('2018-11-20');
  });
  it('dates move by days and months', () => {
    expect(addDays('2018-03-01', -1)).toBe('2018-02-28');
    expect(monthBefore('2018-03-31')).toBe('2018-02-28');
    expect(monthBefore('2018-01-15')).toBe('2017-12-15');
  });
  it('finds what is wrong in a calendar', () => {
    expect(calendarProblems(calendar)).toEqual([]);
    expect(calendarProblems([{ ...survey, endsOn: '2018-07-01' }]).join()).toContain('before it starts');
    expect(calendarProblems([{ ...survey, deadlines: { county: '2018-12-10' } }]).join()).toContain('outside');
    expect(calendarProblems([{ ...survey, deadlines: { county: '2018-11-25', prefecture: '2018-11-20' } }]).join()).toContain('county deadline');
    expect(calendarProblems([{ ...survey, startsOn: '2018-02-30' }]).join()).toContain('YYYY-MM-DD');
  });
});

describe('lag score', () => {
  const m = (confirmed: number, submitted: number) => ({ 'inventory.confirmed': confirmed, 'survey.submitted': submitted });
  it('is zero before any phase begins, apart from the gaps', () => {
    expect(lagOf(calendar, { level: 'county', on: '2018-02-01', metrics: m(0, 0), gaps: 0 }).lagScore).toBe(0);
    expect(lagOf(calendar, { level: 'county', on: '2018-02-01', metrics: m(0, 0), gaps: 2 }).lagScore).toBe(3);
  });
  it('weighs each begun phase by how far behind its calendar the region is', () => {
    // On 2018-09-20 inventory is due in full (w 3), the survey half (w 4).
    const l = lagOf(calendar, { level: 'county', on: '2018-09-20', metrics: m(0.7, 0.1), gaps: 0 });
    expect(l.lagScore).toBeCloseTo((85 * (3 * 0.3 + 4 * 0.4)) / 7, 1);
    expect(l.expected).toBeCloseTo((3 + 4 * 0.5) / 7, 6);
    expect(l.progress).toBeCloseTo((3 * 0.7 + 4 * 0.1) / 7, 6);
    expect(l.behind.map((b) => b.phase)).toEqual(['inventory', 'survey']);
  });
  it('being ahead is no credit against another phase, and the score stops at 100', () => {
    expect(lagOf(calendar, { level: 'county', on: '2018-09-20', metrics: m(1, 1), gaps: 0 }).lagScore).toBe(0);
    expect(lagOf(calendar, { level: 'county', on: '2019-01-01', metrics: m(0, 0), gaps: 10 }).lagScore).toBe(100);
    expect(lagOf(calendar, { level: 'county', on: '2019-01-01', metrics: m(0, 0), gaps: 4 }).lagScore).toBe(91); // still ranked by the gaps
  });
});

describe('ranking', () => {
  const rows = [
    { code: 'a', lagScore: 10, progress: 0.5 }, { code: 'b', lagScore: 10, progress: 0.7 }, { code: 'c', lagScore: 40, progress: 0.1 },
    { code: 'd', lagScore: 0, progress: 0.9 }, { code: 'e', lagScore: 16, progress: 0.3 }, { code: 'f', lagScore: 12, progress: 0.4 },
  ];
  it('orders by lag score, then progress, then code', () => {
    expect([...rank(rows).entries()].sort((x, y) => x[1] - y[1]).map((x) => x[0])).toEqual(['d', 'b', 'a', 'f', 'e', 'c']);
  });
  it('names a lag score of 30 that stands out, and the tail of six above 15 and the median', () => {
    expect([...laggards(rows, rank(rows))].sort()).toEqual(['c', 'e']);
    expect([...laggards(rows.slice(0, 5), rank(rows.slice(0, 5)))]).toEqual(['c']); // five: no tail rule
    expect([...laggards(rows.slice(2, 4), rank(rows.slice(2, 4)))]).toEqual(['c']); // two peers: the score alone
  });
  it('when all lag alike, names only who is worse than the rest', () => {
    const alike = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((code) => ({ code, lagScore: 85, progress: 0 }));
    expect(laggards(alike, rank(alike)).size).toBe(0);
    const one = alike.map((r) => (r.code === 'c' ? { ...r, lagScore: 91 } : r));
    expect([...laggards(one, rank(one))]).toEqual(['c']);
  });
  it('gives the change of rank since the period before', () => {
    const before = rows.map((r) => (r.code === 'd' ? { ...r, lagScore: 50 } : r));
    const r = rankWithChange(rows, before);
    expect(r.get('d')).toMatchObject({ rank: 1, previousRank: 6, rankChange: 5 });
    expect(r.get('c')).toMatchObject({ rank: 6, previousRank: 5, rankChange: -1, laggard: true });
  });
});

describe('readiness gaps', () => {
  const full: Readiness = {
    leadingGroupOn: '2018-01-10', officeOn: '2018-01-10', planOn: '2018-02-01', meetings: [{ level: 'county', heldOn: '2018-03-01' }], inAssessment: true,
    staffNeeded: 10, staffOwn: 6, staffSeconded: 4, officeSpace: true, networkConnected: true, fundsBudgeted: 1e6, fundsArrived: 1e6, agencyContracted: true,
  };
  it('a full report has none; a missing one has all', () => {
    expect(gapsOf(full, 'county')).toEqual([]);
    expect(gapsOf(null, 'county')).toHaveLength(10);
    expect(gapsOf(null, 'province')).not.toContain('agency');
  });
  it('names the problems the 2018 meeting named', () => {
    const r = { ...full, staffSeconded: 0, networkConnected: false, fundsArrived: 4e5, meetings: [] };
    expect(gapsOf(r, 'county')).toEqual(['meeting', 'staff', 'network', 'funds']);
    expect(gapsOf({ ...full, fundsBudgeted: 0, fundsArrived: 0 }, 'county')).toEqual(['funds']);
  });
  it('three-level meetings need province, prefecture and county', () => {
    expect(threeLevelMeetings(full)).toBe(false);
    expect(threeLevelMeetings({ ...full, meetings: ['province', 'prefecture', 'county'].map((level) => ({ level: level as 'county', heldOn: '2018-04-01' })) })).toBe(true);
  });
});

describe('cases', () => {
  it('climb the ladder one rung, or to a named higher one, never down, and praise never', () => {
    expect(nextType('reminder')).toBe('letter');
    expect(nextType('inspection')).toBeNull();
    expect(escalationType('letter', 'summons')).toBe('summons');
    expect(escalationType('summons', 'letter')).toBeNull();
    expect(escalationType('praise')).toBeNull();
  });
  it('are numbered per type and year', () => {
    expect(caseNumber('letter', 2018, 3)).toBe('督办〔2018〕3号');
  });
  it('the issuer side is the issuer and above; the target side lies between target and issuer', () => {
    const nation = { scopePrefix: '', code: '100000' };
    const zj = { scopePrefix: '33', code: '330000' };
    const wz = { scopePrefix: '3303', code: '330300' };
    expect(isIssuerSide(nation, '33')).toBe(true);
    expect(isIssuerSide(wz, '33')).toBe(false);
    expect(isTargetSide(wz, '3303', '')).toBe(true);
    expect(isTargetSide(zj, '3303', '')).toBe(true);
    expect(isTargetSide(zj, '3303', '33')).toBe(false); // the issuer cannot answer its own case
    expect(isTargetSide(nation, '3303', '')).toBe(false);
  });
  it('is overdue only while open past its day', () => {
    expect(isOverdue('open', '2018-05-01', '2018-05-02')).toBe(true);
    expect(isOverdue('answered', '2018-05-01', '2018-05-02')).toBe(false);
    expect(isOverdue('open', '2018-05-02', '2018-05-02')).toBe(false);
  });
});
