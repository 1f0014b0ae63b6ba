// Builds the HTTP server: plugins, the gate, every domain's routes, the console.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { AppContext } from './context.ts';
import { installAuth } from './auth.ts';
import { installErrorHandler } from './error-handler.ts';
import { closeAfterLinger, UPLOAD_LIMIT } from './file-upload.ts';
import { installMetrics } from './metrics.ts';
import { installSecurityHeaders } from './security.ts';
import { installValidation } from './validation.ts';
import { installTextGuard } from './text-guard.ts';
import { DOMAINS } from './domains.ts';
import { sql } from '../core/db/index.ts';
import { errorBody } from '../core/errors.ts';

export { UPLOAD_LIMIT };
export const CONSOLE_BASE = '/console/';

const NUDGING = /^\/api\/v1\/(submissions|review|sources\/\d+\/survey|accounting)/;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });
  app.decorate('ctx', ctx);
  installValidation(app);

  installErrorHandler(app, UPLOAD_LIMIT);
  installSecurityHeaders(app);
  installTextGuard(app);
  await app.register(cookie, { secret: ctx.config.secret || undefined });
  installAuth(app); // after the cookie parser: both are onRequest hooks, run in order
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10, parts: 12 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Pucha API', version: '1', description: 'The API of Pucha, the pollution-source census platform. Errors answer { error: { code, status, message: { zh, en } } }.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pucha_sid' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  installMetrics(app);

  app.get('/healthz', { config: { public: true }, schema: { tags: ['health'] } }, async () => {
    await sql`select 1`.execute(ctx.db);
    return { status: 'ok', database: ctx.database.kind };
  });
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  // A change the chores settle (a survey form saved, a review action: emissions to recompute)
  // went through: let the worker look now rather than at its next poll.
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400 && NUDGING.test(req.url)) ctx.jobs.nudge();
  });

  // An upload refused before its end (too large, wrong type) is not read further: its connection
  // is closed, or it would wait, paused, on a body nobody reads until the keep-alive timeout.
  app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode >= 400 && !req.raw.complete && req.isMultipart()) closeAfterLinger(req.raw);
  });

  for (const d of DOMAINS) {
    if (d.routes) await app.register(d.routes);
    for (const j of d.jobs ?? []) ctx.jobs.register(j);
    for (const c of d.chores ?? []) ctx.jobs.addChore(c);
  }

  await serveConsole(app, ctx.config.webDist);
  return app;
}

/** The built console under /console/, with the single-page fallback. */
async function serveConsole(app: FastifyInstance, dist: string) {
  const index = path.join(dist, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, { root: dist, prefix: CONSOLE_BASE, wildcard: false, index: false });
  }
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    if (!built) return reply.status(503).type('text/plain; charset=utf-8').send('The console is not built: run `npm run build`.');
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(fs.createReadStream(index));
  };
  app.get('/console', { config: { public: true }, schema: { hide: true } }, (_req, reply) => reply.redirect(CONSOLE_BASE));
  app.get('/console/*', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    const file = path.join(dist, rel);
    if (built && rel && file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      // Hashed assets never change; the service worker must always be fresh.
      if (rel.startsWith('assets/')) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      else reply.header('Cache-Control', 'no-cache');
      return reply.sendFile(rel);
    }
    if (/\.\w+$/.test(rel)) return reply.status(404).send(errorBody('ROUTE_NOT_FOUND'));
    return sendIndex(req, reply);
  });
  // The root is the public portal's home (src/domains/portal/site), registered with the domains.
}
