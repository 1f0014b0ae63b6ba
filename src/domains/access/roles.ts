// Roles of Pucha and the rules that relate them. Pure: no I/O.

export const ROLES = [
  'national-office',
  'regional-office',
  'reviewer',
  'department-reviewer',
  'instructor',
  'enumerator',
  'agency-staff',
  'respondent',
  'editor',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** The eight departments of the joint review (八部门), plus "other". */
export const DEPARTMENTS = ['samr', 'tax', 'stats', 'mee', 'miit', 'moa', 'mwr', 'mohurd', 'other'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/**
 * Which roles a role may grant when it creates or edits a user. Offices run
 * their own people; nobody below an office creates accounts.
 */
const GRANTS: Partial<Record<Role, readonly Role[]>> = {
  'national-office': ROLES,
  'regional-office': ROLES.filter((r) => r !== 'national-office'),
};

export function canGrant(actor: Role, target: Role): boolean {
  return GRANTS[actor]?.includes(target) ?? false;
}
