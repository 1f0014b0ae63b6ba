// Survey forms in Chromium against a real server process. First the practice page
// (/console/survey/try/:form), which renders the example enterprise's forms from their
// definitions with the live rule engine and saves nothing: G101-1 and G103-1 get a value that
// blocks and one that warns, both show at their fields and in the side list, the one is fixed
// and the other explained, and the form turns ready.
// Then a source's survey page against the real survey API (docs/survey-api.md), on both
// databases, nothing faked: 乐清市's office supplements the example enterprise and seeds a draft
// of G101-1 over HTTP; in the browser it meets a blocking error and a warning at their fields,
// fixes one, explains the other, saves and submits; over HTTP the stored submission is submitted
// with the explanation. A new revision made over HTTP while the page holds the old one: the
// page's save is refused, the conflict offered, the server's copy reloaded. Last the source's
// respondent lands on its forms, sees the submitted G101-1 and gets 404 for another source.
// Between them, the Excel pair: the filled template downloads, an edited one uploads and shows,
// a bad cell is listed by its address.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { httpUploadReferenced } from '../helpers/survey-attachments.ts';
import { EXAMPLE_CREDIT_CODE, exampleEnterprise } from '../../src/domains/survey/forms/example-set.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

/** The form on screen, through the data-testids the renderer puts on fields, issues and the summary. */
function formUi(page: () => Page) {
  const field = (path: string) => page().locator(`[data-testid="sf-field-${path}"]`);
  const input = (path: string) => field(path).locator('input').first();
  const counts = async () => {
    const s = page().locator('[data-testid="survey-summary"]');
    return {
      ready: await s.getAttribute('data-ready'),
      blocking: await s.getAttribute('data-blocking'),
      warnings: await s.getAttribute('data-warnings'),
      unexplained: await s.getAttribute('data-unexplained'),
    };
  };
  const issue = (key: string) => page().locator(`[data-testid="sf-issue-${key}"]`);
  return { field, input, counts, issue };
}

async function logIn(browser: Browser, url: string, username: string, password = 'Pucha2018'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${url}/console/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-testid="login-submit"]');
  await page.waitForURL((u) => !u.pathname.includes('/login'));
  return page;
}

run('survey forms in Chromium (practice page)', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServerProcess('pglite');
    browser = await launchBrowser();
    page = await logIn(browser, server.url, 'yueqing');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const { field, input, counts, issue } = formUi(() => page);

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
});

interface Stored {
  id: string;
  rev: number;
  status: string;
  answers: Record<string, unknown>;
  explanations: Record<string, string>;
  submittedAt: string | null;
  verdict: { summary: { ready: boolean; blocking: number; warnings: number; unexplained: number } };
  revisions: { rev: number; status: string; by: string }[];
}
interface SourceSurvey {
  source: Record<string, unknown>;
  forms: { code: string; defined: boolean; status: string; submission: { id: string; rev: number; status: string } | null }[];
}

const NAME = '乐清市瓯江印染有限公司';
const RENAMED = '乐清市瓯江印染股份有限公司';
const WHY = '2017 年停产技改，全年无产值';
const WARNING = 'G101-1.output-value@outputValue';

run.each(databaseKinds())('a source survey page against the real survey API on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let office: HttpSession;
  let page: Page;
  let sourceId = 0;
  let otherId = 0;
  const g101 = randomUUID();
  const example = structuredClone(exampleEnterprise().forms[0].answers) as Record<string, unknown>;
  const { field, input, counts, issue } = formUi(() => page);
  const status = () => page.locator('[data-testid="submission-status"]');
  const stored = () => httpCall<Stored>(office, 'GET', `/api/v1/submissions/${g101}`);
  const nextPut = () => page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/v1/submissions/'));
  const opened = (form: string) => page.locator(`[data-testid="survey-form"][data-form="${form}"]`).waitFor({ timeout: 15_000 });

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    office = await httpLogin(server.url, 'yueqing');
    // The example enterprise as 乐清市's office supplements it: an industrial source, printing and dyeing (1713).
    sourceId = (await httpCall<{ id: number }>(office, 'POST', '/api/v1/sources', {
      regionCode: '330382', name: NAME, category: 'industrial', industryCode: '1713', creditCode: EXAMPLE_CREDIT_CODE, address: example.address,
    }, 201)).id;
    otherId = (await httpCall<{ id: number }>(office, 'POST', '/api/v1/sources', { regionCode: '330382', name: '乐清市柳市另一印染厂', category: 'industrial', industryCode: '1713' }, 201)).id;
    // A draft of G101-1 from the example answers (its site photo uploaded first), under an id the client made.
    await httpUploadReferenced(office, sourceId, [{ form: 'G101-1', answers: example }]);
    const seeded = await httpCall<Stored>(office, 'PUT', `/api/v1/submissions/${g101}`, { sourceId, form: 'G101-1', version: 1, answers: example, explanations: {}, status: 'draft', baseRev: null }, 201);
    expect(seeded).toMatchObject({ id: g101, rev: 1, status: 'draft', verdict: { summary: { ready: true, blocking: 0, warnings: 0, unexplained: 0 } } });
    page = await logIn(browser, server.url, 'yueqing');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the forms the server says apply, and loads the stored draft of G101-1', async () => {
    const survey = await httpCall<SourceSurvey>(office, 'GET', `/api/v1/sources/${sourceId}/survey`);
    expect(survey.source).toMatchObject({ id: sourceId, name: NAME, category: 'industrial', formCategory: 'G', kind: 'enterprise', industryCode: '1713', surveyed: true });
    expect(survey.forms.find((f) => f.code === 'G101-1')).toMatchObject({ defined: true, status: 'required', submission: { id: g101, rev: 1, status: 'draft' } });
    await page.goto(`${server.url}/console/survey/sources/${sourceId}`);
    await opened('G101-1');
    expect(await page.locator('[data-testid="source-survey-name"]').textContent()).toBe(NAME);
    // Every defined form that applies or may apply is a tab; one not defined yet is only named.
    const fillable = survey.forms.filter((f) => f.defined && f.status !== 'not-required').map((f) => f.code);
    expect(fillable).toEqual(expect.arrayContaining(['G101-1', 'G101-2', 'G101-3', 'G103-1']));
    for (const code of fillable) expect(await page.locator(`[data-testid="sf-tab-${code}"]`).count(), code).toBe(1);
    for (const f of survey.forms.filter((x) => !x.defined)) expect(await page.locator(`[data-testid="sf-other-${f.code}"]`).count(), f.code).toBe(1);
    expect(await page.locator('[data-testid="sf-tab-G107"]').count()).toBe(0); // no radioactive minerals
    expect(await input('unitName').inputValue()).toBe(NAME);
    expect(await status().getAttribute('data-status')).toBe('draft');
    expect(await status().textContent()).toContain('r1');
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '0', unexplained: '0' });
  });

  it('meets a blocking error and a warning at their fields; a draft keeps them, as the server agrees', async () => {
    await input('operatingHours').fill('9000');
    await input('outputValue').fill('0');
    await issue('field.range@operatingHours').waitFor();
    await issue(WARNING).waitFor();
    expect(await field('operatingHours').getAttribute('data-severity')).toBe('blocking');
    expect(await field('outputValue').getAttribute('data-severity')).toBe('warning');
    await expect.poll(counts).toEqual({ ready: 'false', blocking: '1', warnings: '1', unexplained: '1' });
    expect(await page.locator('[data-testid="submission-submit"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="submission-dirty"]').count()).toBe(1);

    const put = nextPut();
    await page.click('[data-testid="submission-save"]');
    const res = await put;
    expect(res.status()).toBe(200);
    expect(res.request().postDataJSON()).toMatchObject({ sourceId, form: 'G101-1', version: 1, status: 'draft', baseRev: 1 });
    await expect.poll(() => status().textContent()).toContain('r2');
    expect(await page.locator('[data-testid="submission-dirty"]').count()).toBe(0);
    const s = await stored();
    expect(s).toMatchObject({ rev: 2, status: 'draft', verdict: { summary: { ready: false, blocking: 1, warnings: 1, unexplained: 1 } } });
    expect(s.answers).toMatchObject({ operatingHours: 9000, outputValue: 0 });
  });

  it('fixes the error, explains the warning and submits; the server stores it submitted with the explanation', async () => {
    await input('operatingHours').fill('7200');
    await page.locator(`[data-testid="sf-explain-${WARNING}"]`).fill(WHY);
    await expect.poll(counts).toEqual({ ready: 'true', blocking: '0', warnings: '1', unexplained: '0' });
    expect(await issue('field.range@operatingHours').count()).toBe(0);
    expect(await issue(WARNING).getAttribute('data-explained')).toBe('true');

    const put = nextPut();
    await page.click('[data-testid="submission-submit"]');
    const res = await put;
    expect(res.status()).toBe(200);
    expect(res.request().postDataJSON()).toMatchObject({ status: 'submitted', baseRev: 2, explanations: { [WARNING]: WHY } });
    await expect.poll(() => status().getAttribute('data-status')).toBe('submitted');
    expect(await status().textContent()).toContain('r3');

    const s = await stored();
    expect(s).toMatchObject({ rev: 3, status: 'submitted', explanations: { [WARNING]: WHY }, verdict: { summary: { ready: true, blocking: 0, warnings: 1, unexplained: 0 } } });
    expect(s.answers).toMatchObject({ operatingHours: 7200, outputValue: 0 });
    expect(s.submittedAt).not.toBeNull();
    expect(s.revisions.map((r) => [r.rev, r.status, r.by])).toEqual([[1, 'draft', 'yueqing'], [2, 'draft', 'yueqing'], [3, 'submitted', 'yueqing']]);
  });

  it('saves a form never sent under a new UUID (201, no base revision)', async () => {
    await page.click('[data-testid="sf-tab-G101-2"]');
    await opened('G101-2');
    await input('unitName').fill(NAME);
    const put = nextPut();
    await page.click('[data-testid="submission-save"]');
    const res = await put;
    expect(res.status()).toBe(201);
    expect(res.url()).toMatch(/\/api\/v1\/submissions\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.request().postDataJSON()).toMatchObject({ form: 'G101-2', status: 'draft', baseRev: null, answers: { unitName: NAME } });
    await expect.poll(() => status().textContent()).toContain('r1');
  });

  it('a form begun elsewhere under another id meanwhile: the save is refused, that submission offered and loaded', async () => {
    await page.click('[data-testid="sf-tab-G101-3"]');
    await opened('G101-3');
    const elsewhere = randomUUID();
    const g1013 = exampleEnterprise().forms.find((f) => f.form === 'G101-3')!.answers as Record<string, unknown>;
    await httpCall(office, 'PUT', `/api/v1/submissions/${elsewhere}`, { sourceId, form: 'G101-3', version: 1, answers: g1013, status: 'draft', baseRev: null }, 201);

    await input('unitName').fill(NAME);
    const put = nextPut();
    await page.click('[data-testid="submission-save"]');
    const res = await put;
    expect(res.status()).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'SURVEY_FORM_TAKEN', details: { id: elsewhere } });
    await page.locator('[data-testid="conflict-text"]').waitFor();
    await page.click('[data-testid="conflict-reload"]');
    await expect.poll(() => input('intakeTotal').inputValue()).toBe('1600000');
    await expect.poll(() => status().textContent()).toContain('r1');
    // The next save edits that submission, from its revision.
    await input('selfSupplied').fill('500000');
    const next = nextPut();
    await page.click('[data-testid="submission-save"]');
    const saved = await next;
    expect(saved.status()).toBe(200);
    expect(saved.url()).toContain(elsewhere);
    expect(saved.request().postDataJSON()).toMatchObject({ baseRev: 1 });
  });

  it('a revision made elsewhere meanwhile: the save is refused, the conflict offered, the server copy reloaded', async () => {
    await page.click('[data-testid="sf-tab-G101-1"]');
    await opened('G101-1');
    const cur = await stored();
    const newer = await httpCall<Stored>(office, 'PUT', `/api/v1/submissions/${g101}`, {
      sourceId, form: 'G101-1', version: 1, answers: { ...cur.answers, unitName: RENAMED }, explanations: cur.explanations, status: 'submitted', baseRev: 3,
    }, 200);
    expect(newer.rev).toBe(4);

    await input('contactName').fill('林晓');
    const put = nextPut();
    await page.click('[data-testid="submission-save"]');
    const res = await put;
    expect(res.status()).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'SURVEY_CONFLICT', details: { server: { id: g101, rev: 4, answers: { unitName: RENAMED } } } });
    await page.locator('[data-testid="conflict-text"]').waitFor();
    expect(await page.locator('[data-testid="conflict-text"]').textContent()).toContain('4');
    await page.click('[data-testid="conflict-reload"]');
    await expect.poll(() => input('unitName').inputValue()).toBe(RENAMED);
    expect(await input('contactName').inputValue()).toBe('林晓燕');
    await expect.poll(() => status().textContent()).toContain('r4');
    expect(await page.locator('[data-testid="submission-dirty"]').count()).toBe(0);
    expect(await stored()).toMatchObject({ rev: 4, answers: { unitName: RENAMED, contactName: '林晓燕' } });

    // Submitting the server's copy unchanged is a resend: answered from what is stored, no new revision.
    const again = nextPut();
    await page.click('[data-testid="submission-submit"]');
    expect((await again).status()).toBe(200);
    expect((await stored()).rev).toBe(4);
  });

  it('Excel: the filled template downloads; an edited one uploads, is stored and shown; a bad cell is listed by its address', async () => {
    await opened('G101-1');
    const href = await page.locator('[data-testid="xlsx-download"]').getAttribute('href');
    expect(href).toBe(`/api/v1/forms/G101-1/template.xlsx?version=1&sourceId=${sourceId}`);
    const file = await page.request.get(`${server.url}${href}`);
    expect(file.status()).toBe(200);
    const edited = async (id: string, value: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await file.body()) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('填报')!;
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) ws.getCell(r, 5).value = value;
      return { name: 'G101-1.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
    };
    const chooser = page.locator('input[type="file"][accept=".xlsx"]');
    const imported = () => page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/v1/submissions/import'));

    let res = imported();
    await chooser.setInputFiles(await edited('contactName', '林小燕'));
    expect((await res).status()).toBe(200);
    await expect.poll(() => input('contactName').inputValue()).toBe('林小燕');
    await expect.poll(() => status().textContent()).toContain('r5');
    expect(await stored()).toMatchObject({ rev: 5, status: 'draft', answers: { contactName: '林小燕', unitName: RENAMED } });

    res = imported();
    await chooser.setInputFiles(await edited('operatingHours', '七千'));
    expect((await res).status()).toBe(400);
    const refusal = page.locator('[data-testid="xlsx-refusal"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/填报!E\d+/);
    expect((await stored()).rev).toBe(5);
    // The upload came in as a draft (explanations kept): submitted again from the page.
    const put = nextPut();
    await page.click('[data-testid="submission-submit"]');
    expect((await put).status()).toBe(200);
    expect(await stored()).toMatchObject({ rev: 6, status: 'submitted', explanations: { [WARNING]: WHY } });
  });

  it("the source's respondent lands on its forms, sees the submitted G101-1, and no other source", async () => {
    const user = await httpCall<{ sourceId: number }>(office, 'POST', '/api/v1/users', {
      username: 'oujiang-resp', displayName: '瓯江印染填报人', password: 'Oujiang2018', role: 'respondent', regionCode: '330382', sourceId,
    }, 201);
    expect(user.sourceId).toBe(sourceId);
    const resp = await httpLogin(server.url, 'oujiang-resp', 'Oujiang2018');
    expect(await httpCall(resp, 'GET', '/api/v1/session')).toMatchObject({ role: 'respondent', sourceId });

    page = await logIn(browser, server.url, 'oujiang-resp', 'Oujiang2018');
    await page.waitForURL((u) => u.pathname === `/console/survey/sources/${sourceId}`);
    await opened('G101-1');
    expect(await status().getAttribute('data-status')).toBe('submitted');
    expect(await status().textContent()).toContain('r6'); // r5 came from Excel, r6 submitted it
    expect(await input('unitName').inputValue()).toBe(RENAMED);
    expect(await page.locator(`[data-testid="sf-explain-${WARNING}"]`).inputValue()).toBe(WHY);

    // 入户调查 in the menu (and /console/survey) opens the respondent's own source.
    await page.goto(`${server.url}/console/survey`);
    await page.waitForURL((u) => u.pathname === `/console/survey/sources/${sourceId}`);
    await opened('G101-1');

    // Another source is out of reach: 404, like a missing one.
    await page.goto(`${server.url}/console/survey/sources/${otherId}`);
    await page.locator('[data-testid="source-survey-missing"]').waitFor();
    expect(await page.locator('[data-testid="survey-form"]').count()).toBe(0);
    expect((await httpCall<{ error: { code: string } }>(resp, 'GET', `/api/v1/sources/${otherId}/survey`, undefined, 404)).error.code).toBe('SURVEY_SOURCE_NOT_FOUND');
  });

  it('a photo uploaded into a file field is stored on the server, linked in the list and saved with the form', async () => {
    await page.goto(`${server.url}/console/survey/sources/${sourceId}?form=G101-1`);
    await opened('G101-1');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('e2e site photo')]);
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/attachments'));
    await field('sitePhotos').locator('input[type="file"]').setInputFiles({ name: '厂区全景.png', mimeType: 'image/png', buffer: png });
    const res = await uploaded;
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const link = field('sitePhotos').locator(`a[href="/api/v1/attachments/${id}"]`);
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.textContent()).toBe('厂区全景.png');

    const put = nextPut();
    await page.click('[data-testid="submission-save"]');
    expect((await put).status()).toBe(200);
    await expect.poll(async () => (await stored()).answers.sitePhotos).toContainEqual({ id, type: 'image/png', name: '厂区全景.png' });
    const file = await fetch(`${server.url}/api/v1/attachments/${id}`, { headers: { cookie: office.cookie } });
    expect([file.status, file.headers.get('content-type'), Buffer.from(await file.arrayBuffer()).equals(png)]).toEqual([200, 'image/png', true]);
  });
});
