// The supervision console in Chromium against a real server process, on both databases. The national
// office opens the dashboard: the map of the provinces is drawn, each province's colour published in
// data-region-colours; the colours follow the metric chosen; a click down the ranking opens 浙江's map
// of its prefectures. The readiness page lists the provinces. 浙江's office reports its own readiness
// (the network switched over) and the national office's readiness page shows 浙江's gap count moved by one;
// with a complete report 浙江 turns from red to green on the map by readiness gaps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, consolePageAs } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

interface Row { code: string; lagScore: number; progress: number }
interface ReadinessList { items: Array<{ code: string; gaps: string[] }> }

run.each(databaseKinds())('supervision dashboard, map and readiness in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let nation: HttpSession;

  const pageAs = (username: string): Promise<Page> => consolePageAs(browser, server.url, username);
  const colours = async (page: Page, region: string) => {
    const map = page.locator(`[data-testid="supervision-map"][data-region="${region}"]`);
    if (!(await map.count())) return {};
    return JSON.parse((await map.getAttribute('data-region-colours')) ?? '{}') as Record<string, string>;
  };
  const provinceGaps = async () => (await httpCall<ReadinessList>(nation, 'GET', '/api/v1/supervision/readiness?region=100000')).items.find((i) => i.code === '330000')!.gaps.length;

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    nation = await httpLogin(server.url, 'nation');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the provinces coloured by the metric, drills down into 浙江\'s prefectures and lists the provinces\' readiness', async () => {
    const rows = (await httpCall<{ rows: Row[] }>(nation, 'GET', '/api/v1/supervision/progress?region=100000')).rows;
    expect(rows.length).toBeGreaterThanOrEqual(31);
    const page = await pageAs('nation');
    await page.goto(`${server.url}/console/supervision`);
    const map = page.locator('[data-testid="supervision-map"][data-region="100000"][data-mode="map"]');
    await map.waitFor({ timeout: 20_000 });
    await map.locator('canvas').first().waitFor();
    await expect.poll(async () => Object.keys(await colours(page, '100000')).sort(), { timeout: 15_000 }).toEqual(rows.map((r) => r.code).sort());
    expect(await map.getAttribute('data-metric')).toBe('progress');
    expect(Object.values(await colours(page, '100000')).every((c) => /^#[0-9a-f]{6}$/i.test(c))).toBe(true);
    await page.screenshot({ path: `.tmp/e2e-supervision-map-${kind}.png` });

    // Another metric: the attribute follows (lag score, where every province with no calendar lag is green).
    await page.goto(`${server.url}/console/supervision?metric=lagScore`);
    await page.locator('[data-testid="supervision-map"][data-region="100000"][data-metric="lagScore"][data-mode="map"]').waitFor({ timeout: 15_000 });
    const lag = rows.find((r) => r.code === '330000')!.lagScore;
    const expected = lag < 15 ? '#389e0d' : lag < 30 ? '#fadb14' : lag < 50 ? '#fa8c16' : '#cf1322';
    await expect.poll(async () => (await colours(page, '100000'))['330000'], { timeout: 15_000 }).toBe(expected);

    // SO₂ from the emission totals: every province gets a colour of the blue scale.
    await page.goto(`${server.url}/console/supervision?metric=emissions.SO2`);
    await page.locator('[data-testid="supervision-map"][data-region="100000"][data-metric="emissions.SO2"][data-mode="map"]').waitFor({ timeout: 15_000 });
    await expect.poll(async () => Object.values(await colours(page, '100000')).filter((c) => ['#e6f4ff', '#91caff', '#4096ff', '#0958d9', '#002c8c'].includes(c)).length, { timeout: 15_000 }).toBe(rows.length);
    await page.goto(`${server.url}/console/supervision?metric=lagScore`);
    await page.locator('[data-testid="supervision-map"][data-region="100000"][data-mode="map"]').waitFor({ timeout: 15_000 });

    // Down into 浙江 from the ranking: the map of its prefectures.
    await page.click('[data-testid="ranking-open-330000"]');
    const zj = page.locator('[data-testid="supervision-map"][data-region="330000"][data-mode="map"]');
    await zj.waitFor({ timeout: 20_000 });
    await zj.locator('canvas').first().waitFor();
    const prefectures = (await httpCall<{ rows: Row[] }>(nation, 'GET', '/api/v1/supervision/progress?region=330000')).rows.map((r) => r.code).sort();
    expect(prefectures).toContain('330300');
    await expect.poll(async () => Object.keys(await colours(page, '330000')).sort(), { timeout: 15_000 }).toEqual(prefectures);
    await page.locator('[data-testid="supervision-crumb-100000"]').waitFor();
    await page.screenshot({ path: `.tmp/e2e-supervision-zhejiang-${kind}.png` });

    // A county has no boundaries: a ranked bar chart instead.
    await page.goto(`${server.url}/console/supervision?region=330382`);
    await page.locator('[data-testid="supervision-map"][data-region="330382"][data-mode="bars"] canvas').first().waitFor({ timeout: 20_000 });

    await page.goto(`${server.url}/console/supervision/readiness`);
    await page.locator('[data-testid="readiness-summary"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('[data-testid="readiness-row"]').count(), { timeout: 15_000 }).toBe(rows.length);
    await page.locator('[data-testid="readiness-row"][data-code="330000"]').waitFor();
    await page.screenshot({ path: `.tmp/e2e-supervision-readiness-${kind}.png` });
    await page.goto(`${server.url}/console/supervision/calendar`);
    await expect.poll(() => page.locator('[data-testid="calendar-row"]').count(), { timeout: 15_000 }).toBe(10);
    expect(await page.locator('[data-testid="calendar-page"]').getAttribute('data-editable')).toBe('true');
    await page.screenshot({ path: `.tmp/e2e-supervision-calendar-${kind}.png` });
    // The national office edits a weight; the server keeps it.
    const weight = async () => (await httpCall<{ phases: Array<{ phase: string; weight: number }> }>(nation, 'GET', '/api/v1/supervision/calendar')).phases.find((p) => p.phase === 'review')!.weight;
    const w0 = await weight();
    await page.click('[data-testid="calendar-edit"]');
    const input = page.locator('[data-testid="calendar-weight-review"] input, input[data-testid="calendar-weight-review"]').first();
    await input.fill(String(w0 + 1));
    await input.press('Tab');
    await page.click('[data-testid="calendar-save"]');
    await expect.poll(weight, { timeout: 15_000 }).toBe(w0 + 1);
    await page.locator('[data-testid="calendar-edit"]').waitFor();
    await page.context().close();
  }, 180_000);

  it('浙江 reports its readiness and the national office sees its gap count change', async () => {
    const before = await provinceGaps();
    const watcher = await pageAs('nation');
    await watcher.goto(`${server.url}/console/supervision/readiness`);
    const row = watcher.locator('[data-testid="readiness-row"][data-code="330000"]');
    await row.waitFor({ timeout: 15_000 });
    expect(Number(await row.getAttribute('data-gaps'))).toBe(before);

    const zj = await pageAs('zhejiang');
    await zj.goto(`${server.url}/console/supervision/readiness`);
    await zj.click('[data-testid="readiness-own"]');
    await zj.locator('[data-testid="readiness-form"]').waitFor();
    const network = zj.locator('[data-testid="readiness-field-networkConnected"]');
    await network.waitFor();
    // The form starts from the current report: wait until the save button is enabled (it is read).
    await expect.poll(() => zj.locator('[data-testid="readiness-save"]').isEnabled(), { timeout: 15_000 }).toBe(true);
    const wasConnected = (await network.getAttribute('aria-checked')) === 'true';
    await network.click();
    await zj.click('[data-testid="readiness-save"]');
    await zj.locator('[data-testid="readiness-form"]').waitFor({ state: 'detached', timeout: 15_000 });

    const after = before + (wasConnected ? 1 : -1);
    await expect.poll(provinceGaps, { timeout: 15_000 }).toBe(after);
    await expect.poll(async () => { await watcher.reload(); await row.waitFor({ timeout: 15_000 }); return Number(await row.getAttribute('data-gaps')); }, { timeout: 30_000 }).toBe(after);
    // The history drawer holds the report.
    await watcher.click('[data-testid="readiness-history-330000"]');
    await expect.poll(async () => Number(await watcher.locator('[data-testid="readiness-history"]').getAttribute('data-count')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);

    // 浙江 reads the calendar but may not edit it.
    await zj.goto(`${server.url}/console/supervision/calendar`);
    await expect.poll(() => zj.locator('[data-testid="calendar-row"]').count(), { timeout: 15_000 }).toBe(10);
    expect(await zj.locator('[data-testid="calendar-page"]').getAttribute('data-editable')).toBe('false');
    expect(await zj.locator('[data-testid="calendar-edit"]').count()).toBe(0);

    // The map by readiness gaps: 浙江 red with its gaps, green once a complete report stands on the day shown.
    await watcher.goto(`${server.url}/console/supervision?metric=readiness.gaps`);
    const map = watcher.locator('[data-testid="supervision-map"][data-region="100000"][data-metric="readiness.gaps"][data-mode="map"]');
    await map.waitFor({ timeout: 20_000 });
    const zjColour = async () => (JSON.parse((await map.getAttribute('data-region-colours')) ?? '{}') as Record<string, string>)['330000'];
    await expect.poll(zjColour, { timeout: 15_000 }).toBe(after >= 6 ? '#cf1322' : after >= 3 ? '#fa8c16' : after >= 1 ? '#fadb14' : '#389e0d');
    const day = await watcher.locator('[data-testid="supervision-dashboard"]').getAttribute('data-as-of');
    const office = await httpLogin(server.url, 'zhejiang');
    await httpCall(office, 'PUT', '/api/v1/supervision/readiness/330000', {
      reportedOn: day, leadingGroupOn: '2018-01-10', officeOn: '2018-01-20', planOn: '2018-02-01', planDocument: '浙污普〔2018〕1号',
      meetings: [{ level: 'province', heldOn: '2018-02-10' }, { level: 'prefecture', heldOn: '2018-02-20' }, { level: 'county', heldOn: '2018-03-01' }],
      inAssessment: true, staffNeeded: 10, staffOwn: 8, staffSeconded: 2, officeSpace: true, networkConnected: true,
      fundsBudgeted: 1_000_000, fundsArrived: 1_000_000, agencyContracted: true,
    });
    await expect.poll(provinceGaps, { timeout: 15_000 }).toBe(0);
    // The progress figures are cached for a few seconds on the server: reload until they move.
    await expect.poll(async () => { await watcher.reload(); await map.waitFor({ timeout: 15_000 }); await map.locator('canvas').first().waitFor(); return zjColour(); }, { timeout: 45_000, interval: 2_000 }).toBe('#389e0d');
    await watcher.screenshot({ path: `.tmp/e2e-supervision-gaps-${kind}.png` });
    await watcher.context().close();
    await zj.context().close();
  }, 180_000);
});
