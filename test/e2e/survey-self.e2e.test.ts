// Enterprise self-filling in Chromium against a real server process, on both databases: 乐清市's
// office opens a source's survey page and issues an invitation code (shown once); in a fresh
// browser with no session the enterprise opens /console/join, enters the code, its credit code and
// a new login, and lands on its own forms; the legal representative's panel waits until the set is
// complete, then (the forms submitted over HTTP as that new account) records the confirmation.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { validCreditCode } from '../helpers/credit-codes.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { httpUploadReferenced } from '../helpers/survey-attachments.ts';
import { exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;
const CREDIT = validCreditCode('330382', 'MA3E2E0K');
const SET = exampleEnterprise();

run.each(databaseKinds())('enterprise self-filling in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let office: HttpSession;
  let sourceId = 0;
  let code = '';
  let page: Page;
  const username = `e2e-${randomUUID().slice(0, 6)}`;
  const password = 'Qiye2024e2e';

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    office = await httpLogin(server.url, 'yueqing');
    sourceId = (await httpCall<{ id: number }>(office, 'POST', '/api/v1/sources', {
      regionCode: '330382', name: '乐清市自填电镀有限公司', category: 'industrial', industryCode: SET.source.industryCode, creditCode: CREDIT,
    }, 201)).id;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the office issues an invitation code on the source survey page, shown once', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const p = await context.newPage();
    await p.goto(`${server.url}/console/login`);
    await p.fill('#username', 'yueqing');
    await p.fill('#password', 'Pucha2018');
    await p.click('[data-testid="login-submit"]');
    await p.waitForURL((u) => !u.pathname.includes('/login'));
    await p.goto(`${server.url}/console/survey/sources/${sourceId}`);
    await p.locator('[data-testid="invite-button"]').click();
    code = (await p.locator('[data-testid="invite-code"]').innerText({ timeout: 15_000 })).trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    await context.close();
  });

  it('the enterprise redeems it at /console/join and lands on its own forms', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
    await page.goto(`${server.url}/console/login`);
    await page.click('[data-testid="join-link"]');
    await page.locator('[data-testid="join-page"]').waitFor();
    // A wrong credit code first: the page says so, in Chinese by default.
    await page.fill('#join-code', code.toLowerCase());
    await page.fill('#join-credit-code', validCreditCode('330382', 'MA3E2E0L'));
    await page.fill('#join-display-name', '电镀厂填报员');
    await page.fill('#join-username', username);
    await page.fill('#join-password', password);
    await page.fill('#join-password2', password);
    await page.click('[data-testid="join-submit"]');
    await expect.poll(() => page.locator('[data-testid="join-error"]').innerText()).toContain('邀请码或统一社会信用代码不正确');
    await page.fill('#join-credit-code', CREDIT);
    await page.click('[data-testid="join-submit"]');
    await page.waitForURL((u) => u.pathname.endsWith(`/survey/sources/${sourceId}`), { timeout: 15_000 });
    await page.locator('[data-testid="source-survey"]').waitFor();
    // The confirmation panel follows the survey's own answer: wait for it rather than count at once.
    await page.locator('[data-testid="confirm-not-ready"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="confirm-not-ready"]').count()).toBe(1);
  });

  it('the legal representative confirms once every form is submitted', async () => {
    const resp = await httpLogin(server.url, username, password);
    await httpUploadReferenced(resp, sourceId, SET.forms);
    const items = SET.forms.map((f) => ({ id: randomUUID(), sourceId, form: f.form, version: f.version, answers: f.answers, explanations: f.explanations ?? {}, status: 'submitted', baseRev: null }));
    const bulk = await httpCall<{ results: { ok: boolean }[] }>(resp, 'POST', '/api/v1/submissions/bulk', { items }, 200);
    expect(bulk.results.every((r) => r.ok)).toBe(true);
    await page.reload();
    await page.locator('[data-testid="confirm-legal-rep"]').fill('李国强', { timeout: 15_000 });
    await page.locator('[data-testid="confirm-agree"]').check();
    await page.click('[data-testid="confirm-submit"]');
    await expect.poll(() => page.locator('[data-testid="confirm-done"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('[data-testid="confirm-done"]').innerText()).toContain('李国强');
    const survey = await httpCall<{ confirmation: { by: string; legalRep: string } | null }>(office, 'GET', `/api/v1/sources/${sourceId}/survey`);
    expect(survey.confirmation).toMatchObject({ by: username, legalRep: '李国强' });
  });
});
