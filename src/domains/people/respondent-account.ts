// 普查对象账号 made by the enterprise itself when it redeems an invitation code (survey domain):
// the same username, name and password rules as an account an office makes, the same row and
// audit, linked to the source; the new user is its own actor in the audit log.
import type { Db, Tx } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { levelOf, scopePrefixOf, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { isUniqueViolation } from './common.sql.ts';
import { checkUserDraft, firstError, normaliseDraft, type UserDraft } from './user-rules.ts';
import { userSnapshot, userView } from './users.ts';
import * as q from './users.sql.ts';

export interface RespondentAccount {
  username: string;
  displayName: string;
  password: string;
  regionCode: string;
}

const CHECKED = new Set(['username', 'displayName', 'password'] as const);

/** The draft, normalised and checked (username free and well-formed, name, strong password); throws the first fault. */
export async function checkRespondentAccount(db: Db, a: RespondentAccount): Promise<UserDraft> {
  const d = normaliseDraft({ ...a, role: 'respondent', department: null, agencyId: null, phone: null });
  const taken = await q.takenUsernames(db, d.username ? [d.username] : []);
  const err = firstError(checkUserDraft(d, {
    actorRole: 'regional-office', actorScopePrefix: '', regionExists: () => true, agencyVisible: () => false,
    usernameTaken: (n) => taken.has(n.toLowerCase()),
  }, CHECKED));
  if (err) throw new AppError(err.code, err.params);
  return d;
}

/** Inserts the respondent linked to its source and audits `user.create` as that user; returns the view and the actor. */
export async function insertRespondentAccount(trx: Tx, d: UserDraft, passwordHash: string, sourceId: number): Promise<{ view: ReturnType<typeof userView>; actor: Actor }> {
  let id: number;
  try {
    id = await q.insertUser(trx, { ...d, passwordHash });
  } catch (e) {
    if (isUniqueViolation(e, 'users_username_uq')) throw new AppError('USER_USERNAME_TAKEN', { username: d.username });
    throw e;
  }
  if (!(await q.linkSource(trx, id, sourceId))) throw new AppError('USER_SOURCE_INVALID', { detail: String(sourceId) });
  const view = userView((await q.getUser(trx, id, ''))!);
  const actor: Actor = {
    id, username: view.username, role: 'respondent', regionCode: view.regionCode, scopePrefix: scopePrefixOf(view.regionCode),
    scopeLevel: levelOf(view.regionCode), department: null, agencyId: null, sourceId,
  };
  await recordAudit(trx, actor, { action: 'user.create', entity: 'user', entityId: id, regionCode: view.regionCode, after: { ...userSnapshot(view), via: 'invitation' } });
  return { view, actor };
}
