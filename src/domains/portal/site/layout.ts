// The frame of every page: head (canonical, hreflang pairs, Open Graph), the header with the
// site name, the section nav, the language switch and the search form, and the footer with the
// related links. Landmarks, a skip link and labelled navs; no script anywhere.
import type { PortalLang, PortalSection } from '../../../core/db/schema-portal.ts';
import { html, type Html } from './html.ts';
import { SECTIONS, T, homePath, searchPath, sectionPath } from './i18n.ts';

export type Font = 'l' | 'm' | 's';

export interface Link { name_zh: string; name_en: string; url: string }

export interface PageMeta {
  lang: PortalLang;
  title: string;
  description: string;
  /** The canonical path (no font, no print). */
  path: string;
  /** Paths of this page per language, when that version exists. */
  alternates: Partial<Record<PortalLang, string>>;
  ogType: 'website' | 'article';
  /** An absolute image address for og:image. */
  image?: string;
  section?: PortalSection;
  font: Font;
  print?: boolean;
  /** The public base URL (no trailing slash). */
  base: string;
  css: string;
  links: Link[];
  noindex?: boolean;
}

const LOCALE = { zh: 'zh_CN', en: 'en_US' };

function head(m: PageMeta): Html {
  const t = T[m.lang];
  const url = m.base + m.path;
  const title = m.path === homePath(m.lang) ? t.site : `${m.title} - ${t.site}`;
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${m.description}">
${m.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${url}">
${(['zh', 'en'] as PortalLang[]).map((l) => (m.alternates[l] ? html`<link rel="alternate" hreflang="${l}" href="${m.base + m.alternates[l]}">\n` : ''))}
<link rel="alternate" type="application/atom+xml" title="${t.site}" href="${m.lang === 'en' ? '/en/feed.xml' : '/feed.xml'}">
<meta property="og:title" content="${m.title}">
<meta property="og:type" content="${m.ogType}">
<meta property="og:url" content="${url}">
<meta property="og:description" content="${m.description}">
<meta property="og:site_name" content="${t.site}">
<meta property="og:locale" content="${LOCALE[m.lang]}">
${m.image ? html`<meta property="og:image" content="${m.image}">` : ''}
<link rel="stylesheet" href="${m.css}">
</head>`;
}

function header(m: PageMeta, switchTo: string): Html {
  const t = T[m.lang];
  const other = t.otherLang;
  return html`<header class="site-header">
<div class="wrap header-top">
<p class="site-name"><a href="${homePath(m.lang)}">${t.site}</a></p>
<a class="lang-switch" hreflang="${other}" lang="${other}" href="${switchTo}">${t.langName}</a>
<form class="search-form" role="search" action="${searchPath(m.lang)}" method="get">
<label for="site-q">${t.searchLabel}</label>
<input id="site-q" name="q" type="search" maxlength="100">
<button type="submit">${t.search}</button>
</form>
</div>
<nav class="site-nav" aria-label="${t.nav}"><ul class="wrap">
<li><a href="${homePath(m.lang)}"${m.path === homePath(m.lang) ? html` aria-current="page"` : ''}>${t.home}</a></li>
${SECTIONS.map((s) => html`<li><a href="${sectionPath(m.lang, s)}"${m.section === s ? html` aria-current="page"` : ''}>${t.sections[s]}</a></li>\n`)}
</ul></nav>
</header>`;
}

function footer(m: PageMeta): Html {
  const t = T[m.lang];
  return html`<footer class="site-footer">
<div class="wrap">
${m.links.length ? html`<nav class="related-links" aria-label="${t.links}"><h2>${t.links}</h2><ul>
${m.links.map((l) => html`<li><a href="${l.url}" rel="noopener noreferrer">${m.lang === 'en' ? l.name_en : l.name_zh}</a></li>\n`)}
</ul></nav>` : ''}
<p><a href="/sitemap.xml">${t.sitemap}</a> · <a href="${m.lang === 'en' ? '/en/feed.xml' : '/feed.xml'}">${t.feed}</a></p>
<p>${t.footer}</p>
</div>
</footer>`;
}

/** A whole page. `switchTo` is where the language switch leads. */
export function page(m: PageMeta, switchTo: string, main: Html): string {
  const t = T[m.lang];
  if (m.print) {
    return html`<!doctype html>
<html lang="${m.lang}" class="font-${m.font}">
${head(m)}
<body class="print">
<header class="site-header"><div class="wrap"><p class="site-name">${t.site}</p></div></header>
<main id="main" class="wrap">
${main}
</main>
</body>
</html>`.s;
  }
  return html`<!doctype html>
<html lang="${m.lang}" class="font-${m.font}">
${head(m)}
<body>
<a class="skip-link" href="#main">${t.skip}</a>
${header(m, switchTo)}
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
${footer(m)}
</body>
</html>`.s;
}
