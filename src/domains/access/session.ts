// Login, session lookup and logout. Tokens live only in the HttpOnly cookie; the
// database keeps their SHA-256, so a leaked table opens no session.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from './actor.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { isRole } from './roles.ts';
import * as q from './session.sql.ts';
import { cachedSession } from './session-cache.ts';

export const SESSION_COOKIE = 'pucha_sid';

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function minutesLeft(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
}

/** Checks the password and opens a session; returns the cookie token. */
export async function login(db: Db, username: string, password: string): Promise<{ token: string; csrf: string }> {
  const user = await q.findLoginUser(db, username);
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const lockedUntil = user.locked_until ? new Date(user.locked_until) : null;
  if (lockedUntil && lockedUntil > new Date()) {
    throw new AppError('AUTH_LOCKED', { minutes: minutesLeft(lockedUntil) });
  }
  const ok = await verifyPassword(password, user.password_hash);
  if (!ok || user.disabled) {
    if (!ok) {
      const lock = await q.recordLoginFailure(db, user.id);
      if (lock) throw new AppError('AUTH_LOCKED', { minutes: minutesLeft(lock) });
    }
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await q.createSession(db, tokenId(token), user.id, csrf);
  return { token, csrf };
}

export interface SessionView {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  displayName: string;
  regionName: string;
}

/** The live session of a cookie token, or undefined when it is unknown, expired or its user disabled. */
export async function resolveSession(db: Db, token: string): Promise<SessionView | undefined> {
  const id = tokenId(token);
  const s = await cachedSession(id, () => q.findSession(db, id));
  if (!s || s.disabled || !isRole(s.role)) return undefined;
  if (new Date(s.expiresAt) < new Date()) {
    await q.deleteSession(db, s.sessionId);
    return undefined;
  }
  if (Date.now() - new Date(s.lastSeenAt).getTime() > 60_000) {
    await q.touchSession(db, s.sessionId);
    s.lastSeenAt = new Date();
    s.expiresAt = new Date(Date.now() + q.SESSION_IDLE_MS);
  }
  return {
    sessionId: s.sessionId,
    csrfToken: s.csrfToken,
    displayName: s.displayName,
    regionName: s.regionName,
    actor: {
      id: s.id,
      username: s.username,
      role: s.role,
      regionCode: s.regionCode,
      scopePrefix: s.scopePrefix,
      scopeLevel: s.scopeLevel,
      department: s.department,
      agencyId: s.agencyId,
      sourceId: s.sourceId,
    },
  };
}

export const logout = (db: Db, sessionId: string) => q.deleteSession(db, sessionId);
