// The pages' main parts: home, a section's list, an article, search, not found.
import type { PortalLang, PortalSection } from '../../../core/db/schema-portal.ts';
import { html, raw, type Html } from './html.ts';
import { SECTIONS, T, articlePath, dateTime, day, homePath, sectionPath, searchPath } from './i18n.ts';
import type { LiveArticle, Teaser } from './site.sql.ts';

/** Where the view count goes in a cached article page: filled in when the page is sent. */
export const VIEWS_MARK = '\u0000views\u0000';

function teaser(lang: PortalLang, a: Teaser, withSummary: boolean): Html {
  return html`<li><a href="${articlePath(lang, a.section, a.slug)}">${a.title}</a> <time datetime="${a.published_at.toISOString()}">${day(lang, a.published_at)}</time>
${withSummary && a.summary ? html`<p class="summary">${a.summary}</p>` : ''}</li>\n`;
}

export function homeMain(lang: PortalLang, items: Teaser[]): Html {
  const t = T[lang];
  return html`<h1 class="visually-hidden">${t.site}</h1>
<div class="home-grid">
${SECTIONS.map((s) => {
  const mine = items.filter((a) => a.section === s);
  return html`<section class="home-section" aria-labelledby="h-${s}">
<h2 id="h-${s}"><a href="${sectionPath(lang, s)}">${t.sections[s]}</a></h2>
${mine.length ? html`<ul class="teasers">${mine.map((a) => teaser(lang, a, false))}</ul>` : html`<p>${t.empty}</p>`}
<p class="more"><a href="${sectionPath(lang, s)}">${t.more}<span class="visually-hidden"> ${t.sections[s]}</span></a></p>
</section>\n`;
})}
</div>`;
}

function paging(lang: PortalLang, path: string, page: number, pages: number, extra = ''): Html {
  if (pages <= 1) return html``;
  const t = T[lang];
  const at = (n: number) => (n === 1 && !extra ? path : `${path}?${extra}${extra ? '&' : ''}page=${n}`);
  return html`<nav class="paging" aria-label="${t.paging}"><ul>
${page > 1 ? html`<li><a rel="prev" href="${at(page - 1)}">${t.prevPage}</a></li>` : ''}
${Array.from({ length: pages }, (_, i) => i + 1).map((n) => html`<li>${n === page ? html`<a aria-current="page" href="${at(n)}">${n}</a>` : html`<a href="${at(n)}">${n}</a>`}</li>`)}
${page < pages ? html`<li><a rel="next" href="${at(page + 1)}">${t.nextPage}</a></li>` : ''}
</ul><p>${t.page(page, pages)}</p></nav>`;
}

export function listMain(lang: PortalLang, section: PortalSection, items: Teaser[], page: number, pages: number): Html {
  const t = T[lang];
  return html`<nav class="breadcrumb" aria-label="${t.breadcrumb}"><a href="${homePath(lang)}">${t.home}</a> › <span aria-current="page">${t.sections[section]}</span></nav>
<h1>${t.sections[section]}</h1>
${items.length ? html`<ul class="article-list">${items.map((a) => teaser(lang, a, true))}</ul>` : html`<p>${t.empty}</p>`}
${paging(lang, sectionPath(lang, section), page, pages)}`;
}

export interface ArticleParts { a: LiveArticle; prev?: Teaser; next?: Teaser; coverUrl?: string; data?: Html; url: string; print: boolean }

export function articleMain(lang: PortalLang, p: ArticleParts): Html {
  const t = T[lang];
  const { a } = p;
  const path = articlePath(lang, a.section, a.slug);
  return html`${p.print ? '' : html`<nav class="breadcrumb" aria-label="${t.breadcrumb}"><a href="${homePath(lang)}">${t.home}</a> › <a href="${sectionPath(lang, a.section)}">${t.sections[a.section]}</a></nav>`}
<article>
<h1>${a.title}</h1>
<div class="meta">
<span>${t.published}${t.colon}<time datetime="${a.published_at.toISOString()}">${dateTime(lang, a.published_at)}</time></span>
${a.publisher ? html`<span class="publisher">${t.publisher}${t.colon}${a.publisher}</span>` : ''}
${a.source ? html`<span class="source">${t.source}${t.colon}${a.source}</span>` : ''}
<span>${t.views}${t.colon}<span class="views">${raw(VIEWS_MARK)}</span></span>
</div>
${p.print ? '' : html`<div class="tools">
<nav class="font-size" aria-label="${t.font}">${t.font}${t.colon}<a href="?font=l">${t.fontL}</a> <a href="?font=m">${t.fontM}</a> <a href="?font=s">${t.fontS}</a></nav>
<a class="print-link" href="?print=1">${t.print}</a>
</div>`}
${p.coverUrl ? html`<figure class="cover"><img src="${p.coverUrl}" alt=""></figure>` : ''}
<div class="article-body">
${raw(a.body_html)}
</div>
${p.data ?? ''}
</article>
<p class="print-url">${t.printUrl}${t.colon}${p.url}</p>
${p.print ? html`<p class="back"><a href="${path}">${a.title}</a></p>` : html`<nav class="prev-next" aria-label="${t.prev} / ${t.next}"><ul>
${p.prev ? html`<li>${t.prev}${t.colon}<a rel="prev" href="${articlePath(lang, p.prev.section, p.prev.slug)}">${p.prev.title}</a></li>` : ''}
${p.next ? html`<li>${t.next}${t.colon}<a rel="next" href="${articlePath(lang, p.next.section, p.next.slug)}">${p.next.title}</a></li>` : ''}
</ul></nav>`}`;
}

export function searchMain(lang: PortalLang, q: string, found: { items: Teaser[]; total: number } | null, page: number, pages: number): Html {
  const t = T[lang];
  return html`<h1>${t.searchTitle}</h1>
<form class="search-page" role="search" action="${searchPath(lang)}" method="get">
<label for="search-q">${t.searchLabel}</label>
<input id="search-q" name="q" type="search" maxlength="100" value="${q}">
<button type="submit">${t.search}</button>
</form>
${found === null ? html`<p>${t.enterQuery}</p>` : html`<p class="count" role="status">${t.results(found.total)}</p>
${found.items.length ? html`<ul class="article-list">${found.items.map((a) => teaser(lang, a, true))}</ul>` : html`<p>${t.noResults}</p>`}
${paging(lang, searchPath(lang), page, pages, `q=${encodeURIComponent(q)}`)}`}`;
}

/** Not found, in both languages whichever the address was. */
export function notFoundMain(lang: PortalLang): Html {
  const order: PortalLang[] = lang === 'en' ? ['en', 'zh'] : ['zh', 'en'];
  return html`${order.map((l, i) => html`<section class="not-found" lang="${l}">
${i === 0 ? html`<h1>${T[l].notFound}</h1>` : html`<h2>${T[l].notFound}</h2>`}
<p>${T[l].notFoundText}</p>
<p><a href="${homePath(l)}">${T[l].back}</a></p>
</section>\n`)}`;
}
