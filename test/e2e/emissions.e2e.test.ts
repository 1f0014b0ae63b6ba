// Emission totals and lineage in Chromium against a real server process, on both databases. Set up
// over HTTP: 乐清市's office supplements an industrial source in 城东街道; its instructor submits the
// source's G106-2 (manual monitoring of COD: 120,000 t × 50 mg/L = 6 t), which waits at the county;
// the worker settles the source. In the browser the national office opens the county's totals and
// reads the COD in review (the API's figure, holding the 6 t); the county reviewer approves the form
// in the review console with the A key; the national office's page, reloaded, shows the 6 t moved
// from in review to approved in the county, then at the nation up the breadcrumb; and the source's
// COD figure opens its lineage: the monitoring method and the form path read.
import { randomUUID } from 'node:crypto';
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
const COUNTY = '330382';
// The identity and footer fields of the example enterprise's G106-1 (every G106 form asks them).
const { rows: _rows, ...ident } = exampleEnterprise().forms.find((f) => f.form === 'G106-1')!.answers as Record<string, unknown>;

interface Side { generated: number; emitted: number }
interface Item { key: string; approved: Side; review: Side }
interface Figures { pending: boolean; figures: Array<{ pollutant: string; approved: boolean; emitted: number }> }

run.each(databaseKinds())('emission totals and lineage in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let nation: HttpSession;
  let sourceId = 0;
  const submission = randomUUID();

  const codOf = async (region: string) => {
    const r = await httpCall<{ pollutants: Item[] }>(nation, 'GET', `/api/v1/accounting/totals?region=${region}`);
    return r.pollutants.find((p) => p.key === 'COD') ?? { key: 'COD', approved: { emitted: 0, generated: 0 }, review: { emitted: 0, generated: 0 } };
  };
  const figures = () => httpCall<Figures>(nation, 'GET', `/api/v1/sources/${sourceId}/emissions`);

  const pageAs = (username: string): Promise<Page> => consolePageAs(browser, server.url, username);
  // The COD row's figure on the totals page (the raw tonnes the page was given).
  const shownCod = (page: Page, side: 'emitted-approved' | 'emitted-review') => async () => {
    const cell = page.locator(`[data-testid="emissions-pollutants-row"][data-pollutant="COD"] [data-testid="${side}"]`);
    return (await cell.count()) ? Number(await cell.getAttribute('data-value')) : null;
  };

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    nation = await httpLogin(server.url, 'nation');
    const office = await httpLogin(server.url, 'yueqing');
    sourceId = (await httpCall<{ id: number }>(office, 'POST', '/api/v1/sources', { regionCode: TOWNSHIP, name: '乐清市核算页面测试厂', category: 'industrial', industryCode: '3360' }, 201)).id;
    const instructor = await httpLogin(server.url, 'yq-instructor'); // fills at the instructor level: the form waits at the county
    await httpCall(instructor, 'PUT', `/api/v1/submissions/${submission}`, {
      sourceId, form: 'G106-2', version: 1, explanations: {}, status: 'submitted', baseRev: null,
      answers: { ...ident, outlets: [{ outletCode: 'DW001', monitoringKind: 'manual', annualFlow: 120000, results: [{ pollutant: 'COD', concentration: 50 }] }] },
    }, 201);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the county\'s COD in review, then approved after the county\'s approval, in the county and at the nation; a figure opens its lineage', async () => {
    // Settled in the order marked: once this source is, so is everything marked before it.
    await expect.poll(async () => { const f = await figures(); return !f.pending && f.figures.length > 0; }, { timeout: 30_000 }).toBe(true);
    expect((await figures()).figures).toMatchObject([{ pollutant: 'COD', approved: false, emitted: 6 }]);
    const county0 = await codOf(COUNTY);
    const nation0 = await codOf('100000');
    expect(county0.review.emitted).toBeGreaterThanOrEqual(6);

    const page = await pageAs('nation');
    await page.goto(`${server.url}/console/emissions?region=${COUNTY}`);
    await page.locator(`[data-testid="emissions-region"][data-code="${COUNTY}"]`).waitFor({ timeout: 15_000 });
    await expect.poll(shownCod(page, 'emitted-review'), { timeout: 15_000 }).toBeCloseTo(county0.review.emitted, 9);
    expect(await shownCod(page, 'emitted-approved')()).toBeCloseTo(county0.approved.emitted, 9);
    // The chart and the child table draw the township's COD.
    await page.locator('[data-testid="emissions-chart"][data-pollutant="COD"] canvas').waitFor();
    await page.locator(`[data-testid="emissions-child-${TOWNSHIP}"]`).waitFor();

    // The county reviewer approves the form in the review console, from the keyboard.
    const reviewer = await pageAs('yq-reviewer');
    await reviewer.goto(`${server.url}/console/review/submissions/${submission}`);
    await reviewer.locator(`[data-testid="review-view"][data-id="${submission}"] [data-testid="review-form"]`).waitFor({ timeout: 15_000 });
    await reviewer.locator('[data-testid="review-decision"][data-status="submitted"]').waitFor();
    await reviewer.keyboard.press('a');
    await expect.poll(async () => (await figures()).figures[0]?.approved, { timeout: 30_000 }).toBe(true);

    // Reloaded, the county's page has moved the 6 t from in review to approved.
    const reloaded = async (side: 'emitted-approved' | 'emitted-review') => { await page.reload(); await page.locator('[data-testid="emissions-region"][data-code]:not([data-code=""])').waitFor(); return shownCod(page, side)(); };
    await expect.poll(() => reloaded('emitted-approved'), { timeout: 30_000 }).toBeCloseTo(county0.approved.emitted + 6, 9);
    expect(await shownCod(page, 'emitted-review')()).toBeCloseTo(county0.review.emitted - 6, 9);

    // Up the breadcrumb to the nation: the same move.
    await page.click('[data-testid="emissions-crumb-100000"]');
    await page.locator('[data-testid="emissions-region"][data-code="100000"]').waitFor({ timeout: 15_000 });
    await expect.poll(shownCod(page, 'emitted-approved'), { timeout: 15_000 }).toBeCloseTo(nation0.approved.emitted + 6, 9);
    expect(await shownCod(page, 'emitted-review')()).toBeCloseTo(nation0.review.emitted - 6, 9);
    // Down again through the children: 浙江省 is a child of the nation.
    await page.click('[data-testid="emissions-child-330000"]');
    await page.locator('[data-testid="emissions-region"][data-code="330000"]').waitFor({ timeout: 15_000 });

    // The source's figure and its lineage.
    await page.goto(`${server.url}/console/emissions/sources/${sourceId}`);
    const row = page.locator('[data-testid="figure-row-DW001-COD"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-method')).toBe('monitoring');
    expect(await row.locator('[data-testid="figure-status"]').getAttribute('data-approved')).toBe('true');
    expect(Number(await row.locator('[data-testid="figure-emitted"]').getAttribute('data-value'))).toBe(6);
    await row.locator('[data-testid="figure-lineage"]').click();
    const panel = page.locator('[data-testid="lineage-panel"]');
    await panel.waitFor();
    expect(await panel.getAttribute('data-method')).toBe('monitoring');
    await panel.locator('[data-testid="lineage-path"][data-path="G106-2:outlets[0].results[0]"]').waitFor();
    expect(await panel.locator('[data-testid="lineage-monitoring-path"]').getAttribute('href')).toBe(`/console/survey/sources/${sourceId}?form=G106-2`);
  }, 180_000);
});
