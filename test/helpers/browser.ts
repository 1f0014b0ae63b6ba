// Debian's Chromium driven by playwright-core: the real browser a user has.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function browserAvailable(): boolean {
  return fs.existsSync(CHROMIUM) && fs.existsSync('web/dist/index.html');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The network here is closed: without these, Chromium keeps trying to reach its services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A new browser context signed in to the console as a demo account (password Pucha2018). */
export async function consolePageAs(browser: Browser, baseUrl: string, username: string, viewport = { width: 1600, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/console/login`);
  await page.fill('#username', username);
  await page.fill('#password', 'Pucha2018');
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL((u) => !u.pathname.includes('/login'));
  return page;
}
