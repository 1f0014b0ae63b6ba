// sitemap.xml (with hreflang alternates), the Atom feeds of each language, robots.txt.
import type { PortalLang } from '../../../core/db/schema-portal.ts';
import { html } from './html.ts';
import { LANGS, SECTIONS, T, articlePath, homePath, sectionPath } from './i18n.ts';
import type { FeedEntry } from './site.sql.ts';

// Control characters are not allowed in XML 1.0 even escaped: an editor's stray one must not break a feed.
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

type SitemapRow = { section: (typeof SECTIONS)[number]; slug: string; lang: PortalLang; updated_at: Date; other: boolean };

export function sitemapXml(base: string, rows: SitemapRow[]): string {
  const pair = (zh: string, en: string) => html`<xhtml:link rel="alternate" hreflang="zh" href="${base + zh}"/><xhtml:link rel="alternate" hreflang="en" href="${base + en}"/>`;
  const fixed = [['zh', 'en'].map((l) => homePath(l as PortalLang)), ...SECTIONS.map((s) => LANGS.map((l) => sectionPath(l, s)))];
  return xmlSafe(html`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${fixed.flatMap(([zh, en]) => [zh, en].map((p) => html`<url><loc>${base + p}</loc>${pair(zh, en)}</url>\n`))}
${rows.map((r) => {
  const other: PortalLang = r.lang === 'zh' ? 'en' : 'zh';
  const mine = articlePath(r.lang, r.section, r.slug);
  const theirs = articlePath(other, r.section, r.slug);
  return html`<url><loc>${base + mine}</loc><lastmod>${r.updated_at.toISOString()}</lastmod>${r.other ? (r.lang === 'zh' ? pair(mine, theirs) : pair(theirs, mine)) : ''}</url>\n`;
})}
</urlset>
`.s);
}

export function atomXml(base: string, lang: PortalLang, entries: FeedEntry[]): string {
  const t = T[lang];
  const self = `${base}${lang === 'en' ? '/en' : ''}/feed.xml`;
  const updated = (entries[0]?.published_at ?? new Date(0)).toISOString();
  return xmlSafe(html`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
<title>${t.site}</title>
<id>${self}</id>
<link rel="self" type="application/atom+xml" href="${self}"/>
<link rel="alternate" type="text/html" href="${base + homePath(lang)}"/>
<updated>${updated}</updated>
<author><name>${t.footer}</name></author>
${entries.map((e) => {
  const url = base + articlePath(lang, e.section, e.slug);
  return html`<entry>
<title>${e.title}</title>
<id>${url}</id>
<link rel="alternate" type="text/html" href="${url}"/>
<published>${e.published_at.toISOString()}</published>
<updated>${(e.updated_at > e.published_at ? e.updated_at : e.published_at).toISOString()}</updated>
${e.publisher ? html`<author><name>${e.publisher}</name></author>` : ''}
<category term="${e.section}" label="${t.sections[e.section]}"/>
<summary>${e.summary || e.body_text}</summary>
</entry>\n`;
})}
</feed>
`.s);
}

export function robotsTxt(base: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /console/\nDisallow: /docs\n\nSitemap: ${base}/sitemap.xml\n`;
}
