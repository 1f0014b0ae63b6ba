// Who may do what, declared in one table: action → roles, and the highest
// region level the caller's scope must reach. Routes name an action; the
// server checks it before any handler runs. Row scope is checked by the
// domain queries (out of scope reads as not found).
import type { RegionLevel } from '../../core/db/schema.ts';
import { ROLES, type Role } from './roles.ts';
import { atLeastLevel } from './scope.ts';

export interface Rule {
  roles: readonly Role[];
  /** The caller's scope must be this level or above (e.g. 'nation'). */
  minLevel?: RegionLevel;
}

const OFFICES: readonly Role[] = ['national-office', 'regional-office'];
const STAFF: readonly Role[] = ROLES.filter((r) => r !== 'respondent' && r !== 'editor');

export const POLICY = {
  'session.read': { roles: ROLES },
  'regions.read': { roles: ROLES },
  'regions.write': { roles: OFFICES },
  'regions.load': { roles: ['national-office'], minLevel: 'nation' },
  'users.read': { roles: OFFICES },
  'users.write': { roles: OFFICES },
  'teams.read': { roles: [...OFFICES, 'instructor', 'reviewer'] },
  'teams.write': { roles: OFFICES },
  'agencies.read': { roles: [...OFFICES, 'instructor', 'reviewer', 'agency-staff'] },
  'agencies.write': { roles: OFFICES },
  'audit.read': { roles: OFFICES },
  'directory.read': { roles: [...OFFICES, 'reviewer', 'department-reviewer', 'instructor'] },
  'directory.write': { roles: OFFICES },
  'directory.review': { roles: [...OFFICES, 'reviewer'] },
  'jobs.read': { roles: STAFF },
  'jobs.write': { roles: STAFF },
  'registers.read': { roles: [...OFFICES, 'reviewer', 'department-reviewer'] },
  'registers.write': { roles: OFFICES },
  'inventory.read': { roles: [...OFFICES, 'reviewer', 'department-reviewer', 'instructor', 'enumerator', 'agency-staff'] },
  'inventory.config': { roles: ['national-office'], minLevel: 'nation' },
  'inventory.plan': { roles: OFFICES },
  'inventory.field': { roles: ['enumerator', 'agency-staff', 'instructor'] },
  'inventory.review': { roles: [...OFFICES, 'reviewer', 'instructor'] },
  'inventory.verdict': { roles: ['department-reviewer'] },
  'inventory.settle': { roles: OFFICES },
  // 入户调查: every field and office role reads; the respondent only its own source (domain scope).
  'survey.read': { roles: [...OFFICES, 'reviewer', 'department-reviewer', 'instructor', 'enumerator', 'agency-staff', 'respondent'] },
  'survey.fill': { roles: [...OFFICES, 'instructor', 'enumerator', 'agency-staff', 'respondent'] },
  // 企业自填: offices issue one-time codes; the respondent (or an office, for a paper form) confirms.
  'survey.invite': { roles: OFFICES },
  'survey.confirm': { roles: [...OFFICES, 'respondent'] },
  // 审核链: each level reviews what waits on it (domain checks the level); 质控 sampling and acceptance by offices.
  'review.read': { roles: [...OFFICES, 'reviewer', 'instructor', 'enumerator', 'agency-staff'] },
  'review.act': { roles: [...OFFICES, 'reviewer', 'instructor', 'enumerator', 'agency-staff'] },
  'review.config': { roles: ['national-office'], minLevel: 'nation' },
  'review.accept': { roles: OFFICES },
  'review.sample': { roles: [...OFFICES, 'reviewer'] },
  'review.recheck': { roles: [...OFFICES, 'reviewer', 'instructor', 'enumerator', 'agency-staff'] },
  // 核算: offices and reviewers read the library, the figures and the totals; the national office changes the library and the settings.
  'accounting.read': { roles: [...OFFICES, 'reviewer', 'department-reviewer'] },
  'accounting.config': { roles: ['national-office'], minLevel: 'nation' },
  // 调度与督导: every office does for its own scope what the national office does for the provinces.
  'supervision.read': { roles: [...OFFICES, 'reviewer'] },
  'supervision.report': { roles: OFFICES },
  'supervision.dispatch': { roles: OFFICES },
  'supervision.case': { roles: OFFICES },
  'supervision.config': { roles: ['national-office'], minLevel: 'nation' },
  // 工作群: offices' officials under their real names.
  'channels.read': { roles: OFFICES },
  'channels.post': { roles: OFFICES },
  'channels.admin': { roles: OFFICES },
  // 门户: editors write; an office or another editor approves (the four-eyes rule is the domain's).
  'portal.read': { roles: [...OFFICES, 'editor'] },
  'portal.write': { roles: [...OFFICES, 'editor'] },
  'portal.approve': { roles: [...OFFICES, 'editor'] },
  // 排污口排查: offices plan (reaches, imagery, suspects); field roles check; reviewers and offices verify the hard cases.
  'outfalls.read': { roles: [...OFFICES, 'reviewer', 'instructor', 'enumerator', 'agency-staff'] },
  'outfalls.plan': { roles: OFFICES },
  'outfalls.field': { roles: [...OFFICES, 'instructor', 'enumerator', 'agency-staff'] },
  'outfalls.verify': { roles: [...OFFICES, 'reviewer'] },
  // 伴生放射性矿: offices keep the initial list; monitoring bodies (agencies) and offices record measurements.
  'radioactive.read': { roles: [...OFFICES, 'reviewer', 'agency-staff'] },
  'radioactive.list': { roles: OFFICES },
  'radioactive.measure': { roles: [...OFFICES, 'agency-staff'] },
  'radioactive.config': { roles: ['national-office'], minLevel: 'nation' },
  'demo.load': { roles: ['national-office'], minLevel: 'nation' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

export function isAction(v: unknown): v is Action {
  return typeof v === 'string' && v in POLICY;
}

export function can(role: Role, scopeLevel: RegionLevel, action: Action): boolean {
  const rule: Rule = POLICY[action];
  if (!rule.roles.includes(role)) return false;
  return rule.minLevel ? atLeastLevel(scopeLevel, rule.minLevel) : true;
}

/** Every action a role may perform at a level: the console builds its menu from this. */
export function permissionsOf(role: Role, scopeLevel: RegionLevel): Action[] {
  return (Object.keys(POLICY) as Action[]).filter((a) => can(role, scopeLevel, a));
}
