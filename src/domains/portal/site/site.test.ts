// The public site's pages against a copy of the demo census (which publishes articles in both
// languages): markup the contract names, paging, language switch, font size, print view,
// search, feeds and sitemap, robots, 404s, the CSP and the render cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from '../../../../test/helpers/databases.ts';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { parseXml, seedArticle, seedPortal } from '../../../../test/helpers/portal-seed.ts';
import { bumpPortal } from '../index.ts';

const BASE = 'https://census.example.cn';
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const listed = (b: string) => count(b.match(/<ul class="article-list">([\s\S]*?)<\/ul>/)?.[1] ?? '', /<li>/g);

describe.each(databaseKinds())('public site on %s', (kind) => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    process.env.PUCHA_PUBLIC_URL = `${BASE}/`;
    t = await startTestApp(kind, { worker: false });
    await seedPortal(t.ctx.db);
    // Never shown: a draft, an article scheduled for tomorrow, one marked published with a future time, an unpublished one.
    await seedArticle(t.ctx.db, { section: 'news', slug: 'secret-draft', lang: 'zh', title: '草稿不可见', status: 'draft' });
    await seedArticle(t.ctx.db, { section: 'news', slug: 'secret-scheduled', lang: 'zh', title: '定时未到不可见', status: 'scheduled', publishedIn: 86_400 });
    await seedArticle(t.ctx.db, { section: 'news', slug: 'secret-future', lang: 'zh', title: '未来发布不可见', status: 'published', publishedIn: 86_400 });
    await seedArticle(t.ctx.db, { section: 'news', slug: 'secret-withdrawn', lang: 'en', title: 'Withdrawn and hidden', status: 'unpublished' });
    // Chinese only: its language switch leads to the English home.
    await seedArticle(t.ctx.db, { section: 'briefings', slug: 'zh-only', lang: 'zh', title: '仅有中文版的简报', publishedIn: -60 });
    await seedArticle(t.ctx.db, { section: 'notices', slug: 'percent-title', lang: 'zh', title: '达标率100%_全部', publishedIn: -7_200_000 });
    await seedArticle(t.ctx.db, { section: 'notices', slug: 'percent-decoy', lang: 'zh', title: '达标率100x全部', publishedIn: -7_200_001 });
  });
  afterAll(async () => {
    delete process.env.PUCHA_PUBLIC_URL;
    await t?.close();
  });

  it('the root is the portal home, /console still leads to the console', async () => {
    const r = await get('/');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toMatch(/^<!doctype html>\n<html lang="zh" class="font-m">/);
    expect(r.body).toContain('第二次全国污染源普查工作全面启动');
    expect(r.body).not.toContain('草稿不可见');
    for (const tag of ['<header', '<nav class="site-nav" aria-label="栏目导航"', '<main id="main"', '<footer', 'class="skip-link" href="#main"']) expect(r.body).toContain(tag);
    expect(r.body).toContain(`<link rel="canonical" href="${BASE}/">`);
    expect(r.body).toContain(`<link rel="alternate" hreflang="en" href="${BASE}/en/">`);
    expect(r.body).toContain('<meta property="og:locale" content="zh_CN">');
    expect(r.body).toContain('<a href="/sitemap.xml">');
    expect(r.body).toContain('https://www.mee.gov.cn/'); // the related links
    expect(r.body).toContain('<form class="search-form" role="search" action="/search" method="get">');
    expect(r.body).not.toMatch(/<script|style=/);
    const en = await get('/en/');
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('The Second National Pollution Source Census is fully under way');
    expect((await get('/en')).headers.location).toBe('/en/');
    const c = await get('/console');
    expect(c.statusCode).toBe(302);
    expect(c.headers.location).toBe('/console/');
  });

  it('portal pages get the portal CSP, the API keeps its own', async () => {
    const page = await get('/news/');
    expect(page.headers['content-security-policy']).toBe("default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    const api = await get('/api/v1/session');
    expect(String(api.headers['content-security-policy'])).toContain("script-src 'self'");
    const css = await get(page.body.match(/href="(\/portal\.css\?v=\w+)"/)![1]);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.body).toContain('@media print');
  });

  it('an article page carries the markup the contract names', async () => {
    const r = await get('/news/census-work-fully-launched');
    expect(r.statusCode).toBe(200);
    const b = r.body;
    expect(count(b, /<h1[\s>]/g)).toBe(1);
    expect(b).toMatch(/<h1>第二次全国污染源普查工作全面启动<\/h1>/);
    expect(b).toMatch(/<div class="meta">[\s\S]*<time datetime="2018-04-27T01:00:00.000Z">[\s\S]*<span class="publisher">[\s\S]*<span class="source">[^<]*中国环境报<\/span>[\s\S]*<span class="views">\d+<\/span>/);
    expect(b).toMatch(/<nav class="font-size"[^>]*>[^]*<a href="\?font=l">大<\/a> <a href="\?font=m">中<\/a> <a href="\?font=s">小<\/a><\/nav>/);
    expect(b).toContain('<a class="lang-switch" hreflang="en" lang="en" href="/en/news/census-work-fully-launched">');
    expect(b).toContain('<a class="print-link" href="?print=1">');
    expect(b).toMatch(/<div class="article-body">\s*<p>4月25日/);
    expect(b).toContain(`<meta property="og:url" content="${BASE}/news/census-work-fully-launched">`);
    expect(b).toContain('<meta property="og:type" content="article">');
    expect(b).toContain(`<link rel="alternate" hreflang="en" href="${BASE}/en/news/census-work-fully-launched">`);
    const en = await get('/en/news/census-work-fully-launched');
    expect(en.body).toContain('<a class="lang-switch" hreflang="zh" lang="zh" href="/news/census-work-fully-launched">');
  });

  it('previous and next are the neighbours by publish time in the section and language', async () => {
    // notices: third-party 05-10, acceptance 06-20, household survey 07-30 (and the two seeded long ago)
    const b = (await get('/notices/inventory-acceptance-2018')).body;
    expect(b).toMatch(/<a rel="prev" href="\/notices\/third-party-agency-rules">/);
    expect(b).toMatch(/<a rel="next" href="\/notices\/household-survey-begins">/);
    const last = (await get('/en/notices/household-survey-begins')).body;
    expect(last).toMatch(/<a rel="prev" href="\/en\/notices\/inventory-acceptance-2018">/);
    expect(last).not.toContain('rel="next"');
  });

  it('the language switch of a page without its other version leads to that language\'s home', async () => {
    const b = (await get('/briefings/zh-only')).body;
    expect(b).toContain('<a class="lang-switch" hreflang="en" lang="en" href="/en/">');
    expect(b).not.toContain('hreflang="en" href="https');
    expect((await get('/en/briefings/zh-only')).statusCode).toBe(404);
  });

  it('?font= sets the cookie and redirects to the same page without it', async () => {
    const r = await get('/news/census-work-fully-launched?font=l');
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/news/census-work-fully-launched');
    const c = r.cookies.find((x) => x.name === 'pfont')!;
    expect(c.value).toBe('l');
    expect(c.maxAge).toBe(365 * 24 * 3600);
    expect(String(c.sameSite).toLowerCase()).toBe('lax');
    const big = await get('/news/census-work-fully-launched', { cookie: 'pfont=l' });
    expect(big.body).toContain('<html lang="zh" class="font-l">');
    expect((await get('/news/census-work-fully-launched', { cookie: 'pfont=s' })).body).toContain('class="font-s"');
    const keep = await get('/search?q=%E6%99%AE%E6%9F%A5&font=s');
    expect(keep.headers.location).toBe('/search?q=%E6%99%AE%E6%9F%A5');
    const odd = await get('//evil.example/?font=m');
    expect(odd.headers.location).toBe('/');
    const bad = await get('/news/?font=huge');
    expect(bad.statusCode).toBe(303);
    expect(bad.cookies.find((x) => x.name === 'pfont')).toBeUndefined();
  });

  it('the print view: no navigation, the full text, the page\'s address', async () => {
    const r = await get('/news/census-work-fully-launched?print=1');
    expect(r.body).toContain('<body class="print">');
    expect(r.body).toContain(`<p class="print-url">本页地址：${BASE}/news/census-work-fully-launched</p>`);
    expect(r.body).not.toContain('class="site-nav"');
    expect(r.body).not.toContain('class="font-size"');
    expect(r.body).toContain('各省级普查机构要向省级政府专题报告'); // the last paragraph
    expect((await get('/news/census-work-fully-launched')).body).not.toContain('<body class="print">');
  });

  it('lists page by 20; a bad page number is page 1, one past the end a 404 page', async () => {
    for (let i = 1; i <= 45; i++) await seedArticle(t.ctx.db, { section: 'briefings', slug: `paging-${i}`, lang: 'en', title: `Paging item ${i}`, publishedIn: -100 - i });
    const first = await get('/en/briefings/');
    expect(listed(first.body)).toBe(20);
    expect(first.body).toContain('Paging item 1<');
    expect(first.body).toMatch(/<a rel="next" href="\/en\/briefings\/\?page=2">/);
    const third = await get('/en/briefings/?page=3');
    expect(third.statusCode).toBe(200);
    expect(listed(third.body)).toBe(47 - 40); // 45 + the demo's two
    expect(third.body).toContain(`<link rel="canonical" href="${BASE}/en/briefings/?page=3">`);
    for (const bad of ['abc', '0', '-1', '1e3', '']) {
      const r = await get(`/en/briefings/?page=${bad}`);
      expect(r.statusCode, bad).toBe(200);
      expect(r.body, bad).toContain('Paging item 1<');
    }
    const past = await get('/en/briefings/?page=4');
    expect(past.statusCode).toBe(404);
    expect(past.body).toContain('Page not found');
    expect((await get('/en/briefings')).headers.location).toBe('/en/briefings/');
  });

  it('search: title and text of live articles in the language, LIKE characters literal, input escaped', async () => {
    const zh = await get(`/search?q=${encodeURIComponent('八部六色')}`);
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('/news/census-work-fully-launched');
    expect(zh.body).toContain('/briefings/yueqing-eight-departments');
    expect(zh.body).not.toContain('/en/news/');
    const en = await get('/en/search?q=wenzhou');
    expect(en.body).toContain('/en/news/census-work-fully-launched');
    const pct = await get(`/search?q=${encodeURIComponent('100%_')}`);
    expect(pct.body).toContain('/notices/percent-title');
    expect(pct.body).not.toContain('/notices/percent-decoy');
    expect((await get(`/search?q=${encodeURIComponent('不可见')}`)).body).toContain('共找到 0 篇');
    const xss = await get(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(xss.statusCode).toBe(200);
    expect(xss.body).not.toContain('<script>alert(1)');
    expect(xss.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    const empty = await get('/search?q=');
    expect(empty.body).toContain('请输入要搜索的词语');
    expect(empty.body).not.toContain('共找到');
  });

  it('sitemap and feeds are XML and list live articles only', async () => {
    const sm = await get('/sitemap.xml');
    expect(sm.headers['content-type']).toContain('application/xml');
    const { texts } = parseXml(sm.body);
    expect(texts).toContain(`${BASE}/news/census-work-fully-launched`);
    expect(texts).toContain(`${BASE}/en/news/census-work-fully-launched`);
    expect(texts).toContain(`${BASE}/briefings/zh-only`);
    expect(sm.body).toMatch(new RegExp(`<loc>${BASE}/news/census-work-fully-launched</loc><lastmod>[^<]+</lastmod><xhtml:link rel="alternate" hreflang="zh" href="${BASE}/news/census-work-fully-launched"/><xhtml:link rel="alternate" hreflang="en" href="${BASE}/en/news/census-work-fully-launched"/>`));
    expect(sm.body).toMatch(new RegExp(`<loc>${BASE}/briefings/zh-only</loc><lastmod>[^<]+</lastmod></url>`));
    expect(sm.body).not.toMatch(/secret-/);
    for (const [url, lang] of [['/feed.xml', 'zh'], ['/en/feed.xml', 'en']] as const) {
      const f = await get(url);
      expect(f.headers['content-type']).toContain('application/atom+xml');
      const x = parseXml(f.body);
      expect(x.names[0]).toBe('feed');
      expect(x.names.filter((n) => n === 'entry').length).toBeGreaterThan(3);
      expect(f.body).not.toMatch(/secret-|不可见|Withdrawn/);
      if (lang === 'zh') expect(f.body).toContain(`<id>${BASE}/news/census-work-fully-launched</id>`);
      // the 50 latest: English has the 45 paging items and more
      else expect(x.names.filter((n) => n === 'entry').length).toBe(50);
    }
    for (const slug of ['secret-draft', 'secret-scheduled', 'secret-future']) expect((await get(`/news/${slug}`)).statusCode).toBe(404);
    expect((await get('/en/news/secret-withdrawn')).statusCode).toBe(404);
    expect((await get('/news/')).body).not.toMatch(/不可见/);
  });

  it('an editor\'s markup in a title cannot break the feed', async () => {
    await seedArticle(t.ctx.db, { section: 'news', slug: 'markup-title', lang: 'en', title: 'Tom & "Jerry" <b>bold</b> \u0001', publishedIn: -5 });
    const f = await get('/en/feed.xml');
    parseXml(f.body);
    expect(f.body).toContain('<title>Tom &amp; &quot;Jerry&quot; &lt;b&gt;bold&lt;/b&gt; </title>');
  });

  it('robots.txt names the sitemap and keeps crawlers out of the API and console', async () => {
    const r = await get('/robots.txt');
    expect(r.body).toContain('Disallow: /api/\n');
    expect(r.body).toContain('Disallow: /console/\n');
    expect(r.body).toContain('Disallow: /docs\n');
    expect(r.body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });

  it('unknown portal addresses answer a bilingual 404 page; the API keeps its JSON', async () => {
    for (const url of ['/nothing-here', '/news/NOT_A_SLUG', '/news/no-such-story', '/en/nope', '/media/abc.png', '/media/../../etc/passwd', '/results/no-such/data.csv']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toContain('text/html');
      expect(r.body, url).toContain('页面不存在');
      expect(r.body, url).toContain('Page not found');
    }
    expect((await get('/en/nope')).body).toContain('<html lang="en"');
    const api = await get('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('a page is served from memory until bumpPortal(), then shows the change', async () => {
    const url = '/notices/third-party-agency-rules';
    expect((await get(url)).body).toContain('关于规范第三方机构参与普查工作的通知');
    await sql`UPDATE portal_articles a SET title = '改过的标题' FROM portal_stories s WHERE s.id = a.story_id AND s.slug = 'third-party-agency-rules' AND a.lang = 'zh'`.execute(t.ctx.db);
    expect((await get(url)).body).not.toContain('改过的标题'); // still the rendered page
    await bumpPortal();
    const b = (await get(url)).body;
    expect(b).toContain('<h1>改过的标题</h1>');
  });

  it('images: the portal\'s own files, cached for good; the cover becomes og:image', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const id = 'ab'.repeat(12);
    const dir = path.join(t.ctx.config.dataDir, 'portal-images');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${id}.png`), Buffer.from('89504e470d0a1a0a', 'hex'));
    const r = await get(`/media/${id}.png`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(`/media/${id}-s.png`)).statusCode).toBe(404);
    await sql`INSERT INTO portal_images (id, sha256, mime, width, height, bytes) VALUES (${id}, ${'c'.repeat(64)}, 'image/png', 1, 1, 8)`.execute(t.ctx.db);
    await seedArticle(t.ctx.db, { section: 'news', slug: 'with-cover', lang: 'zh', title: '有封面的新闻', cover: id });
    const page = (await get('/news/with-cover')).body;
    expect(page).toContain(`<meta property="og:image" content="${BASE}/media/${id}.png">`);
    expect(page).toContain(`<img src="/media/${id}.png" alt="">`);
  });

  it('without PUCHA_PUBLIC_URL, absolute addresses use the request\'s host', async () => {
    delete process.env.PUCHA_PUBLIC_URL;
    try {
      const r = await get('/en/', { host: 'portal.test:8080' });
      expect(r.body).toContain('<link rel="canonical" href="http://portal.test:8080/en/">');
    } finally {
      process.env.PUCHA_PUBLIC_URL = BASE;
    }
  });

  it('stored HTML is sanitised again when rendered', async () => {
    await seedArticle(t.ctx.db, { section: 'news', slug: 'raw-written', lang: 'zh', title: '绕过接口写入', body: '<p onclick="x()">正文</p><script>alert(1)</script><img src="https://evil.example/x.png">' });
    const b = (await get('/news/raw-written')).body;
    expect(b).toContain('<p>正文</p>');
    expect(b).not.toMatch(/<script|onclick|evil\.example/);
  });
});
