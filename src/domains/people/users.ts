// 用户 users: accounts of every role, created and changed by the census offices
// within their scope. Each change writes its audit row in its own transaction.
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { canGrant, deleteUserSessions, hashPassword, scopePrefixOf, type Actor, type Role } from '../access/index.ts';
import { recordAudit, type AuditEntry } from '../audit/index.ts';
import { existingRegions, isUniqueViolation, narrowScope, page, visibleAgencyIds } from './common.sql.ts';
import {
  checkUserDraft,
  fieldsToCheck,
  firstError,
  isSelfLockout,
  normaliseDraft,
  type RuleEnv,
  type UserDraft,
  type UserField,
} from './user-rules.ts';
import * as q from './users.sql.ts';

export function userView(r: q.UserRow) {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    regionCode: r.region_code,
    regionName: r.region_name,
    department: r.department,
    agencyId: r.agency_id === null ? null : Number(r.agency_id),
    agencyName: r.agency_name,
    sourceId: r.source_id === null ? null : Number(r.source_id),
    phone: r.phone,
    disabled: r.disabled,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type UserView = ReturnType<typeof userView>;

/** What the audit keeps of a user: everything but secrets and bookkeeping. */
function snapshot(u: { username: string; displayName: string; role: string; regionCode: string; department: string | null; agencyId: number | null; phone: string | null; disabled: boolean; sourceId?: number | null }) {
  const { username, displayName, role, regionCode, department, agencyId, phone, disabled, sourceId } = u;
  return { username, displayName, role, regionCode, department, agencyId, phone, disabled, ...(sourceId ? { sourceId } : {}) };
}

const pick = <T extends object>(o: T, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));

/** Looks up, in three queries, what the rules need to judge these drafts. */
export async function loadRuleEnv(db: Db, actor: Actor, drafts: UserDraft[], opts: { usernames: boolean }): Promise<RuleEnv> {
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  const [regions, agencies, taken] = await Promise.all([
    existingRegions(db, unique(drafts.map((d) => d.regionCode).filter(Boolean))),
    visibleAgencyIds(db, actor.scopePrefix, unique(drafts.flatMap((d) => (d.agencyId === null ? [] : [d.agencyId])))),
    opts.usernames ? q.takenUsernames(db, unique(drafts.map((d) => d.username).filter(Boolean))) : Promise.resolve(new Set<string>()),
  ]);
  return {
    actorRole: actor.role,
    actorScopePrefix: actor.scopePrefix,
    regionExists: (c) => regions.has(c),
    agencyVisible: (id) => agencies.has(id),
    usernameTaken: (n) => taken.has(n.toLowerCase()),
  };
}

export interface UserListQuery {
  q?: string;
  role?: string;
  region?: string;
  disabled?: boolean;
  cursor?: string;
  limit?: number;
}

export async function listUsers(db: Db, actor: Actor, f: UserListQuery) {
  const prefix = narrowScope(actor.scopePrefix, f.region === undefined ? undefined : scopePrefixOf(f.region));
  if (prefix === null) return { items: [], nextCursor: null };
  const limit = f.limit ?? 50;
  const rows = await q.listUsers(db, {
    scopePrefix: prefix,
    q: f.q?.trim() || undefined,
    role: f.role,
    disabled: f.disabled,
    before: f.cursor ? Number(f.cursor) : undefined,
    limit,
  });
  return page(rows, limit, userView);
}

export async function getUser(db: Db, actor: Actor, id: number) {
  const r = await q.getUser(db, id, actor.scopePrefix);
  if (!r) throw new AppError('USER_NOT_FOUND');
  return userView(r);
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: string;
  regionCode: string;
  department?: string | null;
  agencyId?: number | null;
  phone?: string | null;
  /** A respondent's own source (普查对象账号 → 普查对象). */
  sourceId?: number | null;
}

export async function createUser(db: Db, actor: Actor, input: UserInput) {
  const d = normaliseDraft({ ...input, department: input.department ?? null, agencyId: input.agencyId ?? null, phone: input.phone ?? null });
  const err = firstError(checkUserDraft(d, await loadRuleEnv(db, actor, [d], { usernames: true })));
  if (err) throw new AppError(err.code, err.params);
  const sourceId = input.sourceId ?? null;
  if (sourceId !== null) {
    if (d.role !== 'respondent') throw new AppError('USER_SOURCE_INVALID', { detail: d.role });
    if (!(await q.sourceInScope(db, sourceId, actor.scopePrefix))) throw new AppError('USER_SOURCE_INVALID', { detail: String(sourceId) });
  }
  // Hash before the transaction: scrypt is slow on purpose and must not hold the database.
  const passwordHash = await hashPassword(d.password!);
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await q.insertUser(trx, { ...d, passwordHash });
      if (sourceId !== null && !(await q.linkSource(trx, id, sourceId))) throw new AppError('USER_SOURCE_INVALID', { detail: String(sourceId) });
      const view = userView((await q.getUser(trx, id, ''))!);
      await recordAudit(trx, actor, { action: 'user.create', entity: 'user', entityId: id, regionCode: view.regionCode, after: snapshot(view) });
      return view;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'users_username_uq')) throw new AppError('USER_USERNAME_TAKEN', { username: d.username });
    throw e;
  }
}

export interface UserPatch {
  version: number;
  displayName?: string;
  role?: string;
  regionCode?: string;
  department?: string | null;
  agencyId?: number | null;
  phone?: string | null;
  disabled?: boolean;
  password?: string;
}

const PROFILE_FIELDS = ['displayName', 'role', 'regionCode', 'department', 'agencyId', 'phone'] as const;

export async function updateUser(db: Db, actor: Actor, id: number, p: UserPatch) {
  const row = await q.getUser(db, id, actor.scopePrefix);
  if (!row) throw new AppError('USER_NOT_FOUND');
  const cur = userView(row);
  // An office edits only the accounts it could have created.
  if (!canGrant(actor.role, cur.role)) throw new AppError('USER_ROLE_NOT_ALLOWED', { role: cur.role });
  if (p.version !== cur.version) throw new AppError('VERSION_CONFLICT');

  const next = normaliseDraft({
    username: cur.username,
    displayName: p.displayName ?? cur.displayName,
    role: p.role ?? cur.role,
    regionCode: p.regionCode ?? cur.regionCode,
    department: p.department !== undefined ? p.department : cur.department,
    agencyId: p.agencyId !== undefined ? p.agencyId : cur.agencyId,
    phone: p.phone !== undefined ? p.phone : cur.phone,
    password: p.password,
  });
  const changed = new Set<UserField>(PROFILE_FIELDS.filter((f) => next[f] !== cur[f]));
  if (p.password !== undefined) changed.add('password');
  const disabledChanged = p.disabled !== undefined && p.disabled !== cur.disabled;
  if (isSelfLockout(actor.id, cur.id, { disabled: disabledChanged && p.disabled, role: changed.has('role'), regionCode: changed.has('regionCode') })) {
    throw new AppError('USER_SELF_LOCKOUT');
  }
  const err = firstError(checkUserDraft(next, await loadRuleEnv(db, actor, [next], { usernames: false }), fieldsToCheck(changed)));
  if (err) throw new AppError(err.code, err.params);
  if (changed.size === 0 && !disabledChanged) return cur;

  const passwordHash = p.password !== undefined ? await hashPassword(p.password) : undefined;
  const profile = PROFILE_FIELDS.filter((f) => changed.has(f));
  return db.transaction().execute(async (trx) => {
    const ok = await q.updateUser(trx, id, p.version, {
      ...pick(next, profile),
      ...(disabledChanged ? { disabled: p.disabled } : {}),
      ...(passwordHash ? { passwordHash } : {}),
    });
    if (ok === undefined) throw new AppError('VERSION_CONFLICT');
    // Whoever held a session under the old password, role or region, or is now disabled, logs in again.
    if (p.disabled === true || changed.has('password') || changed.has('role') || changed.has('regionCode')) {
      await deleteUserSessions(trx, id);
    }
    const view = userView((await q.getUser(trx, id, ''))!);
    const audit = (e: Omit<AuditEntry, 'entity' | 'entityId' | 'regionCode'>) =>
      recordAudit(trx, actor, { ...e, entity: 'user', entityId: id, regionCode: view.regionCode });
    if (profile.length) await audit({ action: 'user.update', before: pick(cur, profile), after: pick(view, profile) });
    if (disabledChanged) {
      await audit({ action: p.disabled ? 'user.disable' : 'user.enable', before: { disabled: cur.disabled }, after: { disabled: view.disabled } });
    }
    if (passwordHash) await audit({ action: 'user.password', after: { passwordChanged: true } });
    return view;
  });
}

export { snapshot as userSnapshot };
