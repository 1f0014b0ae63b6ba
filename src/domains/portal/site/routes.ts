// The public site's routes (docs/portal-api.md, "Public site"): all public, none under /api/.
// Pages come from the render cache; the view count is put into an article page as it is sent.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PortalLang } from '../../../core/db/schema-portal.ts';
import { errorBody } from '../../../core/errors.ts';
import { MEDIA_SRC } from '../content/sanitize.ts';
import { RenderCache } from './cache.ts';
import { atomXml, robotsTxt, sitemapXml } from './feeds.ts';
import { LANGS, SECTIONS } from './i18n.ts';
import type { Font } from './layout.ts';
import { Site, type Rendered } from './render.ts';
import { figuresCsv, figuresXlsx } from './results.ts';
import * as q from './site.sql.ts';
import { CRAWLER, VISITOR_COOKIE, ViewCounter, visitorOf } from './views.ts';

const PUBLIC = { config: { public: true }, schema: { hide: true } } as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const YEAR = 365 * 24 * 3600;
const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const NOT_PORTAL = /^\/(api|console|docs)(\/|$)/;

/** What the site keeps per app (tests reach the counter through it). */
export const SITES = new WeakMap<object, { views: ViewCounter; pages: RenderCache<Rendered> }>();

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const fontOf = (req: FastifyRequest): Font => {
  const f = req.cookies.pfont;
  return f === 'l' || f === 's' ? f : 'm';
};
const langOf = (url: string): PortalLang => (url === '/en' || url.startsWith('/en/') ? 'en' : 'zh');
/** ?page=N: anything but a positive whole number is page 1. */
const pageOf = (v: unknown) => (/^[1-9]\d{0,5}$/.test(str(v)) ? Number(str(v)) : 1);

/** PUCHA_PUBLIC_URL when set, else the address the reader used. */
function baseOf(req: FastifyRequest): { base: string; fixed: boolean } {
  const env = process.env.PUCHA_PUBLIC_URL?.trim().replace(/\/+$/, '');
  return env ? { base: env, fixed: true } : { base: `${req.protocol}://${req.host}`, fixed: false };
}

export async function portalSiteRoutes(app: FastifyInstance) {
  const ctx = app.ctx;
  const views = new ViewCounter(ctx.db);
  const pages = new RenderCache<Rendered>();
  const cssText = fs.readFileSync(new URL('./portal.css', import.meta.url), 'utf8');
  const cssHref = `/portal.css?v=${createHash('sha256').update(cssText).digest('hex').slice(0, 10)}`;
  const site = new Site(ctx.db, views, cssHref);
  SITES.set(ctx, { views, pages });
  views.start();
  app.addHook('onClose', async () => views.close());

  // ?font=l|m|s on any page: remembered in a cookie, then the same page without it.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    const query = req.query as Record<string, unknown>;
    if (query.font === undefined) return;
    const f = str(query.font);
    if (f === 'l' || f === 'm' || f === 's') reply.setCookie('pfont', f, { path: '/', maxAge: YEAR, sameSite: 'lax', httpOnly: true, secure: req.protocol === 'https' });
    const [p, qs = ''] = req.url.split('?');
    const rest = new URLSearchParams(qs);
    rest.delete('font');
    // Only a path of this site: never '//host' or '/\host'.
    const target = /^\/(?![/\\])/.test(p) ? p : '/';
    return reply.redirect(target + (rest.size ? `?${rest}` : ''), 303);
  });

  /** Sends a rendered page: the view counted and filled in, the visitor's cookie set. */
  async function send(req: FastifyRequest, reply: FastifyReply, r: Rendered) {
    const ua = req.headers['user-agent'] ?? '';
    const crawler = CRAWLER.test(ua);
    let body: string;
    if (!crawler) {
      const cookie = req.cookies[VISITOR_COOKIE];
      const v = visitorOf(cookie, req.ip, ua, ctx.config.secret);
      if (v.fresh) reply.setCookie(VISITOR_COOKIE, v.id, { path: '/', maxAge: YEAR, sameSite: 'lax', httpOnly: true, secure: req.protocol === 'https' });
      if (r.article !== undefined && r.status === 200 && req.method === 'GET') views.hit(r.article, v.id);
    }
    if (r.article !== undefined) body = r.parts[0] + String(views.count(r.article)) + r.parts[1];
    else body = r.parts[0];
    return reply.code(r.status).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(body);
  }

  const cached = (req: FastifyRequest, key: string, render: (base: string) => Promise<Rendered>) => {
    const { base, fixed } = baseOf(req);
    return pages.get(`${fixed ? '' : base}|${key}|${fontOf(req)}`, () => render(base));
  };

  const notFound = async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0];
    return send(req, reply, await site.notFound(langOf(path), fontOf(req), baseOf(req).base, path));
  };

  for (const lang of LANGS) {
    const pre = lang === 'en' ? '/en' : '';
    app.get(lang === 'en' ? '/en/' : '/', PUBLIC, async (req, reply) => send(req, reply, await cached(req, `home|${lang}`, (b) => site.home(lang, fontOf(req), b))));

    for (const section of SECTIONS) {
      app.get(`${pre}/${section}`, PUBLIC, (_req, reply) => reply.redirect(`${pre}/${section}/`, 301));
      app.get(`${pre}/${section}/`, PUBLIC, async (req, reply) => {
        const page = pageOf((req.query as Record<string, unknown>).page);
        const r = await cached(req, `list|${lang}|${section}|${page}`, (b) => site.list(lang, section, page, fontOf(req), b));
        return send(req, reply, r);
      });
      app.get(`${pre}/${section}/:slug`, PUBLIC, async (req, reply) => {
        const { slug } = req.params as { slug: string };
        if (!SLUG.test(slug) || slug.length > 80) return notFound(req, reply);
        const print = str((req.query as Record<string, unknown>).print) === '1';
        const r = await cached(req, `article|${lang}|${section}|${slug}|${print ? 'p' : ''}`, (b) => site.article(lang, section, slug, print, fontOf(req), b));
        return send(req, reply, r);
      });
    }

    for (const ext of ['csv', 'xlsx'] as const) {
      app.get(`${pre}/results/:slug/data.${ext}`, PUBLIC, async (req, reply) => {
        const { slug } = req.params as { slug: string };
        const found = SLUG.test(slug) ? await site.figures(lang, slug) : null;
        if (!found) return notFound(req, reply);
        reply.header('Content-Disposition', `attachment; filename="${slug}.${ext}"`).header('Cache-Control', 'no-cache');
        if (ext === 'csv') return reply.type('text/csv; charset=utf-8').send(figuresCsv(lang, found.figures));
        return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await figuresXlsx(lang, found.figures, found.title));
      });
    }

    app.get(`${pre}/search`, PUBLIC, async (req, reply) => {
      const query = req.query as Record<string, unknown>;
      const text = str(query.q).trim().slice(0, 100);
      return send(req, reply, await site.search(lang, text, pageOf(query.page), fontOf(req), baseOf(req).base));
    });

    app.get(`${pre}/feed.xml`, PUBLIC, async (req, reply) => {
      const { base } = baseOf(req);
      const xml = await pages.get(`feed|${lang}|${base}`, async () => ({ status: 200, parts: [atomXml(base, lang, await q.feedEntries(ctx.db, lang, 50))] }));
      return reply.type('application/atom+xml; charset=utf-8').header('Cache-Control', 'public, max-age=60').send(xml.parts[0]);
    });
  }
  app.get('/en', PUBLIC, (_req, reply) => reply.redirect('/en/', 301));

  app.get('/sitemap.xml', PUBLIC, async (req, reply) => {
    const { base } = baseOf(req);
    const xml = await pages.get(`sitemap|${base}`, async () => ({ status: 200, parts: [sitemapXml(base, await q.sitemapEntries(ctx.db))] }));
    return reply.type('application/xml; charset=utf-8').header('Cache-Control', 'public, max-age=60').send(xml.parts[0]);
  });
  app.get('/robots.txt', PUBLIC, async (req, reply) => reply.type('text/plain; charset=utf-8').send(robotsTxt(baseOf(req).base)));
  app.get('/portal.css', PUBLIC, async (req, reply) => {
    // Versioned by its hash in the pages' link: an address that never changes its bytes.
    const versioned = str((req.query as Record<string, unknown>).v) === cssHref.split('=')[1];
    return reply.type('text/css; charset=utf-8').header('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300').send(cssText);
  });

  const imagesDir = path.join(ctx.config.dataDir, 'portal-images');
  app.get('/media/:file', PUBLIC, async (req, reply) => {
    const { file } = req.params as { file: string };
    if (!MEDIA_SRC.test(`/media/${file}`)) return notFound(req, reply);
    const bytes = await fs.promises.readFile(path.join(imagesDir, file)).catch(() => null);
    if (!bytes) return notFound(req, reply);
    return reply.type(MIME[file.split('.').pop()!]).header('Cache-Control', 'public, max-age=31536000, immutable').send(bytes);
  });

  // Every other address that is not the API's, the console's or the docs': the portal's 404 page.
  app.get('/*', PUBLIC, async (req, reply) => {
    if (NOT_PORTAL.test(req.url)) return reply.status(404).send(errorBody('ROUTE_NOT_FOUND'));
    return notFound(req, reply);
  });
}
