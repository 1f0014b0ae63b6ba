// The portal end to end in Chromium against a real server process, on both databases (issue 10).
// The editor (`editor`) writes a news item in Chinese with an uploaded image, creates its English
// version from it, and submits both; approving its own submission is refused (four eyes). The
// national office (`nation`) approves both. Then a reader who is not signed in opens the page,
// switches to English, enlarges the font (remembered on the next page), opens the print view, finds
// the article in the sitemap and both feeds, and reloading does not raise the view count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { browserAvailable, consolePageAs, launchBrowser } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

const ZH_TITLE = '乐清市完成污染源清查入户登记';
const EN_TITLE = 'Yueqing completes the inventory visits';
const ZH_BODY = '## 工作进展\n\n乐清市各乡镇普查员已完成**全部**清查入户登记。\n\n';
const EN_BODY = '## Progress\n\nThe census takers of every township in Yueqing have completed **all** inventory visits.\n';

run.each(databaseKinds())('portal: write, translate, review and read in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let editor: Page;
  let nation: Page;
  const slug = `yueqing-inventory-${Math.random().toString(36).slice(2, 8)}`;
  let zhId = 0;
  let enId = 0;

  const editorStatus = (page: Page) => () => page.locator('[data-testid="portal-editor"]').getAttribute('data-status');
  const openArticle = async (page: Page, id: number) => {
    await page.goto(`${server.url}/console/portal/articles/${id}`);
    await page.locator(`[data-testid="portal-editor"][data-id="${id}"]`).waitFor();
  };

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    editor = await consolePageAs(browser, server.url, 'editor');
    nation = await consolePageAs(browser, server.url, 'nation');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the editor writes a Chinese news item with an image and sees the page it makes', async () => {
    await editor.goto(`${server.url}/console/`);
    await editor.locator('.ant-menu').getByText('门户管理').click();
    await editor.waitForURL(/\/console\/portal$/);
    await editor.click('[data-testid="portal-new"]');
    await editor.waitForURL(/\/console\/portal\/new$/);
    await editor.fill('[data-testid="portal-title"]', ZH_TITLE);
    await editor.fill('[data-testid="portal-slug"]', slug);
    expect(await editor.locator('[data-testid="portal-slug-hint"]').textContent()).toContain(`/news/${slug}`);
    await editor.fill('[data-testid="portal-summary"]', '乐清市清查入户登记全部完成。');
    await editor.fill('[data-testid="portal-publisher"]', '乐清市第二次全国污染源普查领导小组办公室');
    await editor.fill('[data-testid="portal-source"]', '中国环境报');
    await editor.fill('[data-testid="portal-body"]', ZH_BODY);
    // The image goes in at the caret (the end) as Markdown naming the portal's own copy.
    await editor.locator('[data-testid="portal-body"]').press('End');
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 120, b: 60 } } }).png().toBuffer();
    await editor.setInputFiles('[data-testid="portal-body-image-file"]', { name: '现场照片.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => editor.locator('[data-testid="portal-body"]').inputValue(), { timeout: 15_000 }).toMatch(/!\[现场照片\]\(\/media\/[0-9a-f]{24}\.png\)/);
    // The live preview is the server's rendering: a heading, bold text and the image.
    await expect.poll(() => editor.locator('[data-testid="portal-preview"] h2').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => editor.locator('[data-testid="portal-preview"] img[src^="/media/"]').count(), { timeout: 15_000 }).toBe(1);
    await editor.click('[data-testid="portal-save"]');
    await editor.waitForURL(/\/console\/portal\/articles\/\d+$/, { timeout: 15_000 });
    zhId = Number(/articles\/(\d+)$/.exec(editor.url())![1]);
    await editor.locator(`[data-testid="portal-editor"][data-id="${zhId}"]`).waitFor();
    expect(await editorStatus(editor)()).toBe('draft');
    expect(await editor.locator('[data-testid="portal-heading"]').textContent()).toBe(ZH_TITLE);
    // A second article cannot take the same address: said beside the field, in Chinese.
    await editor.goto(`${server.url}/console/portal/new`);
    await editor.fill('[data-testid="portal-title"]', '重复地址');
    await editor.fill('[data-testid="portal-slug"]', slug);
    await editor.click('[data-testid="portal-save"]');
    await expect.poll(() => editor.locator('[data-testid="portal-fields"] .ant-form-item-explain-error').allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringContaining(slug)]);
    expect(editor.url()).toMatch(/\/portal\/new$/);
  }, 120_000);

  it('creates the English version from the Chinese one; each links to the other', async () => {
    await openArticle(editor, zhId);
    await editor.click('[data-testid="portal-create-translation"]');
    await editor.waitForURL(/\/console\/portal\/new\?translationOf=\d+$/);
    await editor.locator('[data-testid="portal-translation-of"]').waitFor();
    expect(await editor.locator('[data-testid="portal-slug"]').inputValue()).toBe(slug);
    expect(await editor.locator('[data-testid="portal-slug-hint"]').textContent()).toContain(`/en/news/${slug}`);
    await editor.fill('[data-testid="portal-title"]', EN_TITLE);
    await editor.fill('[data-testid="portal-publisher"]', 'Yueqing census office');
    await editor.fill('[data-testid="portal-body"]', EN_BODY);
    await editor.click('[data-testid="portal-save"]');
    await editor.waitForURL(/\/console\/portal\/articles\/\d+$/, { timeout: 15_000 });
    enId = Number(/articles\/(\d+)$/.exec(editor.url())![1]);
    expect(enId).not.toBe(zhId);
    await editor.locator(`[data-testid="portal-editor"][data-id="${enId}"]`).waitFor();
    expect(await editor.locator('[data-testid="portal-translation-link"]').textContent()).toBe(ZH_TITLE);
    await editor.click('[data-testid="portal-translation-link"]');
    await editor.locator(`[data-testid="portal-editor"][data-id="${zhId}"]`).waitFor();
    expect(await editor.locator('[data-testid="portal-translation-link"]').textContent()).toBe(EN_TITLE);
    expect(await editor.locator('[data-testid="portal-create-translation"]').count()).toBe(0);
  }, 60_000);

  it('the editor submits both and may not approve its own submission', async () => {
    for (const id of [enId, zhId]) {
      await openArticle(editor, id);
      await editor.click('[data-testid="portal-submit"]');
      await expect.poll(editorStatus(editor), { timeout: 15_000 }).toBe('review');
      // Under review nothing can be edited: the fields are shut and the save button is gone.
      expect(await editor.locator('[data-testid="portal-save"]').count()).toBe(0);
      expect(await editor.locator('[data-testid="portal-title"]').isDisabled()).toBe(true);
    }
    await editor.click('[data-testid="portal-approve"]');
    await editor.click('[data-testid="portal-approve-ok"]');
    await expect.poll(() => editor.locator('.ant-message').textContent(), { timeout: 15_000 }).toContain('不能审核自己提交的文章');
    await editor.keyboard.press('Escape');
    expect(await editorStatus(editor)()).toBe('review');
    // The history names each saved state; a revision opens whole.
    await editor.click('[data-testid="portal-history-open"]');
    await editor.locator('[data-testid="portal-rev-2"]').click();
    await expect.poll(() => editor.locator('[data-testid="portal-revision-body"]').textContent(), { timeout: 15_000 }).toContain('工作进展');
  }, 60_000);

  it('the national office approves both; the list links the public pages', async () => {
    for (const id of [zhId, enId]) {
      await openArticle(nation, id);
      await nation.click('[data-testid="portal-approve"]');
      await nation.click('[data-testid="portal-approve-ok"]');
      await expect.poll(editorStatus(nation), { timeout: 15_000 }).toBe('published');
      await nation.locator('[data-testid="portal-public-link"]').waitFor();
    }
    await nation.goto(`${server.url}/console/portal`);
    await expect.poll(() => nation.locator(`[data-testid="portal-public-${zhId}"]`).getAttribute('href'), { timeout: 15_000 }).toBe(`/news/${slug}`);
    expect(await nation.locator(`[data-testid="portal-public-${enId}"]`).getAttribute('href')).toBe(`/en/news/${slug}`);
    expect(await nation.locator(`[data-testid="portal-row-${zhId}"]`).getAttribute('data-status')).toBe('published');
  }, 60_000);

  it('a reader reads it in both languages, larger, in print, in the sitemap and feeds; a reload is not a second view', async () => {
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${server.url}/news/${slug}`);
    expect(await reader.locator('h1').allTextContents()).toEqual([ZH_TITLE]);
    expect(await reader.locator('.meta .source').textContent()).toContain('中国环境报');
    const img = reader.locator('.article-body img');
    expect(await img.getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{24}\.png$/);
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBe(64);

    await reader.click('a.lang-switch');
    await reader.waitForURL(`${server.url}/en/news/${slug}`);
    expect(await reader.locator('h1').allTextContents()).toEqual([EN_TITLE]);
    expect(await reader.locator('html').getAttribute('lang')).toMatch(/^en/);

    // 大: the size is set by a cookie and a redirect to the same page, and kept on the next page.
    expect(await reader.locator('html').getAttribute('class')).toContain('font-m');
    await reader.click('nav.font-size a[href*="font=l"]');
    await expect.poll(() => reader.locator('html').getAttribute('class'), { timeout: 15_000 }).toContain('font-l');
    expect(reader.url()).toBe(`${server.url}/en/news/${slug}`);
    await reader.goto(`${server.url}/en/news/`);
    expect(await reader.locator('html').getAttribute('class')).toContain('font-l');
    await reader.goto(`${server.url}/en/news/${slug}`);

    await reader.click('a.print-link');
    await reader.locator('body.print').waitFor();
    expect(await reader.locator('.print-url').textContent()).toContain(`/en/news/${slug}`);

    const sitemap = await reader.request.get(`${server.url}/sitemap.xml`);
    expect(sitemap.status()).toBe(200);
    const map = await sitemap.text();
    expect(map).toContain(`/news/${slug}</loc>`);
    expect(map).toContain(`/en/news/${slug}"`);
    expect(await (await reader.request.get(`${server.url}/feed.xml`)).text()).toContain(ZH_TITLE);
    expect(await (await reader.request.get(`${server.url}/en/feed.xml`)).text()).toContain(EN_TITLE);

    // Views: this reader counts once on the English page however often it reloads (the counts are
    // written every second, hence the polls). A second reader's first visit to the Chinese page, after
    // these reloads, shows that new readers still count. Without a cookie a reader is its address and
    // browser for the day, so the second reader is another browser.
    await reader.goto(`${server.url}/en/news/${slug}`);
    const views = () => reader.locator('span.views').first().textContent().then((v) => v?.trim());
    await expect.poll(async () => { await reader.reload(); return views(); }, { timeout: 15_000 }).toBe('1');
    await reader.reload();
    await reader.reload();
    const other = await (await browser.newContext({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36 second-reader' })).newPage();
    await other.goto(`${server.url}/news/${slug}`);
    await expect.poll(async () => { await other.reload(); return other.locator('span.views').first().textContent().then((v) => v?.trim()); }, { timeout: 15_000 }).toBe('2');
    await reader.reload();
    expect(await views()).toBe('1');
    await other.context().close();
    await reader.context().close();
  }, 120_000);
});
