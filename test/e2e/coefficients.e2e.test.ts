// The coefficient library page in Chromium against a real server process, as the national
// office: the demo's sample version in force with its badge; a bad table refused with its error
// at row and column; a good one imported as a draft, compared with the version in force and put
// in force after the confirmation; the API agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

const HEADER = 'industry_code,material,process,scale,pollutant,activity_unit,gen_coefficient,coefficient_unit,treatment,efficiency,op_params';
const GOOD = `${HEADER}\n3823,溶剂型涂料,空气喷涂,所有规模,VOCS,t,420,kg/t,V02,85,运行时间;催化燃烧温度\n3823,溶剂型涂料,空气喷涂,所有规模,VOCS,t,450,kg/t,,,\n`;
const BAD = `${HEADER}\n3823,溶剂型涂料,空气喷涂,所有规模,VOCS,t,450,kg/t,V02,120,\n`;

interface Version { id: number; label: string; status: string; sample: boolean }

run.each(databaseKinds())('coefficient library console in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let nation: HttpSession;
  let page: Page;
  const versions = async () => (await httpCall<{ items: Version[] }>(nation, 'GET', '/api/v1/accounting/coefficients/versions')).items;

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    nation = await httpLogin(server.url, 'nation');
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', 'nation');
    await page.fill('#password', 'Pucha2018');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL((u) => !u.pathname.includes('/login'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function importFile(label: string, body: string) {
    await page.click('[data-testid="coef-import"]');
    await page.fill('[data-testid="coef-import-label"]', label);
    await page.setInputFiles('.ant-modal input[type="file"]', { name: 'table.csv', mimeType: 'text/csv', buffer: Buffer.from(body) });
    await page.click('[data-testid="coef-import-send"]');
  }

  it('imports, compares and puts a version in force', async () => {
    const sample = (await versions()).find((v) => v.sample)!;
    expect(sample.status).toBe('in-force');
    await page.click('[data-testid="nav-accounting-group"]');
    await page.click('[data-testid="nav-accounting-coefficients"]');
    await page.waitForSelector(`[data-testid="coef-sample-${sample.id}"]`);
    await page.waitForSelector('[data-testid="coef-rows"] [data-testid="coef-row-1"]');

    await importFile('错误的表', BAD);
    await page.waitForSelector('[data-testid="coef-import-errors"]');
    expect(await page.textContent('[data-testid="coef-import-errors"] tbody')).toContain('efficiency');
    expect((await versions()).length).toBe(1);
    await page.keyboard.press('Escape');

    await importFile('浙江试算表', GOOD);
    await expect.poll(async () => (await versions()).length).toBe(2);
    const added = (await versions()).find((v) => v.label === '浙江试算表')!;
    await page.waitForSelector(`[data-testid="coef-status-${added.id}"]`);
    await page.click(`[data-testid="coef-version-${added.id}"]`);
    await page.click('[data-testid="coef-diff-tab"]');
    await expect.poll(async () => page.textContent('[data-testid="coef-diff-changed"]')).toContain('1');

    await page.click(`[data-testid="coef-in-force-${added.id}"]`);
    await page.click('[data-testid="coef-in-force-ok"]');
    await expect.poll(async () => (await versions()).find((v) => v.id === added.id)!.status).toBe('in-force');
    expect((await versions()).find((v) => v.id === sample.id)!.status).toBe('retired');
    await expect.poll(async () => page.textContent(`[data-testid="coef-status-${sample.id}"]`)).toBe('已停用');
  });
});
