// 门户文章: stories in two languages, written, reviewed and published (docs/portal-api.md).
// Every change checks the version the editor saw, keeps a revision and an audit row in one
// transaction, and after its commit tells the public site to drop its rendered pages.
import type { Db, Tx } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import type { PortalFormat, PortalLang, PortalSection, PortalStatus } from '../../core/db/schema-portal.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { bumpPortal } from './cache.ts';
import { BODY_LIMIT, renderBody } from './content/render.ts';
import { imagesIn } from './content/sanitize.ts';
import * as q from './articles.sql.ts';
import { actionsOf, allowed, approvalOutcome, mayApprove, publicPath, validSlug, type PortalAction } from './rules.ts';

const LANG_NAME = { zh: { zh: '中文', en: 'Chinese' }, en: { zh: '英文', en: 'English' } } as const;

export function articleView(a: q.ArticleRow) {
  return {
    id: a.id, storyId: a.story_id, section: a.section, slug: a.slug, lang: a.lang, title: a.title, summary: a.summary, format: a.format,
    body: a.body_source, html: a.body_html, publisher: a.publisher, source: a.source, coverImage: a.cover_image, status: a.status,
    publishAt: a.publish_at, publishedAt: a.published_at, reviewNote: a.review_note, views: Number(a.views), version: a.version,
    createdBy: a.created_by, updatedBy: a.updated_by, submittedBy: a.submitted_by, createdAt: a.created_at, updatedAt: a.updated_at,
    datasetId: a.dataset_id, regionCode: a.region_code, url: publicPath(a.section, a.slug, a.lang), actions: actionsOf(a.status),
  };
}
const rowView = (a: Omit<q.ArticleRow, 'body_source' | 'body_html'>) => {
  const { body: _b, html: _h, ...rest } = articleView({ ...a, body_source: '', body_html: '' });
  return rest;
};

async function load(db: Db | Tx, actor: Actor, id: number) {
  const a = await q.articleById(db, id, actor.scopePrefix);
  if (!a) throw new AppError('PORTAL_ARTICLE_NOT_FOUND');
  return a;
}

export async function getArticle(db: Db, actor: Actor, id: number) {
  const a = await load(db, actor, id);
  return { ...articleView(a), translation: await q.otherVersion(db, a.story_id, a.lang) };
}

export async function listArticles(db: Db, actor: Actor, f: { section?: PortalSection; lang?: PortalLang; status?: PortalStatus; q?: string; limit?: number; cursor?: string }) {
  const limit = Math.min(f.limit ?? 50, 100);
  const c = f.cursor?.match(/^(\d+)\.(\d+)$/);
  const cursor = c ? { at: new Date(Number(c[1])).toISOString(), id: Number(c[2]) } : undefined;
  const rows = await q.listArticles(db, actor.scopePrefix, { ...f, limit, cursor });
  const last = rows.at(-1);
  return { items: rows.map(rowView), nextCursor: rows.length === limit && last ? `${new Date(last.updated_at).getTime()}.${last.id}` : null };
}

export interface ContentBody { title?: string; summary?: string; format?: PortalFormat; body?: string; publisher?: string; source?: string; coverImage?: string | null }

/** Checks and renders what an editor sent; the images it names must have been uploaded. */
async function content(db: Db | Tx, b: Required<Pick<ContentBody, 'title' | 'format' | 'body'>> & ContentBody): Promise<q.Content> {
  const title = b.title.trim();
  if (!title || title.length > 200) throw new AppError('PORTAL_TITLE_REQUIRED');
  if (b.body.length > BODY_LIMIT) throw new AppError('PORTAL_BODY_TOO_LARGE', { limit: BODY_LIMIT });
  const { html, text } = renderBody(b.format, b.body);
  const wanted = [...imagesIn(html), ...(b.coverImage ? [b.coverImage] : [])];
  const known = await q.imagesExist(db, wanted);
  const missing = wanted.find((id) => !known.has(id));
  if (missing) throw new AppError('PORTAL_IMAGE_NOT_FOUND', { id: missing });
  return { title, summary: (b.summary ?? '').trim(), format: b.format, body_source: b.body, body_html: html, body_text: text, publisher: (b.publisher ?? '').trim(), source: (b.source ?? '').trim(), cover_image: b.coverImage ?? null };
}

export interface CreateBody extends ContentBody { section?: PortalSection; slug?: string; lang: PortalLang; title: string; format: PortalFormat; body: string; translationOf?: number; datasetId?: number }

export async function createArticle(db: Db, actor: Actor, b: CreateBody) {
  const c = await content(db, b);
  const id = await db.transaction().execute(async (trx) => {
    let storyId: number;
    let regionCode: string;
    if (b.translationOf) {
      const other = await load(trx, actor, b.translationOf);
      const there = await q.otherVersion(trx, other.story_id, other.lang);
      if (other.lang === b.lang || there) throw new AppError('PORTAL_TRANSLATION_EXISTS', { lang: LANG_NAME[b.lang].zh, id: other.lang === b.lang ? other.id : there!.id }, { id: other.lang === b.lang ? other.id : there!.id });
      storyId = other.story_id;
      regionCode = other.region_code;
    } else {
      if (!b.section || !b.slug) throw new AppError('PORTAL_INVALID', { detail: 'section, slug' });
      if (!validSlug(b.slug)) throw new AppError('PORTAL_SLUG_INVALID', { slug: b.slug.slice(0, 90) });
      if (b.section === 'results' && !b.datasetId) throw new AppError('PORTAL_INVALID', { detail: 'datasetId' });
      if (b.datasetId && !(await trx.selectFrom('portal_datasets').select('id').where('id', '=', b.datasetId).where('region_code', 'like', `${actor.scopePrefix}%`).executeTakeFirst())) throw new AppError('PORTAL_DATASET_NOT_FOUND');
      if (await q.storyBySlug(trx, b.section, b.slug)) throw new AppError('PORTAL_SLUG_TAKEN', { slug: b.slug });
      regionCode = actor.regionCode;
      storyId = await q.insertStory(trx, { section: b.section, slug: b.slug, regionCode, datasetId: b.datasetId ?? null, by: actor.id });
    }
    const id = await q.insertArticle(trx, storyId, b.lang, c, actor.id);
    await q.recordRevision(trx, id, null, actor.id);
    await recordAudit(trx, actor, { action: 'portal.create', entity: 'portal-article', entityId: id, regionCode, after: { storyId, lang: b.lang, title: c.title } });
    return id;
  }).catch((e) => {
    // two editors taking one address at the same moment: the unique index decides
    if ((e as { code?: string }).code === '23505' && String((e as Error).message).includes('portal_stories_section_slug_key')) throw new AppError('PORTAL_SLUG_TAKEN', { slug: b.slug ?? '' });
    throw e;
  });
  await bumpPortal();
  return getArticle(db, actor, id);
}

/** One workflow step or edit, on the version the caller saw. */
async function step(db: Db, actor: Actor, id: number, version: number, action: PortalAction, make: (a: q.ArticleRow, trx: Tx) => Promise<{ change: q.Change; note?: string | null; after?: unknown }>) {
  await db.transaction().execute(async (trx) => {
    const a = await load(trx, actor, id);
    if (!allowed(action, a.status)) {
      if (action === 'edit') throw new AppError('PORTAL_NOT_EDITABLE', { status: a.status });
      throw new AppError('PORTAL_BAD_TRANSITION', { status: a.status, action });
    }
    if (a.version !== version) throw new AppError('VERSION_CONFLICT', {}, { version: a.version });
    const { change, note, after } = await make(a, trx);
    if (!(await q.updateArticle(trx, id, version, change, actor.id))) throw new AppError('VERSION_CONFLICT');
    await q.recordRevision(trx, id, note ?? null, actor.id);
    await recordAudit(trx, actor, { action: `portal.${action}`, entity: 'portal-article', entityId: id, regionCode: a.region_code, before: { status: a.status, version }, after: after ?? { status: change.status ?? a.status } });
  });
  await bumpPortal();
  return getArticle(db, actor, id);
}

export async function editArticle(db: Db, actor: Actor, id: number, b: ContentBody & { version: number; slug?: string }) {
  return step(db, actor, id, b.version, 'edit', async (a, trx) => {
    const c = await content(trx, { title: b.title ?? a.title, format: b.format ?? a.format, body: b.body ?? a.body_source, summary: b.summary ?? a.summary, publisher: b.publisher ?? a.publisher, source: b.source ?? a.source, coverImage: b.coverImage === undefined ? a.cover_image : b.coverImage });
    if (b.slug !== undefined && b.slug !== a.slug) {
      if (!validSlug(b.slug)) throw new AppError('PORTAL_SLUG_INVALID', { slug: b.slug.slice(0, 90) });
      if (await q.everPublished(trx, a.story_id)) throw new AppError('PORTAL_INVALID', { detail: 'slug (the address of a story once published stays)' });
      if (await q.storyBySlug(trx, a.section, b.slug)) throw new AppError('PORTAL_SLUG_TAKEN', { slug: b.slug });
      await q.setSlug(trx, a.story_id, b.slug);
    }
    return { change: { ...c, status: 'draft' }, after: { status: 'draft', title: c.title } };
  });
}

export const submitArticle = (db: Db, actor: Actor, id: number, version: number) =>
  step(db, actor, id, version, 'submit', async () => ({ change: { status: 'review', submitted_by: actor.id, review_note: null } }));

export const approveArticle = (db: Db, actor: Actor, id: number, version: number, publishAt?: string) =>
  step(db, actor, id, version, 'approve', async (a) => {
    if (!mayApprove(actor.role, actor.id, a.submitted_by)) throw new AppError('PORTAL_OWN_ARTICLE');
    const at = publishAt ? new Date(publishAt) : null;
    const out = approvalOutcome(at, new Date());
    if ('error' in out) throw new AppError('PORTAL_PUBLISH_IN_PAST', { at: publishAt ?? '' });
    return out.status === 'published'
      ? { change: { status: 'published', published_at: out.at, publish_at: null }, after: { status: 'published' } }
      : { change: { status: 'scheduled', publish_at: out.at, published_at: null }, after: { status: 'scheduled', publishAt: out.at } };
  });

export const rejectArticle = (db: Db, actor: Actor, id: number, version: number, reason: string) =>
  step(db, actor, id, version, 'reject', async () => ({ change: { status: 'draft', review_note: reason.trim() }, note: reason.trim() }));

export const unpublishArticle = (db: Db, actor: Actor, id: number, version: number, reason?: string) =>
  step(db, actor, id, version, 'unpublish', async () => ({ change: { status: 'unpublished', publish_at: null }, note: reason?.trim() || null }));

export async function articleHistory(db: Db, actor: Actor, id: number) {
  await load(db, actor, id);
  return { items: (await q.revisions(db, id)).map((r) => ({ rev: r.rev, status: r.status, title: r.title, note: r.note, at: r.at, by: r.username })) };
}

export async function articleRevision(db: Db, actor: Actor, id: number, revText: string) {
  await load(db, actor, id);
  // The article is checked first: a bad number on another region's article still reads as not found.
  const rev = /^\d{1,9}$/.test(revText) ? Number(revText) : 0;
  const r = rev >= 1 ? await q.revision(db, id, rev) : undefined;
  if (!r) throw new AppError('PORTAL_ARTICLE_NOT_FOUND');
  return { rev: r.rev, status: r.status, title: r.title, summary: r.summary, format: r.format, body: r.body_source, publisher: r.publisher, source: r.source, coverImage: r.cover_image, note: r.note, at: r.at, byUserId: r.by_user };
}

export function preview(format: PortalFormat, body: string) {
  if (body.length > BODY_LIMIT) throw new AppError('PORTAL_BODY_TOO_LARGE', { limit: BODY_LIMIT });
  return { html: renderBody(format, body).html };
}

/** The worker's chore: scheduled articles whose time has come go out, each audited as the system. */
export async function publishDue(db: Db, system: Actor): Promise<number> {
  const due = await q.dueArticles(db, 50);
  let n = 0;
  for (const d of due) {
    await db.transaction().execute(async (trx) => {
      if (!(await q.updateArticle(trx, d.id, d.version, { status: 'published', published_at: new Date(), publish_at: null }, system.id))) return;
      await q.recordRevision(trx, d.id, null, null);
      await recordAudit(trx, system, { action: 'portal.publish', entity: 'portal-article', entityId: d.id, regionCode: d.region_code, before: { status: 'scheduled' }, after: { status: 'published' } });
      n++;
    });
  }
  if (n) await bumpPortal();
  return n;
}
