// Every read of the public site. Only what is live is ever read: an article published, with its
// publish time passed (a scheduled one not yet due, a draft, an unpublished one: never).
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.ts';
import type { PortalLang, PortalSection } from '../../../core/db/schema-portal.ts';

const LIVE = sql`a.status = 'published' AND a.published_at <= now()`;

export interface Teaser { id: number; section: PortalSection; slug: string; title: string; summary: string; published_at: Date }
export interface LiveArticle extends Teaser {
  story_id: number; lang: PortalLang; body_html: string; publisher: string; source: string; views: number;
  cover_image: string | null; cover_mime: string | null; dataset_id: number | null; updated_at: Date;
}

export async function liveArticle(db: Db, section: PortalSection, slug: string, lang: PortalLang): Promise<LiveArticle | undefined> {
  return (await sql<LiveArticle>`SELECT a.id, a.story_id, s.section, s.slug, a.lang, a.title, a.summary, a.body_html, a.publisher, a.source,
      a.views::int AS views, a.cover_image, i.mime AS cover_mime, s.dataset_id, a.published_at, a.updated_at
    FROM portal_stories s JOIN portal_articles a ON a.story_id = s.id LEFT JOIN portal_images i ON i.id = a.cover_image
    WHERE s.section = ${section} AND s.slug = ${slug} AND a.lang = ${lang} AND ${LIVE}`.execute(db)).rows[0];
}

/** Is the story's other language live too (the language switch and hreflang pairs)? */
export async function otherLive(db: Db, storyId: number, lang: PortalLang): Promise<boolean> {
  const r = await sql<{ id: number }>`SELECT a.id FROM portal_articles a WHERE a.story_id = ${storyId} AND a.lang <> ${lang} AND ${LIVE}`.execute(db);
  return r.rows.length > 0;
}

/** The articles before and after one, in the same section and language, by publish time (compared
 * in SQL: a JS Date drops the microseconds of the stored time). */
export async function neighbours(db: Db, a: { id: number; section: PortalSection; lang: PortalLang }) {
  const side = async (older: boolean) => (await sql<Teaser>`SELECT a.id, s.section, s.slug, a.title, a.summary, a.published_at
    FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id
    WHERE s.section = ${a.section} AND a.lang = ${a.lang} AND ${LIVE}
      AND (a.published_at, a.id) ${older ? sql`<` : sql`>`} (SELECT m.published_at, m.id FROM portal_articles m WHERE m.id = ${a.id})
    ORDER BY a.published_at ${older ? sql`DESC` : sql`ASC`}, a.id ${older ? sql`DESC` : sql`ASC`} LIMIT 1`.execute(db)).rows[0];
  const [prev, next] = await Promise.all([side(true), side(false)]);
  return { prev, next };
}

export async function listSection(db: Db, section: PortalSection, lang: PortalLang, offset: number, limit: number) {
  const [rows, count] = await Promise.all([
    sql<Teaser>`SELECT a.id, s.section, s.slug, a.title, a.summary, a.published_at
      FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id
      WHERE s.section = ${section} AND a.lang = ${lang} AND ${LIVE}
      ORDER BY a.published_at DESC, a.id DESC OFFSET ${offset} LIMIT ${limit}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id
      WHERE s.section = ${section} AND a.lang = ${lang} AND ${LIVE}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0].n };
}

/** The newest few of every section (the home page). */
export async function latest(db: Db, lang: PortalLang, perSection: number) {
  return (await sql<Teaser>`SELECT id, section, slug, title, summary, published_at FROM (
      SELECT a.id, s.section, s.slug, a.title, a.summary, a.published_at,
        row_number() OVER (PARTITION BY s.section ORDER BY a.published_at DESC, a.id DESC) AS k
      FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id WHERE a.lang = ${lang} AND ${LIVE}) t
    WHERE k <= ${perSection} ORDER BY published_at DESC, id DESC`.execute(db)).rows;
}

export async function links(db: Db) {
  return db.selectFrom('portal_links').select(['name_zh', 'name_en', 'url']).orderBy('position').orderBy('id').execute();
}

/** LIKE's own characters in what a reader typed match themselves. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function search(db: Db, lang: PortalLang, q: string, offset: number, limit: number) {
  const p = likePattern(q);
  const where = sql`a.lang = ${lang} AND ${LIVE} AND (a.title ILIKE ${p} OR a.body_text ILIKE ${p})`;
  const [rows, count] = await Promise.all([
    sql<Teaser>`SELECT a.id, s.section, s.slug, a.title, a.summary, a.published_at FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id
      WHERE ${where} ORDER BY a.published_at DESC, a.id DESC OFFSET ${offset} LIMIT ${limit}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id WHERE ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0].n };
}

export interface FeedEntry extends Teaser { publisher: string; body_text: string; updated_at: Date }

export async function feedEntries(db: Db, lang: PortalLang, limit: number) {
  return (await sql<FeedEntry>`SELECT a.id, s.section, s.slug, a.title, a.summary, a.publisher, left(a.body_text, 400) AS body_text, a.published_at, a.updated_at
    FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id WHERE a.lang = ${lang} AND ${LIVE}
    ORDER BY a.published_at DESC, a.id DESC LIMIT ${limit}`.execute(db)).rows;
}

/** Every live article with whether its other language is live (the sitemap). */
export async function sitemapEntries(db: Db) {
  return (await sql<{ section: PortalSection; slug: string; lang: PortalLang; updated_at: Date; other: boolean }>`SELECT s.section, s.slug, a.lang, a.updated_at,
      EXISTS (SELECT 1 FROM portal_articles o WHERE o.story_id = a.story_id AND o.lang <> a.lang AND o.status = 'published' AND o.published_at <= now()) AS other
    FROM portal_articles a JOIN portal_stories s ON s.id = a.story_id WHERE ${LIVE}
    ORDER BY s.section, s.slug, a.lang`.execute(db)).rows;
}

export async function datasetFigures(db: Db, id: number) {
  return db.selectFrom('portal_datasets').select(['id', 'title_zh', 'title_en', 'figures', 'created_at']).where('id', '=', id).executeTakeFirst();
}
