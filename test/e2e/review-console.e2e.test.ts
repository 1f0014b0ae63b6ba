// The review console in Chromium against a real server process. Set up over the API: 乐清市's
// office supplements five sources in 城东街道, puts them in a census zone and gives it to
// 城东街道普查小组; its instructor submits each one's G101-1 (an instructor's own level counts as
// passed, so each waits at the county). Then in the browser, as the county reviewer: the queue lists
// them; one is rejected with a comment pinned to a field, one approved with the A key, the other
// three approved in bulk through the filter; the API confirms each. And 温州市's office sees the
// phase page hold 乐清市 back. The queue's export downloads the approved G101-1 forms as CSV.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, consolePageAs } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

const TOWNSHIP = '330382001';
const INV = '/api/v1/inventory';
const NAMES = ['乐清市审核甲印染厂', '乐清市审核乙印染厂', '乐清市审核丙印染厂', '乐清市审核丁印染厂', '乐清市审核戊印染厂'];
const REASON = '单位名称与营业执照不一致，请核对';
const COMMENT = '应填写营业执照上的全称';

interface Stored {
  id: string;
  status: string;
  reviewLevel: string | null;
  reviewVersion: number;
  review: null | { returnedFrom: string | null; reason: string | null; comments: { path: string; text: string }[] };
  steps: { level: string | null; action: string }[];
}

run.each(databaseKinds())('review console in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let office: HttpSession;
  const subs: string[] = NAMES.map(() => randomUUID());
  const stored = (id: string) => httpCall<Stored>(office, 'GET', `/api/v1/submissions/${id}`);

  const pageAs = (username: string): Promise<Page> => consolePageAs(browser, server.url, username);

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    office = await httpLogin(server.url, 'yueqing');
    // Without the site photos (attachment ids are global; five sources fill the same example).
    const { sitePhotos: _photos, ...example } = structuredClone(exampleEnterprise().forms[0].answers) as Record<string, unknown>;
    const ids: number[] = [];
    for (const name of NAMES) {
      const s = await httpCall<{ id: number }>(office, 'POST', '/api/v1/sources', { regionCode: '330382', name, address: `城东街道审核路${ids.length + 1}号`, category: 'industrial', industryCode: '1713' }, 201);
      ids.push(s.id);
    }
    const zone = await httpCall<{ id: number }>(office, 'POST', `${INV}/zones`, { regionCode: TOWNSHIP, name: '审核路小区', keywords: ['审核路'] });
    expect(await httpCall(office, 'POST', `${INV}/zones/${zone.id}/sources`, { sourceIds: ids })).toEqual({ assigned: ids.length });
    const teams = await httpCall<{ items: { id: number; name: string }[] }>(office, 'GET', '/api/v1/teams?region=330382&limit=100');
    const team = teams.items.find((x) => x.name === '城东街道普查小组')!;
    await httpCall(office, 'POST', `${INV}/packages`, { name: '审核路工作包', teamId: team.id, zoneId: zone.id });

    // The team's instructor fills and submits each source's G101-1: it waits at the county.
    const instructor = await httpLogin(server.url, 'yq-instructor');
    for (const [i, id] of subs.entries()) {
      await httpCall<Stored>(instructor, 'PUT', `/api/v1/submissions/${id}`, {
        sourceId: ids[i], form: 'G101-1', version: 1, answers: { ...example, unitName: NAMES[i] }, explanations: {}, status: 'submitted', baseRev: null,
      }, 201);
      expect(await stored(id)).toMatchObject({ status: 'submitted', reviewLevel: 'county' });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the county reviewer rejects one with a comment at a field, approves one with A and three in bulk', async () => {
    const page = await pageAs('yq-reviewer');
    await page.click('[data-testid="nav-review-group"]');
    await page.click('[data-testid="nav-review"]');
    await page.waitForURL(/\/review$/);
    // Only the five forms this test made, through the form filter's URL.
    for (const id of subs) await page.locator(`[data-testid="queue-row-${id}"]`).waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="queue-level"]').getAttribute('data-level')).toBe('county');

    // Reject the first: a comment pinned to the unit's name, and a reason.
    await page.click(`[data-testid="queue-row-${subs[0]}"]`);
    await page.locator(`[data-testid="review-view"][data-id="${subs[0]}"] [data-testid="review-form"]`).waitFor({ timeout: 15_000 });
    await page.click('[data-testid="sf-field-unitName"]');
    await page.locator('[data-testid="review-comment-path"][data-path="unitName"]').waitFor();
    await page.fill('[data-testid="review-comment-text"]', COMMENT);
    await page.click('[data-testid="review-comment-add"]');
    await page.locator('[data-testid="review-comment"][data-path="unitName"]').waitFor();
    await page.fill('[data-testid="review-reason"]', REASON);
    await page.click('[data-testid="review-reject"]');
    await expect.poll(async () => (await stored(subs[0])).status, { timeout: 15_000 }).toBe('returned');
    expect((await stored(subs[0])).review).toMatchObject({ returnedFrom: 'county', reason: REASON, comments: [{ path: 'unitName', text: COMMENT }] });

    // The page moves on to the next of the queue; approve it from the keyboard.
    const second = page.locator(`[data-testid="review-view"][data-id="${subs[1]}"]`);
    await second.locator('[data-testid="review-form"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="review-decision"][data-status="submitted"]').waitFor();
    await page.keyboard.press('a');
    await expect.poll(async () => (await stored(subs[1])).status, { timeout: 15_000 }).toBe('approved');
    expect(await stored(subs[1])).toMatchObject({ reviewLevel: 'city', steps: expect.arrayContaining([expect.objectContaining({ level: 'county', action: 'approve' })]) });

    // The other three, in bulk through the form filter.
    await page.goto(`${server.url}/console/review?form=G101-1`);
    await expect.poll(() => page.locator('[data-testid="queue-total"]').getAttribute('data-count'), { timeout: 15_000 }).toBe('3');
    await page.click('[data-testid="queue-bulk-approve"]');
    expect(await page.locator('[data-testid="bulk-confirm-text"]').getAttribute('data-count')).toBe('3');
    await page.click('[data-testid="bulk-confirm-ok"]');
    await page.locator('[data-testid="bulk-job"][data-job-status="succeeded"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid^="queue-row-"]').count(), { timeout: 15_000 }).toBe(0);
    for (const id of subs.slice(2)) expect(await stored(id)).toMatchObject({ status: 'approved', reviewLevel: 'city' });
    await page.screenshot({ path: `.tmp/e2e-review-queue-${kind}.png` });

    // The export with the queue's form filter and status 已通过: the four approved forms, one column per field.
    await page.click('[data-testid="submissions-export-status"]');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /已通过|Approved/ }).first().click();
    await page.click('[data-testid="submissions-export"]');
    const link = page.locator('[data-testid="submissions-export-csv"]');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/api/v1/submissions/export.csv?form=G101-1&status=approved');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), link.click()]);
    const rows = parse(fs.readFileSync((await download.path())!), { bom: true }) as string[][];
    expect(rows[0]).toContain('unitName 单位详细名称');
    const unit = rows[0].indexOf('unitName 单位详细名称');
    expect(rows.slice(1).map((r) => [r[0], r[unit]]).sort()).toEqual(subs.slice(1).map((id) => [id, NAMES[subs.indexOf(id)]]).sort());
  });

  it('温州市 sees 乐清市 held back on the inventory phase', async () => {
    const page = await pageAs('wenzhou');
    await page.goto(`${server.url}/console/review/phases`);
    await page.locator('[data-testid="phase-view"][data-region="330300"]').waitFor({ timeout: 15_000 });
    const child = page.locator('[data-testid="phase-child-330382"]');
    await child.waitFor();
    expect(await child.getAttribute('data-accepted')).toBe('false');
    await expect.poll(() => child.locator('[data-testid="child-blocker"]').count()).toBeGreaterThan(0);
    const api = await httpCall<{ children: { code: string; blockers?: { zh: string }[] }[] }>(await httpLogin(server.url, 'wenzhou'), 'GET', '/api/v1/review/phases/inventory');
    const zh = (api.children.find((c) => c.code === '330382')!.blockers ?? []).map((b) => b.zh);
    expect((await child.locator('[data-testid="child-blocker"]').allTextContents()).map((s) => s.trim())).toEqual(zh);
    expect(await page.locator('[data-testid="accept-submit"]').isDisabled()).toBe(true);
    await page.screenshot({ path: `.tmp/e2e-review-phases-${kind}.png` });
  });
});
