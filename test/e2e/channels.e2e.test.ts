// 工作群 in Chromium against a real server process, on both databases: 浙江省's office writes in
// its province's channel, @-mentions the national office picked from the members and attaches a
// PDF (uploaded first, then named in the post); the national office sees the bell's count rise,
// opens the channel from the notification, and finds the message with its file link, which serves
// the PDF's bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, consolePageAs } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface Channel { id: number; regionCode: string; unread: number }

run.each(databaseKinds())('work channels in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let nation: HttpSession;
  let dir: string;

  const pageAs = (username: string): Promise<Page> => consolePageAs(browser, server.url, username);

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    nation = await httpLogin(server.url, 'nation');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-e2e-channels-'));
    fs.writeFileSync(path.join(dir, '进度报告.pdf'), PDF);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('zhejiang mentions nation with a PDF; nation sees the bell, opens the channel, the message and the file', async () => {
    const unreadBefore = (await httpCall<{ unread: number }>(nation, 'GET', '/api/v1/notifications?unread=true')).unread;

    const zj = await pageAs('zhejiang');
    await zj.goto(`${server.url}/console/channels`);
    await zj.waitForURL(/\/console\/channels\/\d+/);
    const channelId = Number(new URL(zj.url()).pathname.split('/').pop());
    await zj.locator(`[data-testid="channel-item-${channelId}"]`).waitFor();
    const input = zj.locator('textarea[data-testid="composer-input"], [data-testid="composer-input"] textarea').first();
    await input.click();
    await input.pressSequentially('请审阅 @国家');
    const option = zj.locator('.ant-mentions-dropdown-menu-item', { hasText: '国家普查办 管理员' }).first();
    await option.click();
    await input.pressSequentially('本月进度报告见附件');
    await zj.locator('[data-testid="composer-file"]').setInputFiles(path.join(dir, '进度报告.pdf'));
    await zj.locator('[data-testid="composer-send"]').click();
    const sent = zj.locator('[data-testid="message-list"] [data-testid^="message-"]', { hasText: '本月进度报告见附件' });
    await sent.first().waitFor({ timeout: 20_000 });

    const nb = await pageAs('nation');
    await expect.poll(async () => Number(await nb.locator('[data-testid="notif-count"]').textContent()), { timeout: 20_000 }).toBe(unreadBefore + 1);
    await nb.locator('[data-testid="notif-bell"]').click();
    await nb.locator('[data-testid^="notif-"]', { hasText: '本月进度报告' }).first().click();
    await nb.waitForURL(new RegExp(`/console/channels/${channelId}$`));
    const msg = nb.locator('[data-testid="message-list"] [data-testid^="message-"]', { hasText: '本月进度报告见附件' }).first();
    await msg.waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await msg.textContent()) ?? '').toContain('浙江省普查办 李明');
    expect(await msg.textContent()).toContain('@国家普查办 管理员');
    const link = msg.locator('a[data-testid^="message-file-"]');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.textContent()).toContain('进度报告.pdf');

    // The link serves the bytes to the national office's session.
    const href = (await link.getAttribute('href'))!;
    const body = await nb.evaluate(async (h) => { const r = await fetch(h); return { status: r.status, type: r.headers.get('content-type'), text: await r.text() }; }, href);
    expect(body).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(body.text.startsWith('%PDF-')).toBe(true);

    // Reading the channel marked it read; the list says so.
    await expect.poll(async () => (await httpCall<{ items: Channel[] }>(nation, 'GET', '/api/v1/channels')).items.find((c) => c.id === channelId)?.unread, { timeout: 20_000 }).toBe(0);
  }, 120_000);
});
