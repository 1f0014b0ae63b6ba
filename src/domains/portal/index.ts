// 门户 the public portal: the editing API (articles, images, links, results datasets) and the
// public site (site/). Other domains import from here only.
export { portalRoutes } from './routes.ts';
export { publishDue, createArticle, submitArticle, approveArticle } from './articles.ts';
export { createDataset } from './datasets.ts';
export { createLink } from './links.ts';
export { bumpPortal, portalGeneration, PAGE_TTL_MS } from './cache.ts';
