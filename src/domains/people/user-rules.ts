// The rules a user row must meet, whether it comes from the console or from a
// spreadsheet row. Pure: the caller looks up regions, agencies and usernames first.
import { ERRORS, formatMessage, type ErrorCode, type ErrorParams } from '../../core/errors.ts';
import { DEPARTMENTS, canGrant, isRole, isStrongPassword, type Role } from '../access/index.ts';

export const USER_FIELDS = ['username', 'displayName', 'password', 'role', 'regionCode', 'department', 'agencyId', 'phone'] as const;
export type UserField = (typeof USER_FIELDS)[number];

/** Chinese labels of the fields, for messages and the import template. */
export const FIELD_ZH: Record<UserField, string> = {
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  role: '角色',
  regionCode: '区划代码',
  department: '部门',
  agencyId: '机构',
  phone: '电话',
};

/** A user as it will be stored (after a patch is merged, for an update). */
export interface UserDraft {
  username: string;
  displayName: string;
  password?: string;
  role: string;
  regionCode: string;
  department: string | null;
  agencyId: number | null;
  phone: string | null;
}

export interface FieldError {
  field: string;
  code: ErrorCode;
  params: ErrorParams;
}

/** What the rules need to know about the world, looked up in bulk beforehand. */
export interface RuleEnv {
  actorRole: Role;
  actorScopePrefix: string;
  regionExists(code: string): boolean;
  /** True for an agency the actor can see. */
  agencyVisible(id: number): boolean;
  usernameTaken(username: string): boolean;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{3,64}$/;
const PHONE_PATTERN = /^[0-9+\-() ]{3,32}$/;
const DISPLAY_NAME_MAX = 100;

/**
 * A department belongs to department reviewers and an agency to agency staff
 * only: for other roles both are cleared, so a role change leaves nothing stale.
 */
export function normaliseDraft<T extends UserDraft>(d: T): T {
  const blank = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());
  return {
    ...d,
    username: d.username.trim(),
    displayName: d.displayName.trim(),
    regionCode: d.regionCode.trim(),
    department: d.role === 'department-reviewer' ? blank(d.department) : null,
    agencyId: d.role === 'agency-staff' ? d.agencyId : null,
    phone: blank(d.phone),
  };
}

/**
 * Checks the fields named in `check` (all of them for a new user) and returns at
 * most one error per field, in field order.
 */
export function checkUserDraft(d: UserDraft, env: RuleEnv, check: ReadonlySet<UserField> = new Set(USER_FIELDS)): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: UserField, code: ErrorCode, params: ErrorParams = {}) => errors.push({ field, code, params });
  const required = (field: UserField, v: string | undefined | null) => {
    if (v === undefined || v === null || v.trim() === '') {
      fail(field, 'USER_FIELD_REQUIRED', { field, fieldZh: FIELD_ZH[field] });
      return false;
    }
    return true;
  };

  if (check.has('username') && required('username', d.username)) {
    if (!USERNAME_PATTERN.test(d.username)) fail('username', 'USER_USERNAME_INVALID', { username: d.username });
    else if (env.usernameTaken(d.username)) fail('username', 'USER_USERNAME_TAKEN', { username: d.username });
  }
  if (check.has('displayName') && required('displayName', d.displayName) && d.displayName.length > DISPLAY_NAME_MAX) {
    fail('displayName', 'USER_FIELD_TOO_LONG', { field: 'displayName', fieldZh: FIELD_ZH.displayName, max: DISPLAY_NAME_MAX });
  }
  if (check.has('password') && required('password', d.password) && !isStrongPassword(d.password!)) {
    fail('password', 'AUTH_PASSWORD_WEAK');
  }
  const roleKnown = isRole(d.role);
  if (check.has('role') && required('role', d.role)) {
    if (!roleKnown) fail('role', 'USER_ROLE_UNKNOWN', { role: d.role });
    else if (!canGrant(env.actorRole, d.role as Role)) fail('role', 'USER_ROLE_NOT_ALLOWED', { role: d.role });
  }
  if (check.has('regionCode') && required('regionCode', d.regionCode)) {
    if (!env.regionExists(d.regionCode)) fail('regionCode', 'REGION_UNKNOWN', { code: d.regionCode });
    else if (!d.regionCode.startsWith(env.actorScopePrefix)) fail('regionCode', 'USER_SCOPE_OUTSIDE', { code: d.regionCode });
  }
  if (check.has('department') && d.role === 'department-reviewer') {
    if (!d.department || !(DEPARTMENTS as readonly string[]).includes(d.department)) fail('department', 'USER_DEPARTMENT_REQUIRED');
  }
  if (check.has('agencyId') && d.role === 'agency-staff') {
    if (d.agencyId === null) fail('agencyId', 'USER_AGENCY_REQUIRED');
    else if (!env.agencyVisible(d.agencyId)) fail('agencyId', 'AGENCY_NOT_FOUND');
  }
  if (check.has('phone') && d.phone !== null && !PHONE_PATTERN.test(d.phone)) {
    fail('phone', 'USER_PHONE_INVALID', { phone: d.phone });
  }
  return errors;
}

/**
 * The error a single request answers with: input mistakes (400) before
 * permission (403), before a missing reference (404), before a conflict (409).
 */
export function firstError(errors: FieldError[]): FieldError | undefined {
  return [...errors].sort((a, b) => ERRORS[a.code].status - ERRORS[b.code].status)[0];
}

/** The fields a patch touches, as the rules must re-check them. */
export function fieldsToCheck(changed: ReadonlySet<UserField>): Set<UserField> {
  const check = new Set(changed);
  // A new role must meet its own requirements with whatever department or agency the row keeps.
  if (changed.has('role')) {
    check.add('department');
    check.add('agencyId');
  }
  return check;
}

/** An actor may not lock itself out: no disabling itself, no change to its own role or region. */
export function isSelfLockout(actorId: number | null, targetId: number, change: { disabled?: boolean; role?: boolean; regionCode?: boolean }): boolean {
  return actorId === targetId && (change.disabled === true || change.role === true || change.regionCode === true);
}

/** The bilingual message of a field error, as the import reports it per row. */
export function messageOf(e: FieldError) {
  const spec = ERRORS[e.code];
  return { zh: formatMessage(spec.zh, e.params), en: formatMessage(spec.en, e.params) };
}
