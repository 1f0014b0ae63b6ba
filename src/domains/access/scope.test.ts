import { describe, expect, it } from 'vitest';
import { atLeastLevel, inScope, levelOf, scopePrefixOf } from './scope.ts';
import { can, permissionsOf } from './policy.ts';
import { canGrant } from './roles.ts';

describe('region scope', () => {
  it('derives the prefix every descendant shares', () => {
    expect(scopePrefixOf('100000')).toBe('');
    expect(scopePrefixOf('330000')).toBe('33');
    expect(scopePrefixOf('330300')).toBe('3303');
    expect(scopePrefixOf('330382')).toBe('330382');
    expect(scopePrefixOf('330382001')).toBe('330382001');
  });
  it('knows the level of a code', () => {
    expect(levelOf('100000')).toBe('nation');
    expect(levelOf('500000')).toBe('province');
    expect(levelOf('500100')).toBe('prefecture');
    expect(levelOf('500109')).toBe('county');
    expect(levelOf('500109001')).toBe('township');
  });
  it('puts a township inside its county and province but not a neighbour', () => {
    expect(inScope(scopePrefixOf('330000'), '330382001')).toBe(true);
    expect(inScope(scopePrefixOf('330382'), '330382001')).toBe(true);
    expect(inScope(scopePrefixOf('330382'), '500109')).toBe(false);
    expect(inScope(scopePrefixOf('330382'), '330381')).toBe(false);
  });
  it('orders levels from the nation down', () => {
    expect(atLeastLevel('nation', 'province')).toBe(true);
    expect(atLeastLevel('county', 'province')).toBe(false);
  });
});

describe('policy', () => {
  it('lets offices manage users and nobody below them', () => {
    expect(can('regional-office', 'county', 'users.write')).toBe(true);
    expect(can('enumerator', 'county', 'users.write')).toBe(false);
    expect(can('respondent', 'township', 'jobs.read')).toBe(false);
  });
  it('keeps the demo reload to a national office at national level', () => {
    expect(can('national-office', 'nation', 'demo.load')).toBe(true);
    expect(can('national-office', 'province', 'demo.load')).toBe(false);
    expect(can('regional-office', 'nation', 'demo.load')).toBe(false);
  });
  it('lists the permissions the console builds its menu from', () => {
    expect(permissionsOf('enumerator', 'township')).toEqual(['session.read', 'regions.read', 'jobs.read', 'jobs.write', 'inventory.read', 'inventory.field', 'survey.read', 'survey.fill', 'review.read', 'review.act', 'review.recheck', 'outfalls.read', 'outfalls.field']);
    expect(permissionsOf('respondent', 'township')).toEqual(['session.read', 'regions.read', 'survey.read', 'survey.fill', 'survey.confirm']);
  });
  it('forbids a regional office to grant the national role', () => {
    expect(canGrant('regional-office', 'national-office')).toBe(false);
    expect(canGrant('regional-office', 'enumerator')).toBe(true);
    expect(canGrant('instructor', 'enumerator')).toBe(false);
  });
});
