// SQL of logins and sessions.
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import { forgetSessions } from './session-cache.ts';

export const SESSION_IDLE_MS = 8 * 3600_000; // a session ends after 8 idle hours
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export async function findLoginUser(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'disabled', 'failed_logins', 'locked_until'])
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

/** Counts a failure; locks the account when the count reaches the limit. Returns the new lock end. */
export async function recordLoginFailure(db: Db, userId: number): Promise<Date | null> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: sql`CASE WHEN failed_logins + 1 >= ${LOCK_AFTER_FAILURES}
        THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE locked_until END`,
    }))
    .where('id', '=', userId)
    .returning(['locked_until', 'failed_logins'])
    .executeTakeFirst();
  return row && row.failed_logins >= LOCK_AFTER_FAILURES ? (row.locked_until as Date) : null;
}

export async function createSession(db: Db, id: string, userId: number, csrf: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
    // Old sessions of the user that have expired are swept on each login.
    await trx.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<', new Date()).execute();
    await trx
      .insertInto('sessions')
      .values({ id, user_id: userId, csrf_token: csrf, expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
      .execute();
  });
}

export async function findSession(db: Db, id: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.expires_at as expiresAt',
      's.last_seen_at as lastSeenAt',
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.region_code as regionCode',
      'u.department',
      'u.agency_id as agencyId',
      'u.source_id as sourceId',
      'u.disabled',
      'r.name as regionName',
      'r.scope_prefix as scopePrefix',
      'r.level as scopeLevel',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Slides the idle expiry forward; called at most once a minute per session. */
export async function touchSession(db: Db, id: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
    .where('id', '=', id)
    .execute();
}

/** Ends a session; every process has dropped its cached read when this resolves (logout is at once everywhere). */
export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
  await forgetSessions();
}

/** Ends a user's sessions inside the transaction changing the user: other processes drop their reads at its commit. */
export async function deleteUserSessions(trx: Db | Tx, userId: number) {
  await forgetSessions(trx);
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
