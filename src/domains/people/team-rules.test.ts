import { describe, expect, it } from 'vitest';
import { checkTeam, isValidPair, memberError, type TeamDraft, type TeamEnv, type UserFacts } from './team-rules.ts';

const u = (id: number, role: string, regionCode = '500109', agencyId: number | null = null, disabled = false): UserFacts => ({
  id,
  username: `u${id}`,
  role,
  regionCode,
  agencyId,
  disabled,
});

const users = new Map<number, UserFacts>(
  [
    u(1, 'enumerator'),
    u(2, 'agency-staff', '500109', 9),
    u(3, 'agency-staff', '500109', 8),
    u(4, 'enumerator', '330382'),
    u(5, 'instructor', '500109001'),
    u(6, 'enumerator', '500109', null, true),
    u(7, 'respondent'),
    u(8, 'instructor', '330382'),
  ].map((x) => [x.id, x]),
);
const env: TeamEnv = { actorScopePrefix: '500109', users, agencyVisible: (id) => id === 9 || id === 8 };

const pair = (local: number, pro: number): TeamDraft['members'] => [
  { userId: local, memberRole: 'local' },
  { userId: pro, memberRole: 'professional' },
];
const team = (t: Partial<TeamDraft>): TeamDraft => ({ regionCode: '500109', kind: 'enumerator', agencyId: null, instructorId: null, members: [], ...t });

describe('isValidPair', () => {
  const m = (memberRole: 'local' | 'professional' | 'member', id: number) => ({ memberRole, user: users.get(id)! });

  it('is one local officer and one agency professional', () => {
    expect(isValidPair([m('local', 1), m('professional', 2)], null)).toBe(true);
    expect(isValidPair([m('professional', 2), m('local', 1)], 9)).toBe(true);
  });

  it('refuses the wrong count, roles or sides', () => {
    expect(isValidPair([m('local', 1)], null)).toBe(false);
    expect(isValidPair([m('local', 1), m('professional', 2), m('member', 4)], null)).toBe(false);
    expect(isValidPair([m('local', 2), m('professional', 3)], null)).toBe(false); // agency staff as the local
    expect(isValidPair([m('local', 1), m('professional', 4)], null)).toBe(false); // an officer as the professional
    expect(isValidPair([m('local', 7), m('professional', 2)], null)).toBe(false); // a respondent is not staff
    expect(isValidPair([m('local', 1), m('local', 4)], null)).toBe(false);
  });

  it('needs the professional to work for the team\'s agency', () => {
    expect(isValidPair([m('local', 1), m('professional', 3)], 9)).toBe(false);
  });
});

describe('memberError', () => {
  it('accepts members in the team region or below it', () => {
    expect(memberError(1, '500109', users)).toBeUndefined();
    expect(memberError(5, '500109', users)).toBeUndefined();
  });

  it('refuses a missing, disabled or outside member', () => {
    expect(memberError(99, '500109', users)).toEqual({ code: 'TEAM_MEMBER_INVALID', params: { username: '#99' } });
    expect(memberError(6, '500109', users)?.code).toBe('TEAM_MEMBER_INVALID');
    expect(memberError(4, '500109', users)).toEqual({ code: 'TEAM_MEMBER_INVALID', params: { username: 'u4' } });
    expect(memberError(1, '500109001', users)?.code).toBe('TEAM_MEMBER_INVALID'); // above the team's region
  });
});

describe('checkTeam', () => {
  it('accepts valid teams of each kind', () => {
    expect(checkTeam(team({ kind: 'paired', members: pair(1, 2) }), env)).toBeUndefined();
    expect(checkTeam(team({ kind: 'agency', agencyId: 9, members: [{ userId: 2, memberRole: 'professional' }] }), env)).toBeUndefined();
    expect(checkTeam(team({ instructorId: 5, members: [{ userId: 1, memberRole: 'member' }] }), env)).toBeUndefined();
  });

  it('needs an agency for an agency team, and a visible one', () => {
    expect(checkTeam(team({ kind: 'agency' }), env)?.code).toBe('TEAM_AGENCY_REQUIRED');
    expect(checkTeam(team({ agencyId: 5 }), env)?.code).toBe('AGENCY_NOT_FOUND');
  });

  it('needs the instructor to be an instructor in scope', () => {
    expect(checkTeam(team({ instructorId: 1 }), env)?.code).toBe('TEAM_INSTRUCTOR_INVALID');
    expect(checkTeam(team({ instructorId: 8 }), env)?.code).toBe('TEAM_INSTRUCTOR_INVALID');
    expect(checkTeam(team({ instructorId: 99 }), env)?.code).toBe('TEAM_INSTRUCTOR_INVALID');
  });

  it('refuses a member twice', () => {
    const err = checkTeam(team({ members: [{ userId: 1, memberRole: 'member' }, { userId: 1, memberRole: 'local' }] }), env);
    expect(err).toEqual({ code: 'TEAM_MEMBER_INVALID', params: { username: 'u1' } });
  });

  it('applies the pair rule to paired teams only', () => {
    expect(checkTeam(team({ kind: 'paired', members: pair(1, 3), agencyId: 9 }), env)?.code).toBe('TEAM_PAIR_INVALID');
    expect(checkTeam(team({ kind: 'paired', members: [{ userId: 1, memberRole: 'local' }] }), env)?.code).toBe('TEAM_PAIR_INVALID');
    expect(checkTeam(team({ kind: 'enumerator', members: [{ userId: 1, memberRole: 'local' }] }), env)).toBeUndefined();
  });

  it('checks only the parts an update changes', () => {
    const withDisabled = team({ members: [{ userId: 6, memberRole: 'member' }] });
    expect(checkTeam(withDisabled, env)?.code).toBe('TEAM_MEMBER_INVALID');
    expect(checkTeam(withDisabled, env, { agency: false, instructor: false, members: false })).toBeUndefined();
    // A new agency re-checks the pair even when the members stay.
    const p = team({ kind: 'paired', members: pair(1, 2), agencyId: 8 });
    expect(checkTeam(p, env, { agency: true, instructor: false, members: false })?.code).toBe('TEAM_PAIR_INVALID');
  });
});
