// HTTP edge of the portal's editing API (docs/portal-api.md, "Editing API"). The public pages
// are the site's (site/), with no /api/ address.
import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import * as a from './articles.ts';
import { createDataset, getDataset, listDatasets } from './datasets.ts';
import { listImages, uploadImage } from './images.ts';
import { createLink, deleteLink, editLink, listLinks, type LinkBody } from './links.ts';
import { LANGS, SECTIONS, STATUSES } from './rules.ts';
import type { PortalLang, PortalSection, PortalStatus } from '../../core/db/schema-portal.ts';

const lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const body = (props: Record<string, TSchema>) => Type.Object(props, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
const Version = Type.Integer({ minimum: 1 });
const Text = (max: number) => Type.String({ maxLength: max });
const Format = lit(['markdown', 'html']);
const ImageId = Type.String({ pattern: '^[0-9a-f]{24}$' });
const Content = {
  title: Text(400), summary: Type.Optional(Text(1000)), format: Format, body: Text(400_000), publisher: Type.Optional(Text(100)), source: Type.Optional(Text(200)),
  coverImage: Type.Optional(Type.Union([ImageId, Type.Null()])),
};
const Slug = Type.String({ maxLength: 200 });
const DateTime = Type.String({ format: 'date-time' });

export async function portalRoutes(app: FastifyInstance) {
  const { db, config } = app.ctx;
  const tags = ['portal'];
  const base = '/api/v1/portal';
  const id = (req: { params: unknown }) => (req.params as { id: number }).id;
  const art = { config: { action: 'portal.write' as const, resource: 'portal-article' as const } };

  app.get(`${base}/articles`, {
    config: { action: 'portal.read' },
    schema: { tags, summary: 'Articles of the caller\'s scope, newest change first', querystring: Type.Object({ section: Type.Optional(lit(SECTIONS)), lang: Type.Optional(lit(LANGS)), status: Type.Optional(lit(STATUSES)), q: Type.Optional(Text(100)), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}\\.[0-9]{1,16}$' })) }) },
  }, async (req) => a.listArticles(db, actorOf(req), req.query as { section?: PortalSection; lang?: PortalLang; status?: PortalStatus; q?: string; limit?: number; cursor?: string }));
  app.post(`${base}/articles`, {
    config: { action: 'portal.write' },
    schema: { tags, summary: 'Write a new article (a new story, or with translationOf the other language of one)', body: body({ ...Content, section: Type.Optional(lit(SECTIONS)), slug: Type.Optional(Slug), lang: lit(LANGS), translationOf: Type.Optional(Type.Integer({ minimum: 1 })), datasetId: Type.Optional(Type.Integer({ minimum: 1 })) }) },
  }, async (req, reply) => reply.status(201).send(await a.createArticle(db, actorOf(req), req.body as a.CreateBody)));
  app.get(`${base}/articles/:id`, { config: { action: 'portal.read', resource: 'portal-article' }, schema: { tags, summary: 'An article with its text, the HTML the page shows and its other language', params: IdParams } }, async (req) => a.getArticle(db, actorOf(req), id(req)));
  app.patch(`${base}/articles/:id`, {
    ...art, schema: { tags, summary: 'Edit a draft or an unpublished article', params: IdParams, body: body({ version: Version, title: Type.Optional(Text(400)), summary: Type.Optional(Text(1000)), format: Type.Optional(Format), body: Type.Optional(Text(400_000)), publisher: Type.Optional(Text(100)), source: Type.Optional(Text(200)), coverImage: Content.coverImage, slug: Type.Optional(Slug) }) },
  }, async (req) => a.editArticle(db, actorOf(req), id(req), req.body as a.ContentBody & { version: number; slug?: string }));
  app.post(`${base}/articles/:id/submit`, { ...art, schema: { tags, summary: 'Send an article for review', params: IdParams, body: body({ version: Version }) } }, async (req) => a.submitArticle(db, actorOf(req), id(req), (req.body as { version: number }).version));
  app.post(`${base}/articles/:id/approve`, {
    config: { action: 'portal.approve', resource: 'portal-article' },
    schema: { tags, summary: 'Approve an article: published now, or scheduled (not by its own submitter unless an office)', params: IdParams, body: body({ version: Version, publishAt: Type.Optional(DateTime) }) },
  }, async (req) => { const b = req.body as { version: number; publishAt?: string }; return a.approveArticle(db, actorOf(req), id(req), b.version, b.publishAt); });
  app.post(`${base}/articles/:id/reject`, {
    config: { action: 'portal.approve', resource: 'portal-article' },
    schema: { tags, summary: 'Send an article back to its editor with a reason', params: IdParams, body: body({ version: Version, reason: Type.String({ minLength: 1, maxLength: 500 }) }) },
  }, async (req) => { const b = req.body as { version: number; reason: string }; return a.rejectArticle(db, actorOf(req), id(req), b.version, b.reason); });
  app.post(`${base}/articles/:id/unpublish`, {
    config: { action: 'portal.approve', resource: 'portal-article' },
    schema: { tags, summary: 'Take a published or scheduled article off the site', params: IdParams, body: body({ version: Version, reason: Type.Optional(Text(500)) }) },
  }, async (req) => { const b = req.body as { version: number; reason?: string }; return a.unpublishArticle(db, actorOf(req), id(req), b.version, b.reason); });
  app.get(`${base}/articles/:id/history`, { config: { action: 'portal.read', resource: 'portal-article' }, schema: { tags, summary: 'Every saved state of an article', params: IdParams } }, async (req) => a.articleHistory(db, actorOf(req), id(req)));
  app.get(`${base}/articles/:id/history/:rev`, {
    config: { action: 'portal.read', resource: 'portal-article' },
    schema: { tags, summary: 'One saved state of an article, whole', params: Type.Object({ id: IdParams.properties.id, rev: Type.String({ maxLength: 12 }) }) },
  }, async (req) => { const p = req.params as { id: number; rev: string }; return a.articleRevision(db, actorOf(req), p.id, p.rev); });
  app.post(`${base}/preview`, {
    config: { action: 'portal.write' },
    schema: { tags, summary: 'The HTML a body will show as, sanitised exactly as on save', body: body({ format: Format, body: Text(400_000) }) },
  }, async (req) => { const b = req.body as { format: 'markdown' | 'html'; body: string }; return a.preview(b.format, b.body); });

  app.post(`${base}/images`, {
    config: { action: 'portal.write' },
    schema: { tags, summary: 'Upload an image (multipart: file, name?; JPEG, PNG or WebP ≤ 10 MB and 40 megapixels); the same bytes again answer the same image', consumes: ['multipart/form-data'] },
  }, async (req, reply) => { const r = await uploadImage(db, actorOf(req), req, config.dataDir); return reply.status(r.created ? 201 : 200).send(r.image); });
  app.get(`${base}/images`, { config: { action: 'portal.read' }, schema: { tags, summary: 'Uploaded images, newest first', querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }) } }, async (req) => listImages(db, (req.query as { limit?: number }).limit));

  const LinkFields = { nameZh: Type.String({ minLength: 1, maxLength: 100 }), nameEn: Type.String({ minLength: 1, maxLength: 100 }), url: Type.String({ minLength: 8, maxLength: 500 }), position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })) };
  app.get(`${base}/links`, { config: { action: 'portal.read' }, schema: { tags, summary: 'The related-sites links' } }, async () => listLinks(db));
  app.post(`${base}/links`, { config: { action: 'portal.write' }, schema: { tags, summary: 'Add a related-site link', body: body(LinkFields) } }, async (req, reply) => reply.status(201).send(await createLink(db, actorOf(req), req.body as LinkBody)));
  app.patch(`${base}/links/:id`, {
    config: { action: 'portal.write', resource: 'portal-link' },
    schema: { tags, summary: 'Change a link', params: IdParams, body: body({ version: Version, nameZh: Type.Optional(LinkFields.nameZh), nameEn: Type.Optional(LinkFields.nameEn), url: Type.Optional(LinkFields.url), position: LinkFields.position }) },
  }, async (req) => editLink(db, actorOf(req), id(req), req.body as Partial<LinkBody> & { version: number }));
  app.delete(`${base}/links/:id`, { config: { action: 'portal.write', resource: 'portal-link' }, schema: { tags, summary: 'Remove a link', params: IdParams } }, async (req, reply) => { await deleteLink(db, actorOf(req), id(req)); return reply.status(204).send(); });

  app.get(`${base}/datasets`, { config: { action: 'portal.read' }, schema: { tags, summary: 'Results datasets of the caller\'s scope' } }, async (req) => listDatasets(db, actorOf(req)));
  app.post(`${base}/datasets`, {
    config: { action: 'portal.write' },
    schema: { tags, summary: 'Freeze the approved emission totals of a region as a results dataset', body: body({ titleZh: Type.String({ minLength: 1, maxLength: 200 }), titleEn: Type.String({ minLength: 1, maxLength: 200 }), region: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })), provisional: Type.Optional(Type.Boolean()) }) },
  }, async (req, reply) => reply.status(201).send(await createDataset(db, actorOf(req), req.body as { titleZh: string; titleEn: string; region?: string; provisional?: boolean })));
  app.get(`${base}/datasets/:id`, { config: { action: 'portal.read', resource: 'portal-dataset' }, schema: { tags, summary: 'A results dataset with its figures', params: IdParams } }, async (req) => getDataset(db, actorOf(req), id(req)));
}
