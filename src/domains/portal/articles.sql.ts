// SQL of stories, articles and their revisions (docs/portal-api.md).
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import type { PortalFormat, PortalLang, PortalSection, PortalStatus } from '../../core/db/schema-portal.ts';

export interface ArticleRow {
  id: number; story_id: number; section: PortalSection; slug: string; region_code: string; dataset_id: number | null;
  lang: PortalLang; title: string; summary: string; format: PortalFormat; body_source: string; body_html: string;
  publisher: string; source: string; cover_image: string | null; status: PortalStatus; publish_at: Date | null; published_at: Date | null;
  review_note: string | null; views: number; version: number; created_by: number | null; updated_by: number | null; submitted_by: number | null;
  created_at: Date; updated_at: Date;
}

const COLUMNS = sql.raw(`a.id, a.story_id, s.section, s.slug, s.region_code, s.dataset_id, a.lang, a.title, a.summary, a.format, a.body_source, a.body_html,
  a.publisher, a.source, a.cover_image, a.status, a.publish_at, a.published_at, a.review_note, a.views, a.version, a.created_by, a.updated_by,
  a.submitted_by, a.created_at, a.updated_at`);

export async function articleById(db: Db | Tx, id: number, scopePrefix: string): Promise<ArticleRow | undefined> {
  return (await sql<ArticleRow>`SELECT ${COLUMNS} FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id
    WHERE a.id = ${id} AND s.region_code LIKE ${`${scopePrefix}%`}`.execute(db)).rows[0];
}

/** The other language's version of a story, if any. */
export async function otherVersion(db: Db | Tx, storyId: number, lang: PortalLang) {
  return (await sql<{ id: number; lang: PortalLang; status: PortalStatus; title: string }>`SELECT id, lang, status, title FROM portal_articles
    WHERE story_id = ${storyId} AND lang <> ${lang}`.execute(db)).rows[0] ?? null;
}

export interface ListFilter { section?: PortalSection; lang?: PortalLang; status?: PortalStatus; q?: string; limit: number; cursor?: { at: string; id: number } }

/** Newest change first; keyset paging on (updated_at, id). */
export async function listArticles(db: Db, scopePrefix: string, f: ListFilter): Promise<Omit<ArticleRow, 'body_source' | 'body_html'>[]> {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return (await sql<Omit<ArticleRow, 'body_source' | 'body_html'>>`SELECT a.id, a.story_id, s.section, s.slug, s.region_code, s.dataset_id, a.lang, a.title, a.summary, a.format,
      a.publisher, a.source, a.cover_image, a.status, a.publish_at, a.published_at, a.review_note, a.views, a.version, a.created_by, a.updated_by,
      a.submitted_by, a.created_at, a.updated_at
    FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id
    WHERE s.region_code LIKE ${`${scopePrefix}%`}
      ${f.section ? sql`AND s.section = ${f.section}` : sql``}
      ${f.lang ? sql`AND a.lang = ${f.lang}` : sql``}
      ${f.status ? sql`AND a.status = ${f.status}` : sql``}
      ${like ? sql`AND (a.title ILIKE ${like} OR s.slug ILIKE ${like})` : sql``}
      ${f.cursor ? sql`AND (a.updated_at, a.id) < (${f.cursor.at}::timestamptz, ${f.cursor.id})` : sql``}
    ORDER BY a.updated_at DESC, a.id DESC LIMIT ${f.limit}`.execute(db)).rows;
}

export async function storyBySlug(db: Db | Tx, section: PortalSection, slug: string) {
  return db.selectFrom('portal_stories').select(['id', 'region_code']).where('section', '=', section).where('slug', '=', slug).executeTakeFirst();
}

export async function insertStory(trx: Tx, s: { section: PortalSection; slug: string; regionCode: string; datasetId: number | null; by: number | null }) {
  return (await trx.insertInto('portal_stories').values({ section: s.section, slug: s.slug, region_code: s.regionCode, dataset_id: s.datasetId, created_by: s.by }).returning('id').executeTakeFirstOrThrow()).id;
}

export interface Content { title: string; summary: string; format: PortalFormat; body_source: string; body_html: string; body_text: string; publisher: string; source: string; cover_image: string | null }

export async function insertArticle(trx: Tx, storyId: number, lang: PortalLang, c: Content, by: number | null) {
  return (await trx.insertInto('portal_articles').values({ story_id: storyId, lang, ...c, created_by: by, updated_by: by }).returning('id').executeTakeFirstOrThrow()).id;
}

export type Change = Partial<Content> & { status?: PortalStatus; publish_at?: Date | null; published_at?: Date | null; review_note?: string | null; submitted_by?: number | null };

/** Writes a change if the version is the caller's; false when someone got there first. */
export async function updateArticle(trx: Tx, id: number, version: number, c: Change, by: number | null): Promise<boolean> {
  const r = await trx.updateTable('portal_articles').set({ ...c, version: version + 1, updated_by: by, updated_at: sql<Date>`now()` })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The article's state now, as its next revision (rev = version). */
export async function recordRevision(trx: Tx, id: number, note: string | null, by: number | null) {
  await sql`INSERT INTO portal_article_revisions (article_id, rev, status, title, summary, format, body_source, publisher, source, cover_image, note, by_user)
    SELECT id, version, status, title, summary, format, body_source, publisher, source, cover_image, ${note}, ${by} FROM portal_articles WHERE id = ${id}`.execute(trx);
}

export async function revisions(db: Db, id: number) {
  return (await sql<{ rev: number; status: PortalStatus; title: string; note: string | null; at: Date; username: string | null }>`SELECT r.rev, r.status, r.title, r.note, r.at, u.username
    FROM portal_article_revisions r LEFT JOIN users u ON u.id = r.by_user WHERE r.article_id = ${id} ORDER BY r.rev DESC`.execute(db)).rows;
}

export async function revision(db: Db, id: number, rev: number) {
  return db.selectFrom('portal_article_revisions').selectAll().where('article_id', '=', id).where('rev', '=', rev).executeTakeFirst();
}

export async function setSlug(trx: Tx, storyId: number, slug: string) {
  await trx.updateTable('portal_stories').set({ slug }).where('id', '=', storyId).execute();
}

/** Was any version of the story ever published (its address is then fixed)? */
export async function everPublished(db: Db | Tx, storyId: number): Promise<boolean> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM portal_article_revisions v JOIN portal_articles a ON a.id = v.article_id
    WHERE a.story_id = ${storyId} AND v.status IN ('published','scheduled')`.execute(db);
  return r.rows[0].n > 0;
}

/** Scheduled articles whose time has come. */
export async function dueArticles(db: Db, limit: number) {
  return (await sql<{ id: number; version: number; region_code: string }>`SELECT a.id, a.version, s.region_code FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id
    WHERE a.status = 'scheduled' AND a.publish_at <= now() ORDER BY a.publish_at LIMIT ${limit}`.execute(db)).rows;
}

export async function imagesExist(db: Db | Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('portal_images').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
