// Security headers on every answer; a strict content security policy on pages.
import type { FastifyInstance } from 'fastify';

// Ant Design writes its styles at run time, hence 'unsafe-inline' for styles only.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

// The public portal runs no script and loads only its own stylesheet and images (docs/portal-api.md).
const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
// Everything but the API, the console, the docs and the operators' endpoints is the portal.
const NOT_PORTAL = /^\/(api|console|docs|metrics|healthz)(\/|\?|$)/;

export function installSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!NOT_PORTAL.test(req.url)) reply.header('Content-Security-Policy', PORTAL_CSP);
    else if (!req.url.startsWith('/docs')) reply.header('Content-Security-Policy', CSP);
    // API answers are not cached, but for files a route marks cacheable itself (photos, attachments: an id never changes its bytes).
    if (req.url.startsWith('/api/') && (reply.statusCode >= 400 || !reply.hasHeader('Cache-Control'))) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
