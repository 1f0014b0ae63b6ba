// The directory in Chromium against a real server process: a county office
// imports two small registers in the page, runs the matching, finds one pair in
// the merge queue, merges it, undoes the merge, edits a source in its drawer, finds it by
// a name with a typo, exports the directory, and signs off its supplement.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { validCreditCode } from '../helpers/credit-codes.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

const HEADER = '统一社会信用代码,单位名称,注册地址,法定代表人,联系电话';
const huayu = validCreditCode('330382', 'MA2AB3C4');
const SAMR = [HEADER, `${huayu},乐清市华宇电气有限公司,柳市镇前进路8号,王建国,13800000001`, ',乐清市宏达五金厂,,,'].join('\n');
const TAX = [HEADER, `${huayu},乐清市华宇电气有限公司,,,`, ',乐清宏达五金厂,,,', ',乐清市新光塑料厂,柳市镇新光路1号,周強,'].join('\n');

run.each(databaseKinds())('directory in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-e2e-reg-'));

  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, '市场监管-2017.csv'), `\uFEFF${SAMR}\n`);
    fs.writeFileSync(path.join(dir, '税务-2017.csv'), `${TAX}\n`);
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', 'yueqing');
    await page.fill('#password', 'Pucha2018');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL((u) => !u.pathname.includes('/login'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function importRegister(file: string, department: RegExp) {
    await page.goto(`${server.url}/console/registers`);
    await page.click('[data-testid="register-import"]');
    await page.click('[data-testid="register-department"]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: department }).first().click();
    await page.setInputFiles('[data-testid="register-file"]', path.join(dir, file));
    await page.click('[data-testid="register-next"]');
    await page.locator('[data-testid="register-preview"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="mapping-name"]').getAttribute('data-value')).toBe('单位名称');
    await page.click('[data-testid="register-submit"]');
    await page.locator('[data-testid="register-result"][data-job-status="succeeded"]').waitFor({ timeout: 30_000 });
    await page.click('[data-testid="register-close"]');
  }

  it('imports two registers through the wizard', async () => {
    await importRegister('市场监管-2017.csv', /市场监管/);
    await importRegister('税务-2017.csv', /税务/);
    const list = await page.evaluate(async () => (await fetch('/api/v1/registers')).json());
    expect(list.items.map((r: { status: string; rowCount: number }) => [r.status, r.rowCount])).toEqual([['imported', 3], ['imported', 2]]);
  });

  it('runs the matching from the directory page: pairs matched, one left in the queue', async () => {
    await page.goto(`${server.url}/console/directory`);
    await page.click('[data-testid="directory-match"]');
    await page.locator('[data-testid="directory-match-result"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="directory-match-rowsRead"]').textContent()).toContain('5');
    expect(await page.locator('[data-testid="directory-match-queued"]').textContent()).toContain('1');
    await page.click('[data-testid="directory-match-close"]');
    await expect.poll(() => page.locator('[data-testid="sources-table"]').textContent(), { timeout: 15_000 }).toContain('乐清市华宇电气有限公司');
    const sources = await page.evaluate(async () => (await fetch('/api/v1/sources?limit=100')).json());
    expect(sources.items).toHaveLength(4); // 华宇 (both), 新光 (tax), and the two 宏达 rows still apart
  });

  it('merges the queued pair and undoes the merge', async () => {
    await page.goto(`${server.url}/console/directory/queue`);
    const card = page.locator('[data-testid^="candidate-"][data-focused]').first();
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain('宏达五金厂');
    await page.locator('[data-testid="candidate-merge"]').first().click();
    await page.locator('[data-testid="merge-result"]').waitFor({ timeout: 15_000 });
    const after = await page.evaluate(async () => (await fetch('/api/v1/sources?limit=100')).json());
    expect(after.items).toHaveLength(3);
    await page.locator('[data-testid="merge-undo"]').first().click();
    await expect.poll(async () => (await page.evaluate(async () => (await fetch('/api/v1/sources?limit=100')).json())).items.length, { timeout: 15_000 }).toBe(4);
    const queue = await page.evaluate(async () => (await fetch('/api/v1/directory/candidates')).json());
    expect(queue.items).toHaveLength(1);
  });

  it('splits a row off a source in its drawer, and undoes the split', async () => {
    const count = async () => (await page.evaluate(async () => (await fetch('/api/v1/sources?limit=100')).json())).items.length;
    const list = await page.evaluate(async () => (await fetch('/api/v1/sources?limit=100')).json());
    const huayuSource = list.items.find((x: { name: string }) => x.name === '乐清市华宇电气有限公司');
    const detail = await page.evaluate(async (id) => (await fetch(`/api/v1/sources/${id}`)).json(), huayuSource.id);
    const taxRow = detail.registerRows.find((r: { department: string }) => r.department === 'tax');
    await page.goto(`${server.url}/console/directory/${huayuSource.id}`);
    await page.locator(`[data-testid="provenance-select-${taxRow.registerId}-${taxRow.rowNumber}"]`).check({ force: true });
    await page.click('[data-testid="source-split"]');
    await page.click('[data-testid="source-split-confirm"]');
    await expect.poll(count, { timeout: 15_000 }).toBe(5);
    await page.goto(`${server.url}/console/directory/${huayuSource.id}`);
    await page.locator('[data-testid^="source-merge-"][data-kind="split"] [data-testid="source-merge-undo"]').click();
    await page.click('[data-testid="source-merge-undo-confirm"]');
    await expect.poll(count, { timeout: 15_000 }).toBe(4);
  });

  it('edits a source\'s coordinates and a former name in its drawer; a name with a typo finds it among similar results', async () => {
    const list = await page.evaluate(async () => (await fetch('/api/v1/sources?limit=100')).json());
    const xinguang = list.items.find((x: { name: string }) => x.name === '乐清市新光塑料厂');
    await page.goto(`${server.url}/console/directory/${xinguang.id}`);
    await page.click('[data-testid="source-edit"]');
    await page.locator('[data-testid="source-edit-name"]').waitFor();
    const former = page.locator('[data-testid="source-edit-formerNames"] input, input[data-testid="source-edit-formerNames"]').first();
    await former.fill('乐清新光塑胶厂');
    await former.press('Enter');
    await page.fill('[data-testid="source-edit-lat"]', '28.1234');
    await page.fill('[data-testid="source-edit-lng"]', '120.9876');
    await page.click('[data-testid="source-edit-submit"]');
    await expect.poll(() => page.locator('[data-testid="source-field-coordinates"]').textContent(), { timeout: 15_000 }).toContain('28.123400, 120.987600');
    expect(await page.locator('[data-testid="source-field-formerNames"]').textContent()).toBe('乐清新光塑胶厂');
    await page.locator('[data-testid="field-origin"][data-origin="manual"][data-field="coordinates"]').waitFor();

    await page.goto(`${server.url}/console/directory`);
    await page.fill('[data-testid="source-search"]', '乐清市新光塑胶厂');
    await page.press('[data-testid="source-search"]', 'Enter');
    await page.locator('[data-testid="directory-similar"]').waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid="source-row-${xinguang.id}"] [data-testid="source-similarity"]`).waitFor();
  });

  it('exports the directory as CSV', async () => {
    await page.goto(`${server.url}/console/directory`);
    await page.click('[data-testid="directory-export"]');
    const href = await page.locator('[data-testid="directory-export-csv"]').getAttribute('href');
    expect(href).toContain('/api/v1/sources/export.csv');
    const csv = await page.evaluate(async (u) => (await fetch(u!)).text(), href);
    expect(csv).toContain('统一社会信用代码 credit_code');
    expect(csv).toContain(huayu);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 4);
    await page.screenshot({ path: `.tmp/e2e-directory-${kind}.png` });
  });

  it('signs off the supplement of its region and sees the row in the drawer', async () => {
    await page.goto(`${server.url}/console/directory`);
    await page.click('[data-testid="directory-signoff"]');
    const drawer = page.locator('[data-testid="signoff-drawer"]');
    await drawer.waitFor();
    await expect.poll(() => page.locator('[data-testid="signoff-own-status"]').getAttribute('data-signed'), { timeout: 15_000 }).toBe('false');
    await page.fill('[data-testid="signoff-note"]', '增补已核对 e2e');
    await page.click('[data-testid="signoff-submit"]');
    await page.click('[data-testid="signoff-confirm"]');
    const row = page.locator('[data-testid="signoff-table"] [data-testid^="signoff-row-"]', { hasText: '乐清市' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('增补已核对 e2e');
    expect(await row.textContent()).toContain('yueqing');
    expect(await page.locator('[data-testid="signoff-own-status"]').getAttribute('data-signed')).toBe('true');
    const list = await page.evaluate(async () => (await fetch('/api/v1/directory/signoffs')).json());
    expect(list.items).toEqual([expect.objectContaining({ regionName: '乐清市', signedBy: 'yueqing', note: '增补已核对 e2e' })]);
  });
});
