// The chain's pure rules: who reviews where, where a submit enters, what comes after an approval,
// and who may unlock.
import { describe, expect, it } from 'vitest';
import { LEVELS, afterApproval, entryLevel, fillerLevel, lastApprover, mayUnlock, nextLevel, reviewLevelOf, reviewLevelsOf } from './levels.ts';
import { changedOutside, pathInForm } from './paths.ts';
import type { Field } from '../../survey/forms/types.ts';

const ALL = [...LEVELS];
const noInstructor = ALL.filter((l) => l !== 'instructor');

describe('review chain levels', () => {
  it('places each person at a level', () => {
    expect(reviewLevelOf({ role: 'enumerator', scopeLevel: 'township' })).toBe('enumerator');
    expect(reviewLevelsOf({ role: 'agency-staff', scopeLevel: 'county' })).toEqual(['enumerator', 'instructor']);
    expect(reviewLevelOf({ role: 'reviewer', scopeLevel: 'county' })).toBe('county');
    expect(reviewLevelOf({ role: 'regional-office', scopeLevel: 'prefecture' })).toBe('city');
    expect(reviewLevelOf({ role: 'national-office', scopeLevel: 'nation' })).toBe('nation');
    expect(reviewLevelOf({ role: 'department-reviewer', scopeLevel: 'county' })).toBeNull();
    expect(reviewLevelOf({ role: 'respondent', scopeLevel: 'township' })).toBeNull();
    expect(fillerLevel({ role: 'respondent', scopeLevel: 'township' })).toBe('respondent');
    expect(fillerLevel({ role: 'regional-office', scopeLevel: 'township' })).toBe('enumerator');
    expect(fillerLevel({ role: 'agency-staff', scopeLevel: 'county' })).toBe('instructor');
  });

  it('enters above the filler, at the respondent for a respondent, straight back where it was returned', () => {
    expect(entryLevel(ALL, 'enumerator', null)).toBe('instructor');
    expect(entryLevel(noInstructor, 'enumerator', null)).toBe('county');
    expect(entryLevel(ALL, 'respondent', null)).toBe('respondent');
    expect(entryLevel(ALL.filter((l) => l !== 'respondent'), 'respondent', null)).toBe('enumerator');
    expect(entryLevel(ALL, 'enumerator', 'province')).toBe('province');
    expect(entryLevel(ALL, 'nation', null)).toBeNull();
    expect(nextLevel(ALL, 'county')).toBe('city');
  });

  it('approvals climb to the top and lock; the last approver or one above may unlock', () => {
    expect(afterApproval(ALL, 'province')).toEqual({ status: 'approved', level: 'nation' });
    expect(afterApproval(ALL, 'nation')).toEqual({ status: 'locked', level: null });
    expect(lastApprover(ALL, 'approved', 'nation')).toBe('province');
    expect(lastApprover(ALL, 'locked', null)).toBe('nation');
    expect(lastApprover(ALL, 'submitted', 'county')).toBeNull();
    expect(mayUnlock('province', 'province')).toBe(true);
    expect(mayUnlock('nation', 'province')).toBe(true);
    expect(mayUnlock('city', 'province')).toBe(false);
    expect(mayUnlock(null, 'province')).toBe(false);
  });
});

describe('field paths of comments and unlocks', () => {
  const fields = [
    { id: 'name', type: 'text', label: { zh: '', en: '' } },
    { id: 'fuels', type: 'group', label: { zh: '', en: '' }, maxRows: 10, fields: [{ id: 'sulphur', type: 'number', label: { zh: '', en: '' } }] },
  ] as unknown as Field[];

  it('names fields, groups and rows of the form only', () => {
    expect(pathInForm(fields, 'name')).toBe(true);
    expect(pathInForm(fields, 'fuels')).toBe(true);
    expect(pathInForm(fields, 'fuels[2].sulphur')).toBe(true);
    expect(pathInForm(fields, 'fuels.sulphur')).toBe(false);
    expect(pathInForm(fields, 'name[0]')).toBe(false);
    expect(pathInForm(fields, 'other')).toBe(false);
    expect(pathInForm(fields, 'fuels[1].x')).toBe(false);
  });

  it('finds changes outside the unlocked paths, whatever the key order', () => {
    const before = { name: 'a', fuels: [{ sulphur: 1 }, { sulphur: 2 }] };
    expect(changedOutside(before, { fuels: [{ sulphur: 1 }, { sulphur: 3 }], name: 'a' }, ['fuels[1].sulphur'])).toEqual([]);
    expect(changedOutside(before, { name: 'b', fuels: [{ sulphur: 1 }, { sulphur: 3 }] }, ['fuels[1].sulphur'])).toEqual(['name']);
    expect(changedOutside(before, { name: 'a', fuels: [{ sulphur: 9 }, { sulphur: 2 }] }, ['fuels[1].sulphur'])).toEqual(['fuels']);
    expect(changedOutside(before, { name: 'a', fuels: [] }, ['fuels'])).toEqual([]);
  });
});
