import { describe, expect, it } from 'vitest';
import {
  checkUserDraft,
  fieldsToCheck,
  firstError,
  isSelfLockout,
  messageOf,
  normaliseDraft,
  type RuleEnv,
  type UserDraft,
} from './user-rules.ts';

const env: RuleEnv = {
  actorRole: 'regional-office',
  actorScopePrefix: '330382',
  regionExists: (c) => ['330382', '330382001', '330300', '500109'].includes(c),
  agencyVisible: (id) => id === 7,
  usernameTaken: (n) => n.toLowerCase() === 'taken',
};

const ok: UserDraft = {
  username: 'zhang.wei',
  displayName: '张伟',
  password: 'Census2018',
  role: 'enumerator',
  regionCode: '330382001',
  department: null,
  agencyId: null,
  phone: '0577-61880001',
};

const codes = (d: Partial<UserDraft>, e: RuleEnv = env) => checkUserDraft({ ...ok, ...d }, e).map((x) => `${x.field}:${x.code}`);

describe('checkUserDraft', () => {
  it('accepts a complete, valid row', () => {
    expect(checkUserDraft(ok, env)).toEqual([]);
  });

  it('refuses a malformed or taken username, case-insensitively', () => {
    expect(codes({ username: 'ab' })).toEqual(['username:USER_USERNAME_INVALID']);
    expect(codes({ username: '张伟' })).toEqual(['username:USER_USERNAME_INVALID']);
    expect(codes({ username: 'TAKEN' })).toEqual(['username:USER_USERNAME_TAKEN']);
    expect(codes({ username: '' })).toEqual(['username:USER_FIELD_REQUIRED']);
  });

  it('needs a name and a strong password', () => {
    expect(codes({ displayName: ' ' })).toEqual(['displayName:USER_FIELD_REQUIRED']);
    expect(codes({ displayName: 'x'.repeat(101) })).toEqual(['displayName:USER_FIELD_TOO_LONG']);
    expect(codes({ password: 'abcdefgh' })).toEqual(['password:AUTH_PASSWORD_WEAK']);
    expect(codes({ password: '1234567a' })).toEqual([]);
  });

  it('knows the roles and who may grant them', () => {
    expect(codes({ role: 'boss' })).toEqual(['role:USER_ROLE_UNKNOWN']);
    expect(codes({ role: 'national-office' })).toEqual(['role:USER_ROLE_NOT_ALLOWED']);
    expect(codes({ role: 'regional-office' })).toEqual([]);
    expect(codes({ role: 'national-office', regionCode: '330382' }, { ...env, actorRole: 'national-office', actorScopePrefix: '' })).toEqual([]);
    expect(codes({}, { ...env, actorRole: 'reviewer' })).toEqual(['role:USER_ROLE_NOT_ALLOWED']);
  });

  it('checks the region exists before it checks the scope', () => {
    expect(codes({ regionCode: '330399' })).toEqual(['regionCode:REGION_UNKNOWN']);
    expect(codes({ regionCode: '500109' })).toEqual(['regionCode:USER_SCOPE_OUTSIDE']);
    expect(codes({ regionCode: '330300' })).toEqual(['regionCode:USER_SCOPE_OUTSIDE']);
  });

  it('needs a known department for a department reviewer', () => {
    expect(codes({ role: 'department-reviewer' })).toEqual(['department:USER_DEPARTMENT_REQUIRED']);
    expect(codes({ role: 'department-reviewer', department: 'police' })).toEqual(['department:USER_DEPARTMENT_REQUIRED']);
    expect(codes({ role: 'department-reviewer', department: 'stats' })).toEqual([]);
  });

  it('needs a visible agency for agency staff', () => {
    expect(codes({ role: 'agency-staff' })).toEqual(['agencyId:USER_AGENCY_REQUIRED']);
    expect(codes({ role: 'agency-staff', agencyId: 8 })).toEqual(['agencyId:AGENCY_NOT_FOUND']);
    expect(codes({ role: 'agency-staff', agencyId: 7 })).toEqual([]);
  });

  it('checks the phone when one is given', () => {
    expect(codes({ phone: 'call me' })).toEqual(['phone:USER_PHONE_INVALID']);
    expect(codes({ phone: null })).toEqual([]);
  });

  it('reports one error per field, all fields at once', () => {
    expect(codes({ username: 'x', password: 'short', role: 'boss', regionCode: '999999' })).toEqual([
      'username:USER_USERNAME_INVALID',
      'password:AUTH_PASSWORD_WEAK',
      'role:USER_ROLE_UNKNOWN',
      'regionCode:REGION_UNKNOWN',
    ]);
  });

  it('checks only the named fields of an update', () => {
    const check = fieldsToCheck(new Set(['displayName']));
    expect(checkUserDraft({ ...ok, username: 'taken', password: undefined }, env, check)).toEqual([]);
    expect([...fieldsToCheck(new Set(['role']))].sort()).toEqual(['agencyId', 'department', 'role']);
  });
});

describe('firstError', () => {
  it('puts input mistakes before permission before conflicts', () => {
    const errs = checkUserDraft({ ...ok, username: 'taken', role: 'national-office', regionCode: '330399' }, env);
    expect(errs.map((e) => e.code)).toEqual(['USER_USERNAME_TAKEN', 'USER_ROLE_NOT_ALLOWED', 'REGION_UNKNOWN']);
    expect(firstError(errs)?.code).toBe('REGION_UNKNOWN');
    expect(firstError([])).toBeUndefined();
  });
});

describe('normaliseDraft', () => {
  it('keeps a department only for department reviewers and an agency only for agency staff', () => {
    const d = normaliseDraft({ ...ok, department: 'stats', agencyId: 7, phone: '  ' });
    expect([d.department, d.agencyId, d.phone]).toEqual([null, null, null]);
    const r = normaliseDraft({ ...ok, role: 'department-reviewer', department: ' stats ' });
    expect(r.department).toBe('stats');
    expect(normaliseDraft({ ...ok, role: 'agency-staff', agencyId: 7 }).agencyId).toBe(7);
  });

  it('trims names and codes', () => {
    const d = normaliseDraft({ ...ok, username: ' li ', displayName: ' 李 ', regionCode: ' 330382 ' });
    expect([d.username, d.displayName, d.regionCode]).toEqual(['li', '李', '330382']);
  });
});

describe('isSelfLockout', () => {
  it('stops an actor disabling itself or changing its own role or region', () => {
    expect(isSelfLockout(5, 5, { disabled: true })).toBe(true);
    expect(isSelfLockout(5, 5, { role: true })).toBe(true);
    expect(isSelfLockout(5, 5, { regionCode: true })).toBe(true);
    expect(isSelfLockout(5, 5, { disabled: false })).toBe(false);
    expect(isSelfLockout(5, 6, { disabled: true, role: true })).toBe(false);
  });
});

describe('messageOf', () => {
  it('fills the bilingual message', () => {
    expect(messageOf({ field: 'displayName', code: 'USER_FIELD_REQUIRED', params: { field: 'displayName', fieldZh: '姓名' } })).toEqual({
      zh: '姓名不能为空',
      en: 'displayName is required',
    });
  });
});
