// 门户 the public site: server-rendered pages in Chinese (/) and English (/en/), feeds, sitemap,
// results downloads and images. Registered as one Fastify plugin.
export { portalSiteRoutes, SITES } from './routes.ts';
