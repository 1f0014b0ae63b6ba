// Survey forms in Chromium against a real server process, through the practice page
// (/console/survey/try/:form), which renders the example enterprise's forms from their
// definitions with the live rule engine and needs no survey API: G101-1 and G103-1 get a value
// that blocks and one that warns, both show at their fields and in the side list, the one is
// fixed and the other explained, and the form turns ready. Then the source's survey page
// against the API contract (docs/survey-api.md), answered by the test until the server has it:
// a draft saved, a conflict reloaded, the server's refusal shown, a first save under a new UUID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

run('survey forms in Chromium (practice page)', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServerProcess('pglite');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', 'yueqing');
    await page.fill('#password', 'Pucha2018');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL((u) => !u.pathname.includes('/login'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const field = (path: string) => page.locator(`[data-testid="sf-field-${path}"]`);
  const input = (path: string) => field(path).locator('input').first();
  const summary = () => page.locator('[data-testid="survey-summary"]');
  const counts = async () => {
    const s = summary();
    return {
      ready: await s.getAttribute('data-ready'),
      blocking: await s.getAttribute('data-blocking'),
      warnings: await s.getAttribute('data-warnings'),
      unexplained: await s.getAttribute('data-unexplained'),
    };
  };
  const issue = (key: string) => page.locator(`[data-testid="sf-issue-${key}"]`);

  it('renders G101-1 of the example enterprise, ready, with irrelevant fields hidden', async () => {
    await page.goto(`${server.url}/console/survey/try/G101-1`);
    await page.locator('[data-testid="survey-form"][data-form="G101-1"]').waitFor({ timeout: 15_000 });
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '0', unexplained: '0' });
    expect(await input('unitName').inputValue()).toBe('乐清市瓯江印染有限公司');
    // Seasonal period is relevant only to a seasonal producer; the park's name only inside a park.
    expect(await field('season').count()).toBe(0);
    await field('inPark').locator('[data-testid="sf-no"]').click();
    await expect.poll(() => field('parkName').count()).toBe(0);
    await field('inPark').locator('[data-testid="sf-yes"]').click();
    await expect.poll(() => field('parkName').count()).toBe(1);
    expect(await input('parkName').inputValue()).toBe('乐清经济开发区');
  });

  it('G101-1: a blocking error and a warning show at their fields and in the list; fixed and explained, it is ready', async () => {
    await input('operatingHours').fill('9000');
    await input('outputValue').fill('0');
    await issue('field.range@operatingHours').waitFor();
    await issue('G101-1.output-value@outputValue').waitFor();
    expect(await field('operatingHours').getAttribute('data-severity')).toBe('blocking');
    expect(await issue('field.range@operatingHours').getAttribute('data-severity')).toBe('blocking');
    expect(await field('outputValue').getAttribute('data-severity')).toBe('warning');
    expect(await issue('G101-1.output-value@outputValue').getAttribute('data-severity')).toBe('warning');
    await expect.poll(counts).toEqual({ ready: 'false', blocking: '1', warnings: '1', unexplained: '1' });
    expect(await page.locator('[data-testid="submission-submit"]').count()).toBe(0); // practice saves nothing

    // The side list names both; a click focuses the field it points to.
    const listed = page.locator('[data-testid="sf-list-issue"][data-form="G101-1"]');
    expect(await listed.count()).toBe(2);
    await page.locator('[data-testid="sf-list-issue"][data-key="field.range@operatingHours"]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sf-G101-1--operatingHours-input');

    await input('operatingHours').fill('7200');
    await page.locator('[data-testid="sf-explain-G101-1.output-value@outputValue"]').fill('2017 年停产技改，全年无产值');
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '1', unexplained: '0' });
    expect(await issue('field.range@operatingHours').count()).toBe(0);
    expect(await issue('G101-1.output-value@outputValue').getAttribute('data-explained')).toBe('true');
  });

  it('G103-1: the same in a repeat group, by row', async () => {
    await page.click('[data-testid="sf-tab-G103-1"]');
    await page.locator('[data-testid="survey-form"][data-form="G103-1"]').waitFor();
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '0', unexplained: '0' });
    expect(await page.locator('[data-testid="sf-group-boilers"]').getAttribute('data-rows')).toBe('2');

    await input('boilers[1].runHours').fill('9000');
    await input('boilers[0].capacity').fill('2600');
    await issue('field.range@boilers[1].runHours').waitFor();
    await issue('field.unusual@boilers[0].capacity').waitFor();
    expect(await field('boilers[1].runHours').getAttribute('data-severity')).toBe('blocking');
    expect(await field('boilers[0].capacity').getAttribute('data-severity')).toBe('warning');
    expect(await field('boilers[0].runHours').getAttribute('data-severity')).toBeNull();
    await expect.poll(counts).toEqual({ ready: 'false', blocking: '1', warnings: '1', unexplained: '1' });
    // G101-1's explained warning stays with G101-1 in the list of other forms.
    expect(await page.locator('[data-testid="sf-list-issue"][data-form="G101-1"]').count()).toBe(1);

    await input('boilers[1].runHours').fill('6000');
    await page.locator('[data-testid="sf-explain-field.unusual@boilers[0].capacity"]').fill('园区集中供热锅炉');
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '1', unexplained: '0' });
  });

  it('G103-1: a new row must be filled; removing it makes the form ready again', async () => {
    await page.click('[data-testid="sf-add-boilers"]');
    await issue('field.required@boilers[2].boilerNo').waitFor();
    expect(await page.locator('[data-testid="sf-group-boilers"]').getAttribute('data-rows')).toBe('3');
    expect(Number((await counts()).blocking)).toBeGreaterThan(3);
    await page.click('[data-testid="sf-remove-boilers[2]"]');
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '1', unexplained: '0' });
  });

  it('shows calculated values read-only (G101-3 water intake)', async () => {
    await page.click('[data-testid="sf-tab-G101-3"]');
    await page.locator('[data-testid="survey-form"][data-form="G101-3"]').waitFor();
    expect(await input('intakeTotal').inputValue()).toBe('1600000');
    expect(await input('intakeTotal').getAttribute('readonly')).not.toBeNull();
    await input('selfSupplied').fill('500000');
    await expect.poll(() => input('intakeTotal').inputValue()).toBe('1700000');
  });

  describe('source survey page against the contract (API answered by the test)', () => {
    const g101 = exampleEnterprise().forms[0].answers as Record<string, unknown>;
    const puts: { url: string; body: Record<string, unknown> }[] = [];
    const answers: ((body: Record<string, unknown>) => { status: number; json: unknown })[] = [];
    // The survey's routes are answered here, so the source need not exist yet.
    const sourceId = 4242;

    beforeAll(async () => {
      // The session gains the survey's permissions (the server's policy has them once its routes land).
      await page.route('**/api/v1/session', async (route) => {
        const res = await route.fetch();
        const json = await res.json();
        await route.fulfill({ response: res, json: { ...json, permissions: [...json.permissions, 'survey.read', 'survey.fill'] } });
      });
      await page.route(`**/api/v1/sources/${sourceId}/survey`, (route) =>
        route.fulfill({
          json: {
            source: { id: sourceId, name: '乐清市瓯江印染有限公司', category: 'G', kind: 'enterprise', industryCode: '1713', regionCode: '330382', inventoryState: null },
            forms: [
              { code: 'G101-1', version: 1, status: 'required', submission: { id: 'sub-g101', rev: 1, status: 'draft', updatedAt: '2018-09-15T08:00:00Z', ready: true, blocking: 0, warnings: 0, unexplained: 0 } },
              { code: 'G101-2', version: 1, status: 'required', submission: null },
              { code: 'G103-1', version: 1, status: 'required', submission: null },
              { code: 'G102', version: 1, status: 'not-required', submission: null },
            ],
          },
        }),
      );
      await page.route('**/api/v1/submissions/sub-g101', (route) =>
        route.request().method() === 'GET'
          ? route.fulfill({ json: { id: 'sub-g101', sourceId, form: 'G101-1', version: 1, rev: 1, status: 'draft', answers: g101, explanations: {}, verdict: { issues: [], summary: { ready: true, blocking: 0, warnings: 0, unexplained: 0 } } } })
          : route.fallback(),
      );
      await page.route('**/api/v1/submissions/*', (route) => {
        if (route.request().method() !== 'PUT') return route.fallback();
        const body = route.request().postDataJSON() as Record<string, unknown>;
        puts.push({ url: route.request().url(), body });
        const next = answers.shift() ?? (() => ({ status: 500, json: {} }));
        const { status, json } = next(body);
        return route.fulfill({ status, json });
      });
      await page.goto(`${server.url}/console/survey/sources/${sourceId}`);
      await page.locator('[data-testid="survey-form"][data-form="G101-1"]').waitFor({ timeout: 15_000 });
    });
    afterAll(async () => {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });

    const ok = (rev: number, status: string) => (body: Record<string, unknown>) => ({
      status: 200,
      json: { id: 'sub-g101', sourceId, form: body.form, version: 1, rev, status, verdict: { issues: [], summary: { ready: true, blocking: 0, warnings: 0, unexplained: 0 } } },
    });
    const status = () => page.locator('[data-testid="submission-status"]').textContent();

    it('loads the stored draft; a warning disables submit; the draft is saved with its base revision', async () => {
      expect(await input('unitName').inputValue()).toBe('乐清市瓯江印染有限公司');
      expect(await page.locator('[data-testid="sf-tab-G103-1"]').count()).toBe(1);
      expect(await page.locator('[data-testid="sf-tab-G102"]').count()).toBe(0);
      await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '0', unexplained: '0' });
      await input('outputValue').fill('0');
      await expect.poll(() => page.locator('[data-testid="submission-submit"]').isDisabled()).toBe(true);
      expect(await page.locator('[data-testid="submission-dirty"]').count()).toBe(1);
      answers.push(ok(2, 'draft'));
      await page.click('[data-testid="submission-save"]');
      await expect.poll(status).toContain('r2');
      expect(puts[0].url).toMatch(/\/api\/v1\/submissions\/sub-g101$/);
      expect(puts[0].body).toMatchObject({ sourceId, form: 'G101-1', version: 1, status: 'draft', baseRev: 1, explanations: {} });
      expect((puts[0].body.answers as Record<string, unknown>).outputValue).toBe(0);
      expect(await page.locator('[data-testid="submission-dirty"]').count()).toBe(0);
    });

    it('submit after explaining; a conflict offers the server copy, which reloads', async () => {
      await page.locator('[data-testid="sf-explain-G101-1.output-value@outputValue"]').fill('停产技改');
      await expect.poll(() => page.locator('[data-testid="submission-submit"]').isDisabled()).toBe(false);
      answers.push(() => ({
        status: 409,
        json: { error: { code: 'SURVEY_CONFLICT', status: 409, message: { zh: '报表已被修改', en: 'Changed' }, details: {
          id: 'sub-g101', sourceId, form: 'G101-1', version: 1, rev: 3, status: 'draft', answers: { ...g101, unitName: '乐清市瓯江印染股份有限公司' }, explanations: {},
          verdict: { issues: [], summary: { ready: true, blocking: 0, warnings: 0, unexplained: 0 } },
        } } },
      }));
      await page.click('[data-testid="submission-submit"]');
      expect(puts[1].body).toMatchObject({ status: 'submitted', baseRev: 2, explanations: { 'G101-1.output-value@outputValue': '停产技改' } });
      await page.click('[data-testid="conflict-reload"]');
      await expect.poll(() => input('unitName').inputValue()).toBe('乐清市瓯江印染股份有限公司');
      expect(await input('outputValue').inputValue()).toBe('28650.5');
      await expect.poll(status).toContain('r3');
    });

    it('shows the refusal of the server when it differs from the verdict of the page', async () => {
      answers.push(() => ({
        status: 422,
        json: { error: { code: 'SURVEY_NOT_READY', status: 422, message: { zh: '尚不能提交', en: 'Not ready' }, details: { verdict: {
          issues: [{ form: 'G101-1', path: 'industryCode', rule: 'field.code', severity: 'blocking', message: { zh: '行业代码 1713 不在代码表中', en: 'Industry code 1713 is unknown' } }],
          summary: { ready: false, blocking: 1, warnings: 0, unexplained: 0 },
        } } } },
      }));
      await page.click('[data-testid="submission-submit"]');
      const refusal = page.locator('[data-testid="submission-refusal"]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('服务器审核未通过（与本页检查结果不同）');
      expect(await refusal.textContent()).toContain('行业代码 1713 不在代码表中');
      expect(puts[2].body).toMatchObject({ status: 'submitted', baseRev: 3 });
    });

    it('a form never sent is saved under a new UUID with no base revision', async () => {
      await page.click('[data-testid="sf-tab-G101-2"]');
      await page.locator('[data-testid="survey-form"][data-form="G101-2"]').waitFor();
      await input('unitName').fill('乐清市瓯江印染有限公司');
      answers.push(ok(1, 'draft'));
      await page.click('[data-testid="submission-save"]');
      await expect.poll(status).toContain('r1');
      expect(puts[3].url).toMatch(/\/api\/v1\/submissions\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(puts[3].body).toMatchObject({ form: 'G101-2', status: 'draft', baseRev: null, answers: { unitName: '乐清市瓯江印染有限公司' } });
    });
  });
});
