// Issue 10's XSS corpus written through the editor (the API, as the console sends it), approved,
// then read as a reader reads it: the article page, the list, the search, the feed and the
// sitemap carry none of it as active content. Both formats, both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestApp, type Session, type TestApp } from '../../../test/helpers/app.ts';
import { databaseKinds } from '../../../test/helpers/databases.ts';
import { ACTIVE, PAYLOADS } from './content/xss-corpus.ts';

describe.each(databaseKinds())('the XSS corpus through the editor to the pages on %s', (kind) => {
  let t: TestApp;
  let editor: Session, nation: Session;
  const slugs: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind, { worker: false });
    [editor, nation] = await Promise.all([login(t.app, 'editor'), login(t.app, 'nation')]);
    // The corpus names one portal image (with an event attribute on it): it exists.
    await t.ctx.db.insertInto('portal_images').values({ id: '0123456789abcdef01234567', sha256: '0123456789abcdef01234567'.padEnd(64, '0'), mime: 'image/jpeg', width: 10, height: 10, bytes: 100 }).execute();
    for (const [i, payload] of PAYLOADS.entries()) {
      const slug = `xss-${i}`;
      // the payload in every text an editor types: title, summary, publisher, source and body
      const a = await call(t.app, editor, 'POST', '/api/v1/portal/articles', {
        section: 'news', slug, lang: 'zh', title: `标题${payload}`.slice(0, 200), summary: payload, publisher: payload.slice(0, 100), source: payload.slice(0, 200),
        format: i % 2 ? 'markdown' : 'html', body: `<p>前文</p>\n\n${payload}\n\n后文`,
      });
      expect(a.statusCode, a.body).toBe(201);
      const s = await call(t.app, editor, 'POST', `/api/v1/portal/articles/${a.json().id}/submit`, { version: 1 });
      const ok = await call(t.app, nation, 'POST', `/api/v1/portal/articles/${a.json().id}/approve`, { version: s.json().version });
      expect(ok.json().status).toBe('published');
      slugs.push(slug);
    }
  }, 120_000);
  afterAll(() => t.close());

  // Our own pages may carry their own markup (the stylesheet link, the canonical link): only what
  // the editor could have written is judged, i.e. every tag that is not one the site itself emits.
  const SITE_TAGS = /^<\/?(html|head|body|meta|link|title|header|nav|main|footer|form|input|label|button|ul|ol|li|a|p|h1|h2|h3|div|span|time|section|article|aside|img|svg|rect|text|line|g|table|thead|tbody|tr|th|td|caption|figure|figcaption|strong|em|br|hr|small|abbr|code|pre|blockquote|b|i|u|s|sub|sup|h4|h5|h6|search)\b/i;

  function judge(html: string, where: string) {
    // A payload shown as text is escaped (&lt;…); only real tags can be active, so tags are judged.
    expect(html, where).not.toMatch(/<(script|iframe|object|embed|math|base|style)\b/i);
    for (const tag of html.match(/<[^>!][^>]*>/g) ?? []) {
      expect(SITE_TAGS.test(tag), `${where}: ${tag}`).toBe(true);
      // The tag's attributes, values unquoted: what is left outside quotes must be names only.
      const attrs = [...tag.matchAll(/\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)].map((m) => [m[1].toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&colon;/gi, ':').replace(/\s/g, '')]);
      for (const [name, value] of attrs) {
        expect(name, `${where}: ${tag}`).not.toMatch(/^on|^style$|^srcset$|^xlink:/);
        if (['href', 'src', 'action', 'formaction', 'content'].includes(name) && name !== 'content') expect(value, `${where}: ${tag}`).not.toMatch(/^(javascript|vbscript|data):/i);
      }
    }
  }

  it('no article page shows any payload as markup', async () => {
    for (const slug of slugs) {
      const r = await t.app.inject({ method: 'GET', url: `/news/${slug}` });
      expect(r.statusCode, slug).toBe(200);
      judge(r.body, slug);
      const body = r.body.slice(r.body.indexOf('<div class="article-body">'));
      for (const bad of ACTIVE.filter((x) => !/class=|id=/.test(String(x)))) for (const tag of body.match(/<[^>]*>/g) ?? []) expect(tag, `${slug} ${bad}`).not.toMatch(bad);
      expect(r.headers['content-security-policy']).toMatch(/script-src 'none'/);
    }
  });

  it('nor do the list, the search, the feed and the sitemap', async () => {
    for (const url of ['/news/', '/news/?page=2', '/news/?page=3', '/search?q=%3Cscript%3E', '/search?q=alert', '/']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      judge(r.body, url);
    }
    for (const url of ['/feed.xml', '/sitemap.xml']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      // XML: every payload is escaped text, so no raw < of a payload appears inside an element
      expect(r.body).not.toMatch(/<script/i);
      expect(r.body).not.toMatch(/<(img|svg|iframe|a)\b/i);
    }
  });
});
