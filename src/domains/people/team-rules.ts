// The rules a team must meet: members inside the team's region, the "1+1" pair,
// the agency and instructor. Pure: the caller looks the users up first.
import type { ErrorCode, ErrorParams } from '../../core/errors.ts';
import { scopePrefixOf } from '../access/index.ts';

export const TEAM_KINDS = ['enumerator', 'paired', 'agency', 'students'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const MEMBER_ROLES = ['member', 'local', 'professional', 'student'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Roles that may stand as the local half of a pair: census staff, not agency staff, respondents or editors. */
const LOCAL_ROLES: readonly string[] = ['national-office', 'regional-office', 'reviewer', 'department-reviewer', 'instructor', 'enumerator'];

export interface UserFacts {
  id: number;
  username: string;
  role: string;
  regionCode: string;
  agencyId: number | null;
  disabled: boolean;
}

export interface TeamDraft {
  regionCode: string;
  kind: TeamKind;
  agencyId: number | null;
  instructorId: number | null;
  members: Array<{ userId: number; memberRole: MemberRole }>;
}

export interface TeamEnv {
  actorScopePrefix: string;
  /** Users named as members or instructor; a missing id is a missing user. */
  users: ReadonlyMap<number, UserFacts>;
  agencyVisible(id: number): boolean;
}

export interface RuleError {
  code: ErrorCode;
  params: ErrorParams;
}

/**
 * A paired ("1+1") team is exactly one local officer and one agency professional;
 * when the team names its agency, the professional works for it.
 */
export function isValidPair(members: Array<{ memberRole: MemberRole; user: UserFacts }>, teamAgencyId: number | null): boolean {
  if (members.length !== 2) return false;
  const local = members.find((m) => m.memberRole === 'local');
  const pro = members.find((m) => m.memberRole === 'professional');
  if (!local || !pro) return false;
  if (!LOCAL_ROLES.includes(local.user.role)) return false;
  if (pro.user.role !== 'agency-staff') return false;
  return teamAgencyId === null || pro.user.agencyId === teamAgencyId;
}

/** A member must exist, be enabled and belong to the team's region or a region below it. */
export function memberError(userId: number, teamRegion: string, users: ReadonlyMap<number, UserFacts>): RuleError | undefined {
  const u = users.get(userId);
  if (!u || u.disabled || !u.regionCode.startsWith(scopePrefixOf(teamRegion))) {
    return { code: 'TEAM_MEMBER_INVALID', params: { username: u?.username ?? `#${userId}` } };
  }
  return undefined;
}

/** Which parts to check: a new team checks all; an update only what it changes. */
export interface TeamCheck {
  agency: boolean;
  instructor: boolean;
  members: boolean;
}
const ALL: TeamCheck = { agency: true, instructor: true, members: true };

/** The first rule the team breaks, or undefined. The pair is checked when its members or agency change. */
export function checkTeam(t: TeamDraft, env: TeamEnv, check: TeamCheck = ALL): RuleError | undefined {
  if (check.agency) {
    if (t.kind === 'agency' && t.agencyId === null) return { code: 'TEAM_AGENCY_REQUIRED', params: {} };
    if (t.agencyId !== null && !env.agencyVisible(t.agencyId)) return { code: 'AGENCY_NOT_FOUND', params: {} };
  }
  if (check.instructor && t.instructorId !== null) {
    const i = env.users.get(t.instructorId);
    if (!i || i.role !== 'instructor' || i.disabled || !i.regionCode.startsWith(env.actorScopePrefix)) {
      return { code: 'TEAM_INSTRUCTOR_INVALID', params: {} };
    }
  }
  if (check.members) {
    const seen = new Set<number>();
    for (const m of t.members) {
      const err = memberError(m.userId, t.regionCode, env.users);
      if (err) return err;
      if (seen.has(m.userId)) return { code: 'TEAM_MEMBER_INVALID', params: { username: env.users.get(m.userId)!.username } };
      seen.add(m.userId);
    }
  }
  if (t.kind === 'paired' && (check.members || check.agency)) {
    const withUsers = t.members.map((m) => ({ memberRole: m.memberRole, user: env.users.get(m.userId) }));
    if (withUsers.some((m) => !m.user)) return { code: 'TEAM_PAIR_INVALID', params: {} };
    if (!isValidPair(withUsers as Array<{ memberRole: MemberRole; user: UserFacts }>, t.agencyId)) return { code: 'TEAM_PAIR_INVALID', params: {} };
  }
  return undefined;
}
