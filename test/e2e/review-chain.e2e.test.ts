// The review chain end to end (审核链), on both databases: the census taker in Chromium on a phone,
// the reviewers over HTTP, against a real server process. Setup over HTTP as field-survey.e2e: 乐清市's
// office puts an industrial source of 城东街道 in a zone and a package of 城东街道普查小组, and the
// enumerator's inventory record of it goes in as 正常生产 through the field sync. The national office
// turns the instructor level off, so an enumerator's submit waits at the county.
// In the browser the enumerator downloads the package, fills G101-1 (the example answers pasted,
// without the site photos, which would have to be uploaded) and submits; the sync sends it. The county
// reviewer rejects it with a reason and a comment on 联系人电话. The enumerator's next sync brings it
// back: the form is marked returned, the banner says why, who and when, the comment sits at its field;
// the phone number is corrected and the form submitted: it goes straight back to the county. County,
// city and province approve it over HTTP; the record is locked (a PUT → 409 SURVEY_LOCKED, and the
// field app's own change is refused at the form, not resent). The province unlocks 环保联系人 alone;
// after a sync the form is returned with only that field editable, and its change goes up to the province.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { EXAMPLE_CREDIT_CODE, exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

const TOWNSHIP = '330382001'; // 城东街道, 乐清市
const NAME = '乐清市瓯江印染有限公司';
const REASON = '联系人电话有误';
const COMMENT = '请核对联系人电话';
const PHONE = '13905770001';
const UNLOCK = '环保联系人已变更';
const NEW_CONTACT = '林晓';

// The example answers, without the photos: a file must be uploaded before an answer may name it.
const g101Answers = () => {
  const { sitePhotos: _photos, ...rest } = exampleEnterprise().forms.find((f) => f.form === 'G101-1')!.answers as Record<string, unknown>;
  return rest;
};

interface Stored {
  id: string; status: string; rev: number; reviewLevel: string | null; reviewVersion: number;
  answers: Record<string, unknown>; explanations: Record<string, string>;
  review: { returnedFrom: string; reason: string | null; comments: { path: string; text: string }[]; openPaths: string[] | null; by: string } | null;
}

run.each(databaseKinds())('the review chain, field app to province, on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let office: HttpSession;
  let enumerator: HttpSession;
  let sourceId = 0;
  let packageId = 0;
  let id = '';

  beforeAll(async () => {
    server = await startServerProcess(kind);
    office = await httpLogin(server.url, 'yueqing');
    const stamp = `${kind}${Date.now() % 100000}`;
    sourceId = (await httpCall<{ id: number }>(office, 'POST', '/api/v1/sources', {
      regionCode: TOWNSHIP, name: NAME, category: 'industrial', industryCode: '1713', creditCode: EXAMPLE_CREDIT_CODE, address: '乐清市城东街道纬十二路 18 号',
    }, 201)).id;
    const zone = await httpCall<{ id: number }>(office, 'POST', '/api/v1/inventory/zones', { regionCode: TOWNSHIP, name: `审核片区${stamp}`, keywords: ['纬十二路'] }, 201);
    await httpCall(office, 'POST', `/api/v1/inventory/zones/${zone.id}/sources`, { sourceIds: [sourceId] });
    const teams = await httpCall<{ items: Array<{ id: number; name: string }> }>(office, 'GET', '/api/v1/teams?region=330382');
    const team = teams.items.find((x) => x.name === '城东街道普查小组')!;
    packageId = (await httpCall<{ id: number }>(office, 'POST', '/api/v1/inventory/packages', { name: `审核一包${stamp}`, teamId: team.id, zoneId: zone.id }, 201)).id;

    enumerator = await httpLogin(server.url, 'yq-enumerator');
    const dl = await httpCall<{ units: Array<{ sourceId: number; record: { version: number } }> }>(enumerator, 'GET', `/api/v1/inventory/packages/${packageId}/download`);
    const unit = dl.units.find((u) => u.sourceId === sourceId)!;
    const synced = await httpCall<{ results: Array<{ ok: boolean; status?: string }> }>(enumerator, 'POST', '/api/v1/inventory/sync', {
      packageId, items: [{ opId: randomUUID(), sourceId, baseVersion: unit.record.version, state: 'normal', submit: true, data: { name: NAME } }],
    });
    expect(synced.results).toMatchObject([{ ok: true, status: 'submitted' }]);

    // Decision of this test: no instructor level, so the enumerator's submit waits at the county.
    const nation = await httpLogin(server.url, 'nation');
    const chain = await httpCall<{ levels: Array<{ code: string; enabled: boolean }> }>(nation, 'PUT', '/api/v1/review/chain', { levels: [{ code: 'instructor', enabled: false }] });
    expect(chain.levels.find((l) => l.code === 'instructor')?.enabled).toBe(false);

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const tid = (x: string) => page.locator(`[data-testid="${x}"]`);
  const input = (path: string) => tid(`sf-field-${path}`).locator('input').first();
  const stored = () => httpCall<Stored>(office, 'GET', `/api/v1/submissions/${id}`);
  const openSurvey = async () => {
    await tid('field-tab-tasks').click();
    await tid(`unit-s:${sourceId}`).click();
    await tid('unit-survey').click();
    await tid('field-survey').waitFor();
  };
  const openForm = async () => {
    await tid('fs-form-G101-1').click();
    await page.locator('[data-testid="survey-form"][data-form="G101-1"]').waitFor({ timeout: 15_000 });
  };
  const sync = async () => {
    await tid('field-tab-sync').click();
    await expect.poll(() => tid('sync-now').getAttribute('data-running')).toBe('false');
    await tid('sync-now').click();
    await expect.poll(() => tid('sync-now').getAttribute('data-running'), { timeout: 30_000 }).toBe('false');
  };
  const act = async (who: string, action: 'approve' | 'reject', extra: Record<string, unknown> = {}) => {
    const s = await httpLogin(server.url, who);
    const { reviewVersion } = await httpCall<Stored>(s, 'GET', `/api/v1/submissions/${id}`);
    return httpCall<Stored>(s, 'POST', `/api/v1/submissions/${id}/review`, { action, reviewVersion, ...extra });
  };

  it('the census taker fills and submits G101-1 on the phone; synced, it waits at the county', async () => {
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', 'yq-enumerator');
    await page.fill('#password', 'Pucha2018');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL(/\/console\/field/);
    await page.click(`[data-testid="package-download-${packageId}"]`);
    await page.click(`[data-testid="package-open-${packageId}"]`, { timeout: 30_000 });
    await tid(`unit-s:${sourceId}`).click();
    await tid('unit-survey').click();
    await tid('field-survey').waitFor();
    await openForm();
    await tid('fs-paste').click();
    await tid('fs-paste-text').fill(JSON.stringify(g101Answers()));
    await tid('fs-paste-ok').click();
    await tid('fs-paste-text').waitFor({ state: 'hidden' });
    await expect.poll(() => tid('survey-summary').getAttribute('data-ready')).toBe('true');
    await tid('fs-submit').click(); // online: the submit starts a sync
    await expect.poll(() => tid('fs-status-G101-1').getAttribute('data-status'), { timeout: 30_000 }).toBe('synced');

    const items = (await httpCall<{ items: Array<{ id: string; form: string }> }>(office, 'GET', `/api/v1/submissions?sourceId=${sourceId}`)).items;
    id = items.find((i) => i.form === 'G101-1')!.id;
    expect(await stored()).toMatchObject({ status: 'submitted', rev: 1, reviewLevel: 'county', answers: { contactPhone: '13905771234' } });
  });

  it('the county reviewer rejects it with a reason and a comment on one field', async () => {
    const r = await act('yq-reviewer', 'reject', { reason: REASON, comments: [{ path: 'contactPhone', text: COMMENT }] });
    expect(r).toMatchObject({ status: 'returned', review: { returnedFrom: 'county', reason: REASON, comments: [{ path: 'contactPhone', text: COMMENT }], by: 'yq-reviewer', openPaths: null } });
  });

  it('the next sync brings it back: marked returned, the banner says why, who and when, the comment sits at its field', async () => {
    await tid('fs-form-back').click();
    await sync();
    await tid('field-tab-tasks').click();
    await tid(`unit-returned-s:${sourceId}`).waitFor();
    await openSurvey();
    await expect.poll(() => tid('fs-status-G101-1').getAttribute('data-status')).toBe('returned');
    await openForm();
    await tid('fs-returned').waitFor();
    expect(await tid('fs-returned').getAttribute('data-level')).toBe('county');
    expect(await tid('fs-returned-reason').textContent()).toContain(REASON);
    expect(await tid('fs-returned-by').textContent()).toContain('yq-reviewer');
    expect(await tid('fs-returned-by').textContent()).toMatch(/\d{4}/); // when
    expect(await tid('sf-field-contactPhone').locator('[data-testid="fs-comment-contactPhone"]').textContent()).toContain(COMMENT);
    // Returned whole: every field may change.
    expect(await input('unitName').isDisabled()).toBe(false);
    await tid('fs-returned').screenshot({ path: `.tmp/e2e-review-chain-returned-${kind}.png` });
  });

  it('corrected and submitted, it goes straight back to the county; the banner is gone after the sync', async () => {
    await input('contactPhone').fill(PHONE);
    await expect.poll(() => tid('survey-summary').getAttribute('data-ready')).toBe('true');
    await tid('fs-submit').click();
    await expect.poll(async () => (await stored()).status, { timeout: 30_000 }).toBe('submitted');
    expect(await stored()).toMatchObject({ rev: 2, reviewLevel: 'county', review: null, answers: { contactPhone: PHONE } });
    await expect.poll(() => tid('fs-status-G101-1').getAttribute('data-status'), { timeout: 30_000 }).toBe('synced');
    await expect.poll(() => tid('fs-returned').count()).toBe(0);
  });

  it('county, city and province approve; the record is locked', async () => {
    expect(await act('yq-reviewer', 'approve')).toMatchObject({ status: 'approved', reviewLevel: 'city' });
    expect(await act('wenzhou', 'approve')).toMatchObject({ status: 'approved', reviewLevel: 'province' });
    const last = await act('zhejiang', 'approve');
    expect(last.status).toBe('approved');
    expect(last.reviewLevel).toBe('nation');
    const cur = await stored();
    const put = await fetch(`${server.url}/api/v1/submissions/${id}`, {
      method: 'PUT', headers: { cookie: enumerator.cookie, 'x-csrf-token': enumerator.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ sourceId, form: 'G101-1', version: 1, answers: { ...cur.answers, contactName: NEW_CONTACT }, explanations: cur.explanations, status: 'submitted', baseRev: cur.rev }),
    });
    expect(put.status).toBe(409);
    expect(((await put.json()) as { error: { code: string } }).error.code).toBe('SURVEY_LOCKED');
  });

  it('a change made on the phone meanwhile is refused at the form, not resent', async () => {
    await input('contactName').fill(NEW_CONTACT);
    await expect.poll(() => tid('survey-summary').getAttribute('data-ready')).toBe('true');
    await tid('fs-submit').click();
    await expect.poll(() => tid('fs-refused').getAttribute('data-code'), { timeout: 30_000 }).toBe('SURVEY_LOCKED');
    await expect.poll(() => tid('fs-status-G101-1').getAttribute('data-status')).toBe('approved');
    await tid('fs-locked').waitFor();
    expect(await input('contactName').isDisabled()).toBe(true);
    expect(await tid('fs-submit').isDisabled()).toBe(true);
    await sync();
    expect(await tid('field-survey-pending').textContent()).toBe('0');
    expect((await stored()).rev).toBe(2);
  });

  it('the province unlocks one field; after a sync the form is returned with only that field editable', async () => {
    const zhejiang = await httpLogin(server.url, 'zhejiang');
    const { reviewVersion } = await httpCall<Stored>(zhejiang, 'GET', `/api/v1/submissions/${id}`);
    const u = await httpCall<Stored>(zhejiang, 'POST', `/api/v1/submissions/${id}/unlock`, { reviewVersion, reason: UNLOCK, paths: ['contactName'] });
    expect(u).toMatchObject({ status: 'returned', review: { returnedFrom: 'province', openPaths: ['contactName'], reason: UNLOCK } });

    await sync();
    await openSurvey();
    await expect.poll(() => tid('fs-status-G101-1').getAttribute('data-status')).toBe('returned');
    await openForm();
    await tid('fs-returned').waitFor();
    expect(await tid('fs-returned').getAttribute('data-level')).toBe('province');
    await tid('fs-returned-open').waitFor();
    await tid('fs-comment-contactName').waitFor();
    expect(await tid('fs-refused').count()).toBe(0); // the lock the server refused with is lifted
    // Only 环保联系人 may change; the change made here stays (over the same revision).
    expect(await input('contactName').isDisabled()).toBe(false);
    expect(await input('contactName').inputValue()).toBe(NEW_CONTACT);
    for (const path of ['unitName', 'contactPhone', 'operatingHours']) expect(await input(path).isDisabled()).toBe(true);
    await page.screenshot({ path: `.tmp/e2e-review-chain-unlocked-${kind}.png` });

    await expect.poll(() => tid('survey-summary').getAttribute('data-ready')).toBe('true');
    await tid('fs-submit').click();
    await expect.poll(async () => (await stored()).status, { timeout: 30_000 }).toBe('submitted');
    expect(await stored()).toMatchObject({ rev: 3, reviewLevel: 'province', answers: { contactName: NEW_CONTACT, contactPhone: PHONE } });
  });
});
