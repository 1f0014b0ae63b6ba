// Issue 12: script and SQL injection strings stored through the real API in the text people
// type — a source's name, address and legal representative, a supervision case, a work-channel
// message (and the mention it notifies), a portal link's title, a portal article's title and
// Markdown body (raw HTML and a javascript: link), a user's display name — then opened in
// Chromium where the console, the case's printable letter and the public portal show them. No
// script runs (window.__pwned stays undefined, no dialog opens, no element or handler the
// payloads would make exists), the text shows literally, the SQL string comes back equal and
// the sources table still answers, and the article's stored HTML has no script, no event
// attribute and no javascript: link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, consolePageAs, launchBrowser } from '../helpers/browser.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

const P = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1;alert(1)">',
  svg: '"><svg onload=window.__pwned=1>',
  sql: "'; DROP TABLE sources; --",
  template: "{{constructor.constructor('window.__pwned=1')()}}",
  js: 'javascript:window.__pwned=1',
};
const TAG = '注入测试'; // a plain word in every stored text, to search by

interface Source { id: number; name: string; address: string | null; legalRep: string | null }

/** What the page made of the payloads: a flag a script would set, and elements they would be. */
async function judge(page: Page, dialogs: string[], label: string) {
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('__pwned')).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
  }));
  expect(found, label).toEqual({ pwned: undefined, handlers: 0, scripts: 0, jsLinks: 0 });
  expect(dialogs, label).toEqual([]);
}

/** Waits until the page's text holds every string, literally. */
async function shows(page: Page, texts: string[], label: string) {
  for (const s of texts) {
    await expect.poll(() => page.evaluate(() => document.body.textContent ?? ''), { timeout: 20_000, message: `${label} shows ${s}` }).toContain(s);
  }
}

// What is shown and escaped is rendering, the same code on either database: one run is enough.
run.each(['pglite'] as const)('injection strings shown harmlessly in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let county: HttpSession, zhejiang: HttpSession, nation: HttpSession, editor: HttpSession;
  let a: Source, b: Source;
  let channelId = 0;
  let caseId = 0;
  let articleId = 0;
  const slug = 'injection-e2e';
  const title = `${P.script}${TAG}${P.img}`;
  const message = `${TAG} ${P.img} ${P.svg} ${P.template} ${P.sql}`;
  const displayName = `${P.img}${TAG}`;
  const linkTitle = `${P.svg}${TAG}`;
  const caseTitle = `${P.script}${TAG}督办`;

  /** A page that counts every dialog; `__pwned` is read from it after it settles. */
  async function open(page: Page, url: string, texts: string[], label: string) {
    const dialogs: string[] = [];
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(url);
    await shows(page, texts, label);
    await judge(page, dialogs, label);
    return dialogs;
  }

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    [county, zhejiang, nation, editor] = await Promise.all(['yueqing', 'zhejiang', 'nation', 'editor'].map((u) => httpLogin(server.url, u)));

    // Directory: names, addresses and a legal representative.
    a = await httpCall<Source>(county, 'POST', '/api/v1/sources', { regionCode: '330382001', name: `${P.script}${TAG}甲厂`, address: P.img, legalRep: P.template });
    b = await httpCall<Source>(county, 'POST', '/api/v1/sources', { regionCode: '330382001', name: `${P.svg}${TAG}乙厂`, address: P.sql, legalRep: P.js });

    // A work-channel message mentioning the national office, which notifies it.
    const channels = await httpCall<Channel[] | { items: Channel[] }>(zhejiang, 'GET', '/api/v1/channels');
    channelId = (Array.isArray(channels) ? channels : channels.items)[0].id;
    const nationId = (await httpCall<{ items: { id: number; username: string }[] }>(nation, 'GET', '/api/v1/users?q=nation')).items.find((u) => u.username === 'nation')!.id;
    await httpCall(zhejiang, 'POST', `/api/v1/channels/${channelId}/messages`, { body: message, mentions: [nationId] });

    // A supervision case from the city to the county: title, reasons and measures.
    const wenzhou = await httpLogin(server.url, 'wenzhou');
    caseId = (await httpCall<{ id: number }>(wenzhou, 'POST', '/api/v1/supervision/cases', {
      type: 'reminder', targetRegion: '330382', title: caseTitle, reasons: `${P.img}\n${P.sql}`, measures: P.template, dueOn: '2099-01-01',
    })).id;

    // A user's display name.
    await httpCall(county, 'POST', '/api/v1/users', { username: 'inject-e2e', displayName, password: 'Inject2018a', role: 'enumerator', regionCode: '330382001' });

    // A portal link: a javascript: address is refused; the title is kept as text.
    await httpCall(editor, 'POST', '/api/v1/portal/links', { nameZh: linkTitle, nameEn: linkTitle, url: P.js }, 422);
    await httpCall(editor, 'POST', '/api/v1/portal/links', { nameZh: linkTitle, nameEn: linkTitle, url: 'https://www.mee.gov.cn/' }, 201);

    // A portal article in Markdown with raw HTML and a javascript: link, approved by the nation.
    const body = `${TAG}正文\n\n${P.script}\n\n${P.img}\n\n${P.svg}\n\n[点此](${P.js})\n\n<a href="${P.js}">链接</a>\n\n${P.template}`;
    const art = await httpCall<{ id: number; version: number }>(editor, 'POST', '/api/v1/portal/articles', { section: 'news', slug, lang: 'zh', title, summary: P.svg, format: 'markdown', body });
    articleId = art.id;
    const sent = await httpCall<{ version: number }>(editor, 'POST', `/api/v1/portal/articles/${art.id}/submit`, { version: art.version });
    const pub = await httpCall<{ status: string }>(nation, 'POST', `/api/v1/portal/articles/${art.id}/approve`, { version: sent.version });
    expect(pub.status).toBe('published');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // The server's CSP would stop an inline handler anyway, so the pages are also judged by the
  // elements the payloads would make; on a page without CSP the payload does run.
  it('the payloads are live: written as HTML into a page without CSP, they run', async () => {
    const page = await (await browser.newContext()).newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto('about:blank');
    await page.evaluate((html) => { document.body.innerHTML = html; }, P.img);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => dialogs.length).toBe(1);
    await page.context().close();
  });

  it('stores every string literally, and the SQL string leaves the sources table alone', async () => {
    expect(await httpCall<Source>(county, 'GET', `/api/v1/sources/${a.id}`)).toMatchObject({ name: `${P.script}${TAG}甲厂`, address: P.img, legalRep: P.template });
    expect(await httpCall<Source>(county, 'GET', `/api/v1/sources/${b.id}`)).toMatchObject({ name: `${P.svg}${TAG}乙厂`, address: P.sql, legalRep: P.js });
    const list = await httpCall<{ items: Source[] }>(county, 'GET', `/api/v1/sources?q=${encodeURIComponent(TAG)}`);
    expect(list.items.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    const msgs = await httpCall<{ items: { body: string }[] }>(zhejiang, 'GET', `/api/v1/channels/${channelId}/messages`);
    expect(msgs.items.map((m) => m.body)).toContain(message);
  });

  it('the article\'s stored HTML has no script, no event attribute and no javascript: link', async () => {
    const art = await httpCall<{ title: string; html: string }>(editor, 'GET', `/api/v1/portal/articles/${articleId}`);
    expect(art.title).toBe(title);
    expect(art.html).toContain(`${TAG}正文`);
    // The payloads that survive are escaped text (&lt;svg …); judge the tags themselves.
    const tags = art.html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(3);
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<(script|svg|img|iframe|object|embed)\b/i);
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/javascript:/i);
    }
    expect(art.html).toContain('&lt;svg onload=window.__pwned=1&gt;');
  });

  it('the console shows the strings as text and runs none: directory list and source, channel, notification, users, portal', async () => {
    const page = await consolePageAs(browser, server.url, 'yueqing');
    await page.goto(`${server.url}/console/directory`);
    await page.locator('[data-testid="source-search"] input, input[data-testid="source-search"]').first().fill(TAG);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="source-row-${a.id}"]`).waitFor({ timeout: 20_000 });
    await shows(page, [`${P.script}${TAG}甲厂`, `${P.svg}${TAG}乙厂`], 'directory list');
    await judge(page, [], 'directory list');
    await open(page, `${server.url}/console/directory/${a.id}`, [`${P.script}${TAG}甲厂`, P.img, P.template], 'source A');
    await open(page, `${server.url}/console/directory/${b.id}`, [`${P.svg}${TAG}乙厂`, P.sql, P.js], 'source B');
    await open(page, `${server.url}/console/users`, [], 'users');
    await page.locator('[data-testid="user-filter-q"] input, input[data-testid="user-filter-q"]').first().fill('inject-e2e');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="user-row-inject-e2e"]').waitFor({ timeout: 20_000 });
    await shows(page, [displayName], 'users');
    await judge(page, [], 'users');
    await open(page, `${server.url}/console/supervision/cases/${caseId}`, [caseTitle, P.img, P.sql, P.template], 'supervision case');
    // The printable letter is HTML the server writes: the same text, escaped.
    await open(page, `${server.url}/api/v1/supervision/cases/${caseId}/letter`, [caseTitle, P.img, P.sql, P.template], 'case letter');
    await page.context().close();

    const zj = await consolePageAs(browser, server.url, 'zhejiang');
    await open(zj, `${server.url}/console/channels/${channelId}`, [message], 'channel');
    await zj.context().close();

    const nb = await consolePageAs(browser, server.url, 'nation');
    const dialogs: string[] = [];
    nb.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await nb.locator('[data-testid="notif-bell"]').click();
    await nb.locator('[data-testid^="notif-"]', { hasText: TAG }).first().waitFor({ timeout: 20_000 });
    await judge(nb, dialogs, 'notifications');
    await nb.context().close();

    const ed = await consolePageAs(browser, server.url, 'editor');
    await open(ed, `${server.url}/console/portal?tab=links`, [linkTitle], 'portal links');
    // The editor page previews the stored HTML: the sanitiser's output, so only the plain text remains.
    await open(ed, `${server.url}/console/portal/articles/${articleId}`, [`${TAG}正文`], 'article editor');
    await ed.context().close();
  }, 180_000); // four accounts and eleven pages in one browser

  it('the public portal shows them as text and runs none: article, list, search, home, feed, sitemap', async () => {
    const page = await (await browser.newContext()).newPage();
    await open(page, `${server.url}/news/${slug}`, [title, `${TAG}正文`, P.template], 'article');
    await open(page, `${server.url}/news/`, [title], 'list');
    await open(page, `${server.url}/search?q=${encodeURIComponent(P.script)}`, [P.script], 'search for the script');
    await open(page, `${server.url}/search?q=${encodeURIComponent(TAG)}`, [title], 'search');
    await open(page, `${server.url}/`, [linkTitle], 'home and its links');
    for (const path of ['/feed.xml', '/sitemap.xml']) {
      const text = await (await fetch(`${server.url}${path}`)).text();
      expect(text, path).not.toMatch(/<(script|img|svg)\b/i);
      await open(page, `${server.url}${path}`, [], path);
    }
    const feed = await (await fetch(`${server.url}/feed.xml`)).text();
    expect(feed).toContain(TAG);
    await page.context().close();
  });
});

interface Channel { id: number }
