// Survey forms (入户调查) in the field app, in Chromium on a phone-sized screen against a real
// server process, on both databases. Over HTTP 乐清市's office puts an industrial source (the
// example printing and dyeing mill) in a zone and package of 城东街道, and the enumerator's
// inventory record of it goes in as 正常生产 (submitted through the field sync). In the browser
// the enumerator downloads the package and goes offline; opens the unit's survey, which lists
// the forms the engine says apply; fills G101-1 (the example answers pasted through the form's
// own paste control), meets a blocking error and a warning at their fields, fixes the one and
// explains the other, submits; G103-1 then applies (two boilers) and is filled and submitted.
// Nothing has left the phone; online again, the sync sends both, and over HTTP both are stored
// `submitted`, G101-1 with the explanation; a second sync sends nothing. Last, a revision made
// on the server meanwhile: the sync shows a conflict card, and "keep mine" resends over it.
// Then the enterprise itself: the office issues an invitation code, which the enterprise redeems
// for a respondent account of this source; as that account the forms still missing (per the
// survey's own list) go in over HTTP from the example set; in a desktop browser the respondent
// logs in, lands on its own forms, sees G101-1 and G103-1 submitted (by the census taker) and
// confirms as legal representative; over HTTP the office sees the confirmation by the respondent.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { httpUploadReferenced } from '../helpers/survey-attachments.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { EXAMPLE_CREDIT_CODE, exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

const TOWNSHIP = '330382001'; // 城东街道, 乐清市
const NAME = '乐清市瓯江印染有限公司';
const WHY = '2017 年停产技改，全年无产值';
const WARNING = 'G101-1.output-value@outputValue';
const BLOCKING = 'field.range@operatingHours';
const answersOf = (form: string) => exampleEnterprise().forms.find((f) => f.form === form)!.answers as Record<string, unknown>;

interface Listed { id: string; form: string; status: string; rev: number; ready: boolean; warnings: number; unexplained: number }
interface SurveyForm { code: string; defined: boolean; status: string; submission: { id: string; rev: number; status: string } | null }
interface Survey { forms: SurveyForm[]; confirmation: { by: string; legalRep: string; revisions: Record<string, number> } | null }
interface Stored { id: string; status: string; rev: number; answers: Record<string, unknown>; explanations: Record<string, string>; revisions: { rev: number; by: string }[] }

run.each(databaseKinds())('survey forms in the field app on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let office: HttpSession;
  let sourceId = 0;
  let packageId = 0;

  beforeAll(async () => {
    server = await startServerProcess(kind);
    office = await httpLogin(server.url, 'yueqing');
    const stamp = `${kind}${Date.now() % 100000}`;
    sourceId = (await httpCall<{ id: number }>(office, 'POST', '/api/v1/sources', {
      regionCode: TOWNSHIP, name: NAME, category: 'industrial', industryCode: '1713', creditCode: EXAMPLE_CREDIT_CODE, address: '乐清市城东街道纬十二路 18 号',
    }, 201)).id;
    // The photo the example answers name, as if uploaded from the console: the phone has no such file to send.
    await httpUploadReferenced(office, sourceId, [{ form: 'G101-1', answers: answersOf('G101-1') }]);
    const zone = await httpCall<{ id: number }>(office, 'POST', '/api/v1/inventory/zones', { regionCode: TOWNSHIP, name: `印染片区${stamp}`, keywords: ['纬十二路'] }, 201);
    await httpCall(office, 'POST', `/api/v1/inventory/zones/${zone.id}/sources`, { sourceIds: [sourceId] });
    const teams = await httpCall<{ items: Array<{ id: number; name: string }> }>(office, 'GET', '/api/v1/teams?region=330382');
    const team = teams.items.find((x) => x.name === '城东街道普查小组')!;
    packageId = (await httpCall<{ id: number }>(office, 'POST', '/api/v1/inventory/packages', { name: `印染一包${stamp}`, teamId: team.id, zoneId: zone.id }, 201)).id;

    // The enumerator's inventory of the unit: 正常生产, submitted through the field sync.
    const enumerator = await httpLogin(server.url, 'yq-enumerator');
    const dl = await httpCall<{ units: Array<{ sourceId: number; record: { version: number } }> }>(enumerator, 'GET', `/api/v1/inventory/packages/${packageId}/download`);
    const unit = dl.units.find((u) => u.sourceId === sourceId)!;
    const synced = await httpCall<{ results: Array<{ ok: boolean; status?: string }> }>(enumerator, 'POST', '/api/v1/inventory/sync', {
      packageId, items: [{ opId: randomUUID(), sourceId, baseVersion: unit.record.version, state: 'normal', submit: true, data: { name: NAME } }],
    });
    expect(synced.results).toMatchObject([{ ok: true, status: 'submitted' }]);

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const tid = (id: string) => page.locator(`[data-testid="${id}"]`);
  const field = (path: string) => tid(`sf-field-${path}`);
  const input = (path: string) => field(path).locator('input').first();
  const issue = (key: string) => tid(`sf-issue-${key}`);
  const counts = async () => {
    const s = tid('survey-summary');
    return { ready: await s.getAttribute('data-ready'), blocking: await s.getAttribute('data-blocking'), warnings: await s.getAttribute('data-warnings'), unexplained: await s.getAttribute('data-unexplained') };
  };
  const listed = async () => (await httpCall<{ items: Listed[] }>(office, 'GET', `/api/v1/submissions?sourceId=${sourceId}`)).items;
  const paste = async (answers: Record<string, unknown>) => {
    await tid('fs-paste').click();
    await tid('fs-paste-text').fill(JSON.stringify(answers));
    await tid('fs-paste-ok').click();
    await tid('fs-paste-text').waitFor({ state: 'hidden' });
  };
  const openForm = async (code: string) => {
    await tid(`fs-form-${code}`).click();
    await page.locator(`[data-testid="survey-form"][data-form="${code}"]`).waitFor({ timeout: 15_000 });
  };

  it('downloads the package, goes offline and opens the unit survey, listing the forms that apply', async () => {
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', 'yq-enumerator');
    await page.fill('#password', 'Pucha2018');
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL(/\/console\/field/);
    await page.click(`[data-testid="package-download-${packageId}"]`);
    await page.click(`[data-testid="package-open-${packageId}"]`, { timeout: 30_000 });
    await tid(`unit-s:${sourceId}`).waitFor();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);

    await context.setOffline(true);
    await expect.poll(() => tid('online-status').getAttribute('data-online')).toBe('false');
    await tid(`unit-s:${sourceId}`).click();
    await tid('unit-survey').click();
    await tid('field-survey').waitFor();
    for (const code of ['G101-1', 'G101-2', 'G101-3']) await tid(`fs-form-${code}`).waitFor();
    expect(await tid('fs-status-none').count()).toBeGreaterThan(0);
  });

  it('G101-1: a blocking error and a warning at their fields; fixed and explained, submitted offline', async () => {
    await openForm('G101-1');
    await paste(answersOf('G101-1'));
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '0', unexplained: '0' });
    expect(await input('unitName').inputValue()).toBe(NAME);

    await input('operatingHours').fill('9000');
    await input('outputValue').fill('0');
    await issue(BLOCKING).waitFor();
    await issue(WARNING).waitFor();
    expect(await field('operatingHours').getAttribute('data-severity')).toBe('blocking');
    expect(await field('outputValue').getAttribute('data-severity')).toBe('warning');
    await expect.poll(counts).toEqual({ ready: 'false', blocking: '1', warnings: '1', unexplained: '1' });
    expect(await tid('fs-submit').isDisabled()).toBe(true);
    // Stacked for the phone: the label sits above its input, and nothing is wider than the screen.
    const label = await field('operatingHours').locator('label').boundingBox();
    const box = await input('operatingHours').boundingBox();
    expect(box!.y).toBeGreaterThan(label!.y + label!.height - 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await field('outputValue').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.tmp/e2e-field-survey-g101-${kind}.png` });

    await input('operatingHours').fill('7200');
    await tid(`sf-explain-${WARNING}`).fill(WHY);
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '1', unexplained: '0' });
    expect(await issue(BLOCKING).count()).toBe(0);
    expect(await issue(WARNING).getAttribute('data-explained')).toBe('true');
    await tid('fs-submit').click();
    await expect.poll(() => tid('fs-status-G101-1').getAttribute('data-status')).toBe('submitted');
  });

  it('G103-1 applies (two boilers in G101-1): filled and submitted offline; nothing has left the phone', async () => {
    await tid('fs-form-back').click();
    await tid('fs-form-G103-1').waitFor();
    await openForm('G103-1');
    await expect.poll(async () => Number((await counts()).blocking)).toBeGreaterThan(0); // empty: required fields
    await paste(answersOf('G103-1'));
    await expect.poll(() => tid('sf-group-boilers').getAttribute('data-rows')).toBe('2');
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '0', unexplained: '0' });
    await tid('fs-submit').click();
    await expect.poll(() => tid('fs-status-G103-1').getAttribute('data-status')).toBe('submitted');

    // Saved on the device, per user: both marked for sending, each with an id made here.
    const local = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => (indexedDB.open('pucha-field:yq-enumerator').onsuccess = (e) => ok((e.target as IDBOpenDBRequest).result)));
      const all = await new Promise<Array<{ form: string; id: string; pending: boolean; baseRev: number | null }>>((ok) => (db.transaction('submissions').objectStore('submissions').getAll().onsuccess = (e) => ok((e.target as IDBRequest).result)));
      db.close();
      return all.map((s) => ({ form: s.form, pending: s.pending, baseRev: s.baseRev, uuid: /^[0-9a-f-]{36}$/.test(s.id) })).sort((a, b) => a.form.localeCompare(b.form));
    });
    expect(local).toEqual([
      { form: 'G101-1', pending: true, baseRev: null, uuid: true },
      { form: 'G103-1', pending: true, baseRev: null, uuid: true },
    ]);
    await tid('field-tab-sync').click();
    await expect.poll(() => tid('field-survey-pending').textContent()).toBe('2');
    expect(await listed()).toEqual([]);
  });

  it('online again, the sync sends both: stored submitted, G101-1 with the explanation', async () => {
    await context.setOffline(false);
    await expect.poll(() => tid('field-survey-pending').textContent(), { timeout: 30_000 }).toBe('0');
    const items = await listed();
    expect(items.map((i) => [i.form, i.status, i.rev, i.ready]).sort()).toEqual([['G101-1', 'submitted', 1, true], ['G103-1', 'submitted', 1, true]]);
    const g101 = await httpCall<Stored>(office, 'GET', `/api/v1/submissions/${items.find((i) => i.form === 'G101-1')!.id}`);
    expect(g101).toMatchObject({ status: 'submitted', explanations: { [WARNING]: WHY }, answers: { operatingHours: 7200, outputValue: 0 } });
    expect(g101.revisions.map((r) => r.by)).toEqual(['yq-enumerator']);

    // A second sync sends nothing and changes nothing.
    await tid('sync-now').click();
    await expect.poll(() => tid('sync-now').getAttribute('data-running')).toBe('false');
    expect((await listed()).map((i) => i.rev)).toEqual([1, 1]);
    await tid('field-tab-tasks').click();
    await tid(`unit-s:${sourceId}`).click();
    await tid('unit-survey').click();
    await expect.poll(() => tid('fs-status-G101-1').getAttribute('data-status')).toBe('synced');
  });

  it('a revision made on the server meanwhile: the sync shows a conflict card; keep mine resends over it', async () => {
    await tid('fs-form-G101-1').click();
    await page.locator('[data-testid="survey-form"][data-form="G101-1"]').waitFor();
    await input('contactName').fill('林晓');
    // The office changes the stored G101-1 while the phone holds rev 1.
    const id = (await listed()).find((i) => i.form === 'G101-1')!.id;
    const cur = await httpCall<Stored>(office, 'GET', `/api/v1/submissions/${id}`);
    await httpCall(office, 'PUT', `/api/v1/submissions/${id}`, {
      sourceId, form: 'G101-1', version: 1, answers: { ...cur.answers, contactPhone: '13905770000' }, explanations: cur.explanations, status: 'submitted', baseRev: 1,
    }, 200);
    await expect.poll(counts).toMatchObject({ ready: 'true' });
    await tid('fs-submit').click(); // online: the submit starts a sync, refused with the server's copy
    await tid('fs-conflict').waitFor({ timeout: 15_000 });

    await tid('field-tab-sync').click();
    await tid('survey-conflict-G101-1').waitFor();
    await tid('survey-keep-mine').click();
    await expect.poll(async () => (await httpCall<Stored>(office, 'GET', `/api/v1/submissions/${id}`)).rev, { timeout: 15_000 }).toBe(3);
    const s = await httpCall<Stored>(office, 'GET', `/api/v1/submissions/${id}`);
    expect(s).toMatchObject({ status: 'submitted', answers: { contactName: '林晓' }, explanations: { [WARNING]: WHY } });
    await expect.poll(() => tid('survey-conflict-G101-1').count()).toBe(0);
    await expect.poll(() => tid('field-survey-pending').textContent()).toBe('0'); // the resend's bookkeeping may trail the conflict card
  });

  it("the enterprise's respondent sends the rest, sees the census taker's forms on its own page and confirms", async () => {
    // An invitation code from the office, redeemed by the enterprise for an account of this source.
    const invitation = await httpCall<{ code: string }>(office, 'POST', `/api/v1/sources/${sourceId}/invitations`, undefined, 201);
    const username = `yq-qiye-${randomUUID().slice(0, 6)}`;
    const password = 'Qiye2024e2e';
    const redeemed = await fetch(`${server.url}/api/v1/invitations/redeem`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: invitation.code, creditCode: EXAMPLE_CREDIT_CODE, username, password, displayName: '印染厂填报员' }),
    });
    expect(redeemed.status).toBe(201);
    expect(await redeemed.json()).toMatchObject({ username, role: 'respondent', sourceId });
    const respondent = await httpLogin(server.url, username, password);

    // The forms still missing, by the survey's own list (the stored G101-1 decides what applies).
    const survey = () => httpCall<Survey>(respondent, 'GET', `/api/v1/sources/${sourceId}/survey`);
    const missing = (s: Survey) => s.forms.filter((f) => f.defined && f.status !== 'not-required' && !f.submission).map((f) => f.code);
    const before = await survey();
    expect(before.forms.find((f) => f.code === 'G101-1')?.submission).toMatchObject({ status: 'submitted', rev: 3 });
    expect(before.forms.find((f) => f.code === 'G103-1')?.submission).toMatchObject({ status: 'submitted', rev: 1 });
    const todo = missing(before);
    expect(todo.length).toBeGreaterThan(0);
    expect(todo).not.toContain('G101-1');
    expect(todo).not.toContain('G103-1');
    const sets = exampleEnterprise().forms.filter((f) => todo.includes(f.form));
    expect(sets.map((f) => f.form).sort()).toEqual([...todo].sort()); // the example set has each of them
    const items = sets.map((f) => ({ id: randomUUID(), sourceId, form: f.form, version: f.version, answers: f.answers, explanations: f.explanations ?? {}, status: 'submitted', baseRev: null }));
    const bulk = await httpCall<{ results: Array<{ ok: boolean; code?: string }> }>(respondent, 'POST', '/api/v1/submissions/bulk', { items }, 200);
    expect(bulk.results.filter((r) => !r.ok)).toEqual([]);
    expect(missing(await survey())).toEqual([]);

    // Both the census taker's forms are its, as the respondent reads them.
    for (const code of ['G101-1', 'G103-1']) {
      const sid = before.forms.find((f) => f.code === code)!.submission!.id;
      const s = await httpCall<Stored>(respondent, 'GET', `/api/v1/submissions/${sid}`);
      expect(s.revisions[0].by).toBe('yq-enumerator');
    }

    // A desktop browser: the respondent logs in and lands on its own forms.
    const desk = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    try {
      const p = await desk.newPage();
      p.on('pageerror', (e) => console.error('page error:', e.message));
      await p.goto(`${server.url}/console/login`);
      await p.fill('#username', username);
      await p.fill('#password', password);
      await p.click('[data-testid="login-submit"]');
      await p.waitForURL((u) => u.pathname.endsWith(`/survey/sources/${sourceId}`), { timeout: 15_000 });
      await p.locator(`[data-testid="source-survey"][data-source="${sourceId}"]`).waitFor();
      for (const code of ['G101-1', 'G103-1']) {
        await expect.poll(() => p.locator(`[data-testid="sf-tab-status-${code}"]`).textContent(), { timeout: 15_000 }).toBe('已提交');
      }
      await p.locator('[data-testid="confirm-legal-rep"]').fill('陈建华', { timeout: 15_000 });
      await p.locator('[data-testid="confirm-agree"]').check();
      await p.click('[data-testid="confirm-submit"]');
      await p.locator('[data-testid="confirm-done"]').waitFor({ timeout: 15_000 });
      expect(await p.locator('[data-testid="confirm-done"]').innerText()).toContain('陈建华');
    } finally {
      await desk.close();
    }

    // The office sees it: by the respondent, covering the census taker's revisions too.
    const seen = await httpCall<Survey>(office, 'GET', `/api/v1/sources/${sourceId}/survey`);
    expect(seen.confirmation).toMatchObject({ by: username, legalRep: '陈建华', revisions: { 'G101-1': 3, 'G103-1': 1 } });
  });
});
