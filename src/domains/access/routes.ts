// HTTP edge of sessions: log in, who am I, log out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/index.ts';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../core/errors.ts';
import { RateLimiter } from '../../server/rate-limit.ts';
import { actorOf } from '../../server/auth.ts';
import { permissionsOf } from './policy.ts';
import { SESSION_COOKIE, login, logout, resolveSession, type SessionView } from './session.ts';
import { SESSION_IDLE_MS } from './session.sql.ts';

export async function sessionRoutes(app: FastifyInstance) {
  const { db } = app.ctx;
  const perAddress = new RateLimiter(db, 'login', 30, 5 * 60_000); // 30 login attempts per address per 5 minutes, all processes together
  const tags = ['session'];

  app.post('/api/v1/session', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Log in',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) }),
    },
  }, async (req, reply) => {
    const wait = await perAddress.hit(req.ip);
    if (wait) throw new AppError('AUTH_LOCKED', { minutes: Math.ceil(wait / 60) });
    const { username, password } = req.body as { username: string; password: string };
    return openSession(db, req, reply, username, password);
  });

  app.get('/api/v1/session', { config: { action: 'session.read' }, schema: { tags, summary: 'The current session' } }, async (req) => {
    if (req.session) return sessionBody(req.session);
    // The CLI's bearer token has no cookie session.
    const a = actorOf(req);
    return { username: a.username, role: a.role, regionCode: a.regionCode, displayName: a.username, regionName: '全国', sourceId: a.sourceId ?? null, csrfToken: '', permissions: permissionsOf(a.role, a.scopeLevel) };
  });

  app.delete('/api/v1/session', { config: { action: 'session.read' }, schema: { tags, summary: 'Log out' } }, async (req, reply) => {
    if (req.session) await logout(db, req.session.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}

/** Logs in, sets the session cookie and answers what `GET /session` does (also after an invitation is redeemed). */
export async function openSession(db: Db, req: FastifyRequest, reply: FastifyReply, username: string, password: string) {
  const { token } = await login(db, username, password);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  });
  const s = await resolveSession(db, token);
  return sessionBody(s!);
}

function sessionBody(s: SessionView) {
  const a = s.actor;
  return {
    username: a.username,
    role: a.role,
    regionCode: a.regionCode,
    regionName: s.regionName,
    displayName: s.displayName,
    department: a.department,
    agencyId: a.agencyId,
    // A respondent's own source, so the console can open its survey (null for every other role).
    sourceId: a.sourceId ?? null,
    csrfToken: s.csrfToken,
    permissions: permissionsOf(a.role, a.scopeLevel),
  };
}
