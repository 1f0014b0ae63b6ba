// Pages rendered from the database into strings: what the render cache keeps. An article
// page is kept in two parts around its view count, which is filled in as it is sent.
import type { Db } from '../../../core/db/index.ts';
import type { PortalLang, PortalSection } from '../../../core/db/schema-portal.ts';
import { sanitize } from '../content/sanitize.ts';
import type { Figures } from '../datasets.ts';
import { RenderCache } from './cache.ts';
import { T, articlePath, homePath, searchPath, sectionPath } from './i18n.ts';
import { page, type Font, type Link, type PageMeta } from './layout.ts';
import { VIEWS_MARK, articleMain, homeMain, listMain, notFoundMain, searchMain } from './pages.ts';
import { figuresSection } from './results.ts';
import * as q from './site.sql.ts';
import type { ViewCounter } from './views.ts';

export interface Rendered {
  status: number;
  /** The page; an article page in two parts around its view count. */
  parts: string[];
  article?: number;
}

export const PAGE_SIZE = 20;
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const other = (lang: PortalLang): PortalLang => (lang === 'zh' ? 'en' : 'zh');
const both = (f: (l: PortalLang) => string) => ({ zh: f('zh'), en: f('en') });

export class Site {
  private links = new RenderCache<Link[]>(1);

  constructor(private db: Db, private views: ViewCounter, private css: string) {}

  private meta(lang: PortalLang, font: Font, base: string, links: Link[], m: Partial<PageMeta> & Pick<PageMeta, 'title' | 'path' | 'alternates'>): PageMeta {
    return { lang, font, base, links, css: this.css, ogType: 'website', description: T[lang].site, ...m };
  }

  private linkList(): Promise<Link[]> {
    return Promise.resolve(this.links.get('links', () => q.links(this.db)));
  }

  async home(lang: PortalLang, font: Font, base: string): Promise<Rendered> {
    const [items, links] = await Promise.all([q.latest(this.db, lang, 6), this.linkList()]);
    const m = this.meta(lang, font, base, links, { title: T[lang].site, path: homePath(lang), alternates: both(homePath) });
    return { status: 200, parts: [page(m, homePath(other(lang)), homeMain(lang, items))] };
  }

  async list(lang: PortalLang, section: PortalSection, n: number, font: Font, base: string): Promise<Rendered> {
    const [found, links] = await Promise.all([q.listSection(this.db, section, lang, (n - 1) * PAGE_SIZE, PAGE_SIZE), this.linkList()]);
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    if (n > pages) return this.notFound(lang, font, base, sectionPath(lang, section));
    const path = sectionPath(lang, section) + (n > 1 ? `?page=${n}` : '');
    const m = this.meta(lang, font, base, links, {
      title: T[lang].sections[section], path, section,
      alternates: both((l) => sectionPath(l, section) + (n > 1 ? `?page=${n}` : '')),
    });
    return { status: 200, parts: [page(m, sectionPath(other(lang), section), listMain(lang, section, found.items, n, pages))] };
  }

  async article(lang: PortalLang, section: PortalSection, slug: string, print: boolean, font: Font, base: string): Promise<Rendered> {
    const a = await q.liveArticle(this.db, section, slug, lang);
    if (!a) return this.notFound(lang, font, base, articlePath(lang, section, slug));
    const [hasOther, near, links, dataset] = await Promise.all([
      q.otherLive(this.db, a.story_id, lang),
      q.neighbours(this.db, a),
      this.linkList(),
      section === 'results' && a.dataset_id !== null ? q.datasetFigures(this.db, a.dataset_id) : Promise.resolve(undefined),
    ]);
    this.views.loaded(a.id, a.views);
    const path = articlePath(lang, section, slug);
    const otherPath = articlePath(other(lang), section, slug);
    const coverUrl = a.cover_image && a.cover_mime && EXT[a.cover_mime] ? `/media/${a.cover_image}.${EXT[a.cover_mime]}` : undefined;
    const data = dataset ? figuresSection(lang, dataset.figures as Figures, { csv: `${path}/data.csv`, xlsx: `${path}/data.xlsx` }) : undefined;
    const m = this.meta(lang, font, base, links, {
      title: a.title, description: a.summary || a.title, path, section, ogType: 'article', print,
      alternates: hasOther ? { [lang]: path, [other(lang)]: otherPath } : { [lang]: path },
      image: coverUrl ? base + coverUrl : undefined,
    });
    // The stored HTML was sanitised when saved; once more here, in case anything wrote around the API.
    const body = { ...a, body_html: sanitize(a.body_html) };
    const out = page(m, hasOther ? otherPath : homePath(other(lang)), articleMain(lang, { a: body, ...near, coverUrl, data, url: base + path, print }));
    const i = out.indexOf(VIEWS_MARK);
    return { status: 200, parts: [out.slice(0, i), out.slice(i + VIEWS_MARK.length)], article: a.id };
  }

  async search(lang: PortalLang, text: string, n: number, font: Font, base: string): Promise<Rendered> {
    const [found, links] = await Promise.all([text ? q.search(this.db, lang, text, (n - 1) * PAGE_SIZE, PAGE_SIZE) : Promise.resolve(null), this.linkList()]);
    const pages = found ? Math.max(1, Math.ceil(found.total / PAGE_SIZE)) : 1;
    if (n > pages) return this.notFound(lang, font, base, searchPath(lang));
    const qs = text ? `?q=${encodeURIComponent(text)}` : '';
    const m = this.meta(lang, font, base, links, { title: T[lang].searchTitle, path: searchPath(lang) + qs, alternates: both((l) => searchPath(l) + qs), noindex: true });
    return { status: 200, parts: [page(m, searchPath(other(lang)) + qs, searchMain(lang, text, found, n, pages))] };
  }

  async notFound(lang: PortalLang, font: Font, base: string, path: string): Promise<Rendered> {
    const links = await this.linkList();
    const m = this.meta(lang, font, base, links, { title: T[lang].notFound, path, alternates: {}, noindex: true });
    return { status: 404, parts: [page(m, homePath(other(lang)), notFoundMain(lang))] };
  }

  /** A live results page's figures (the downloads). */
  async figures(lang: PortalLang, slug: string): Promise<{ figures: Figures; title: string } | null> {
    const a = await q.liveArticle(this.db, 'results', slug, lang);
    if (!a || a.dataset_id === null) return null;
    const d = await q.datasetFigures(this.db, a.dataset_id);
    return d ? { figures: d.figures as Figures, title: lang === 'en' ? d.title_en : d.title_zh } : null;
  }
}
