// The gate in front of every route: who is calling, is the CSRF token right, and
// may this role do this route's action. Runs before any handler.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';
import { SYSTEM } from '../domains/access/actor.ts';
import { can } from '../domains/access/policy.ts';
import { SESSION_COOKIE, resolveSession, sameToken } from '../domains/access/session.ts';
import type { RouteInfo } from './context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuth(app: FastifyInstance) {
  app.decorate('routeTable', [] as RouteInfo[]);

  // A route that names no action and is not public cannot be registered.
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const cfg = route.config ?? {};
    const isApi = url.startsWith('/api/');
    if (isApi && !cfg.public && !cfg.action) {
      throw new Error(`route ${methods.join(',')} ${url} declares neither config.action nor config.public`);
    }
    if (/:(id|code)\b/.test(url) && cfg.action && !cfg.resource) {
      throw new Error(`route ${url} names a row but declares no config.resource`);
    }
    const query = Object.keys((route.schema?.querystring as { properties?: object } | undefined)?.properties ?? {});
    for (const m of methods) {
      if (m === 'HEAD') continue;
      app.routeTable.push({ method: m, url, action: cfg.action, public: !!cfg.public, resource: cfg.resource, query });
    }
  });

  // onRequest, before the body is read or validated: a caller without the right
  // gets 401/403 whatever it sent, and an upload from a stranger is never parsed.
  app.addHook('onRequest', async (req) => {
    const cfg = req.routeOptions.config ?? {};
    if (cfg.public || !cfg.action) return;
    await authenticate(app, req);
    const actor = req.actor!;
    if (!can(actor.role, actor.scopeLevel, cfg.action)) throw new AppError('AUTH_FORBIDDEN');
  });
}

async function authenticate(app: FastifyInstance, req: FastifyRequest) {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    // The local CLI's token (read from the 0600 lock file) acts as the system.
    if (app.ctx.localToken && sameToken(auth.slice(7), app.ctx.localToken)) {
      req.actor = SYSTEM;
      return;
    }
    throw new AppError('AUTH_REQUIRED');
  }
  const token = req.cookies[SESSION_COOKIE];
  if (!token) throw new AppError('AUTH_REQUIRED');
  const s = await resolveSession(app.ctx.db, token);
  if (!s) throw new AppError('AUTH_REQUIRED');
  if (!SAFE_METHODS.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, s.csrfToken)) throw new AppError('AUTH_CSRF');
  }
  req.actor = s.actor;
  req.session = s;
}

/** The caller of a route that passed the gate. */
export function actorOf(req: FastifyRequest) {
  if (!req.actor) throw new AppError('AUTH_REQUIRED');
  return req.actor;
}
