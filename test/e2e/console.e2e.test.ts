// The console in Debian's Chromium against a real server process: log in,
// switch language, browse 浙江省 → 温州市 → 乐清市, create a user, find the
// change in the audit page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { databaseKinds } from '../helpers/databases.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

run.each(databaseKinds())('console in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const username = `e2e-${kind}-${Date.now() % 100000}`;

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a stranger to the login page and lets a demo user in', async () => {
    await page.goto(`${server.url}/console/`);
    await page.waitForURL(/\/console\/login/);
    await page.fill('#username', 'nation');
    await page.fill('#password', 'wrong-password1');
    await page.click('[data-testid="login-submit"]');
    await expect.poll(() => page.locator('[data-testid="login-error"]').textContent()).toContain('用户名或密码错误');
    await page.fill('#password', 'Pucha2018');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL((u) => !u.pathname.includes('/login'));
    await expect.poll(() => page.locator('body').textContent()).toContain('国家普查办');
  });

  it('switches to English and remembers it after a reload', async () => {
    await page.click('[data-testid="lang-switch"]');
    await expect.poll(() => page.locator('body').textContent()).toContain('Regions');
    await page.reload();
    await expect.poll(() => page.locator('body').textContent()).toContain('Regions');
    expect(await page.evaluate(() => localStorage.getItem('pucha.lang'))).toBe('en');
  });

  it('browses 浙江省 → 温州市 → 乐清市 in the region tree', async () => {
    await page.goto(`${server.url}/console/regions`);
    for (const code of ['330000', '330300', '330382']) {
      const node = page.locator(`[data-code="${code}"]`).first();
      await node.waitFor({ state: 'visible', timeout: 15_000 });
      await node.click();
    }
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain('330382');
    const crumbs = await page.locator('body').textContent();
    expect(crumbs).toContain('温州市');
    expect(crumbs).toContain('乐清市');
    await page.locator('[data-code="330382001"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('creates a user in 乐清市', async () => {
    await page.goto(`${server.url}/console/users`);
    await page.click('[data-testid="user-create"]');
    await page.fill('#user-username', username);
    await page.fill('#user-displayName', '端到端 测试');
    await page.fill('#user-password', 'E2eTest2018');
    await page.click('[data-testid="user-role"]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /Enumerator|普查员/ }).first().click();
    await page.click('[data-testid="user-region"]');
    await page.keyboard.type('乐清');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '乐清市' }).first().click();
    await page.click('[data-testid="user-submit"]');
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain(username);
    const res = await page.evaluate(async (u) => (await fetch(`/api/v1/users?q=${u}`)).json(), username);
    expect(res.items[0]).toMatchObject({ username, role: 'enumerator', regionCode: '330382' });
  });

  it('shows the creation in the audit page', async () => {
    await page.goto(`${server.url}/console/audit`);
    await expect.poll(() => page.locator('body').textContent(), { timeout: 15_000 }).toContain('user.create');
    const text = await page.locator('body').textContent();
    expect(text).toContain('nation');
    expect(text).toContain('330382');
    await page.screenshot({ path: `.tmp/e2e-audit-${kind}.png` });
  });
});
