// The special surveys end to end in Chromium against a real server process, on both databases
// (issue 9). The county office (`yueqing`) uploads two geotagged drone images and marks a suspect
// on one; the township's census taker (`yq-enumerator`) checks it on a phone with a photo and a
// quick test; the office's reviewer (`yq-reviewer`) verifies it. Then a monitoring body's initial
// measurement above the screening level, entered in the console, flags the enterprise for the
// detailed survey.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { browserAvailable, consolePageAs, launchBrowser } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { withExif } from '../../src/domains/outfalls/exif-write.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;
const TOWNSHIP = '330382001';
const HERE = { latitude: 28.1201, longitude: 120.9918 };

const drone = async (seed: number, lat: number, lng: number) => withExif(
  await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 70 + seed * 20, g: 120, b: 150 } } }).jpeg().toBuffer(),
  { lat, lng, altitudeM: 120, takenAt: new Date(`2019-04-02T02:1${seed}:00Z`), make: 'DJI', model: 'M300 RTK' },
);

run.each(databaseKinds())('outfalls and radioactive mines in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let office: Page;
  let api: HttpSession;
  let reachId = 0;
  let imageId = 0;
  let outfall: { id: number; code: string } = { id: 0, code: '' };
  const stamp = `${kind}${Date.now() % 100000}`;

  beforeAll(async () => {
    server = await startServerProcess(kind);
    api = await httpLogin(server.url, 'yueqing');
    reachId = (await httpCall<{ id: number }>(api, 'POST', '/api/v1/outfalls/reaches', {
      regionCode: TOWNSHIP, name: `乐清湾${stamp}`, waterBody: '乐清湾', waterType: 'sea', path: [[120.985, 28.142], [120.992, 28.121], [121.001, 28.098]],
    }, 201)).id;
    browser = await launchBrowser();
    office = await consolePageAs(browser, server.url, 'yueqing');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads two geotagged drone images and marks a suspect on one', async () => {
    await office.goto(`${server.url}/console/outfalls/imagery?reach=${reachId}`);
    await office.locator('[data-testid="image-upload"]').waitFor({ state: 'attached' });
    await office.setInputFiles('[data-testid="image-upload"]', [
      { name: `DJI_${stamp}_1.JPG`, mimeType: 'image/jpeg', buffer: await drone(1, 28.1203, 120.9921) },
      { name: `DJI_${stamp}_2.JPG`, mimeType: 'image/jpeg', buffer: await drone(2, 28.1105, 120.9962) },
    ]);
    await expect.poll(() => office.locator('[data-testid="image-upload-result"][data-status="done"]').count(), { timeout: 30_000 }).toBe(2);
    expect(await office.locator('[data-testid="image-upload-result"] [data-testid="image-exif"][data-has-position="true"]').count()).toBe(2);
    const images = await httpCall<{ items: Array<{ id: number; fileName: string; position: { lat: number } | null }> }>(api, 'GET', `/api/v1/outfalls/images?reach=${reachId}`);
    expect(images.items.map((i) => i.position?.lat).sort()).toEqual([28.1105, 28.1203]);
    imageId = images.items.find((i) => i.fileName.endsWith('_1.JPG'))!.id;

    await office.goto(`${server.url}/console/outfalls/images/${imageId}`);
    const img = office.locator('[data-testid="image-view-img"]');
    await img.waitFor();
    await expect.poll(async () => (await img.boundingBox())?.width ?? 0).toBeGreaterThan(100);
    const box = (await img.boundingBox())!;
    await office.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.55);
    await office.locator('[data-testid="mark-lat"]').waitFor();
    expect(Number(await office.locator('[data-testid="mark-lat"]').inputValue())).toBeCloseTo(28.1203, 4);
    await office.fill('[data-testid="mark-note"]', '影像可见管口');
    await office.click('[data-testid="mark-save"]');
    await expect.poll(() => office.locator('[data-testid="image-view"]').getAttribute('data-marks'), { timeout: 15_000 }).toBe('1');
    await office.screenshot({ path: `.tmp/e2e-outfalls-image-${kind}.png` });
    const list = await httpCall<{ items: Array<{ id: number; code: string; state: string; imageX: number; regionCode: string }> }>(api, 'GET', `/api/v1/outfalls?image=${imageId}`);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ state: 'suspect', regionCode: TOWNSHIP });
    expect(list.items[0].imageX).toBeCloseTo(0.4, 1);
    outfall = list.items[0];
  });

  it('checks it in the field app on a phone: confirmed, with a photo and a quick test', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, geolocation: HERE, permissions: ['geolocation'], locale: 'zh-CN',
    });
    const phone = await context.newPage();
    await phone.goto(`${server.url}/console/login`);
    await phone.fill('#username', 'yq-enumerator');
    await phone.fill('#password', 'Pucha2018');
    await phone.click('[data-testid="login-submit"]');
    await phone.waitForURL(/\/console\/field/);
    await phone.click('[data-testid="field-tab-outfalls"]');
    const row = phone.locator(`[data-testid="outfall-row"][data-code="${outfall.code}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await phone.locator('[data-testid="outfall-check-form"]').waitFor();
    await phone.click('[data-testid="outfall-verdict-confirmed"]');
    await phone.click('[data-testid="outfall-type"]');
    await phone.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '工业排污口' }).click();
    await phone.fill('[data-testid="outfall-water-body"]', '乐清湾');
    await phone.click('[data-testid="outfall-test-parameter-0"]');
    await phone.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '化学需氧量' }).click();
    await phone.fill('[data-testid="outfall-test-value-0"]', '95');
    await expect.poll(() => phone.locator('[data-testid="outfall-test-flag-0"]').getAttribute('data-abnormal')).toBe('true');
    await phone.setInputFiles('[data-testid="outfall-photo-input"]', { name: 'site.jpg', mimeType: 'image/jpeg', buffer: await drone(3, 28.1201, 120.9918) });
    await phone.locator('[data-testid="outfall-photo"][data-status="sent"]').waitFor({ timeout: 30_000 });
    await phone.screenshot({ path: `.tmp/e2e-outfalls-field-${kind}.png`, fullPage: true });
    await phone.click('[data-testid="outfall-submit"]');
    await phone.locator('[data-testid="outfall-list"]').waitFor({ timeout: 30_000 });
    await context.close();

    const o = await httpCall<{ state: string; type: string; tests: Array<{ parameter: string; value: number; abnormal: boolean }>; photos: unknown[] }>(api, 'GET', `/api/v1/outfalls/${outfall.id}`);
    expect(o).toMatchObject({ state: 'confirmed', type: 'industrial' });
    expect(o.tests).toEqual([{ parameter: 'cod', value: 95, unit: 'mg/L', abnormal: true }]);
    expect(o.photos).toHaveLength(1);
  });

  it('is verified by the experts in the console', async () => {
    const reviewer = await consolePageAs(browser, server.url, 'yq-reviewer');
    await reviewer.goto(`${server.url}/console/outfalls/${outfall.id}`);
    await reviewer.locator('[data-testid="outfall-detail"][data-state="confirmed"]').waitFor({ timeout: 30_000 });
    expect(await reviewer.locator('[data-testid="outfall-test-cod"]').getAttribute('data-abnormal')).toBe('true');
    await reviewer.click('[data-testid="outfall-verify"]');
    await reviewer.fill('[data-testid="outfall-verify-note"]', '专家现场核实为工业排污口');
    await reviewer.click('[data-testid="outfall-verify-submit"]');
    await reviewer.locator('[data-testid="outfall-detail"][data-state="verified"]').waitFor({ timeout: 30_000 });
    await reviewer.screenshot({ path: `.tmp/e2e-outfalls-verified-${kind}.png` });
    const o = await httpCall<{ state: string; history: Array<{ to: string; level: number }> }>(api, 'GET', `/api/v1/outfalls/${outfall.id}`);
    expect(o.history.map((h) => `${h.level}:${h.to}`)).toEqual(['1:suspect', '2:confirmed', '3:verified']);
  });

  it('records an initial measurement above the screening level and flags the enterprise for the detailed survey', async () => {
    const e = await httpCall<{ id: number }>(api, 'POST', '/api/v1/radioactive/enterprises', { regionCode: TOWNSHIP, name: `乐清市锆英砂加工厂${stamp}`, minerals: ['02'] }, 201);
    await office.goto(`${server.url}/console/radioactive/enterprises/${e.id}`);
    await office.locator('[data-testid="radio-enterprise-stage"][data-stage="listed"]').waitFor({ timeout: 30_000 });
    await office.click('[data-testid="radio-new-measurement"]');
    await office.fill('[data-testid="radio-m-body"]', '浙江省辐射环境监测站');
    await office.fill('[data-testid="radio-m-background"]', '90');
    await office.fill('[data-testid="radio-point-0-label"]', '锆英砂堆');
    await office.fill('[data-testid="radio-point-0-dose"]', '120');
    await office.fill('[data-testid="radio-point-0-U-238"]', '1.6');
    await office.locator('[data-testid="radio-preview-verdict"][data-above="true"]').waitFor();
    await office.click('[data-testid="radio-m-save"]');
    await office.locator('[data-testid="radio-enterprise-stage"][data-stage="detailed-required"]').waitFor({ timeout: 30_000 });
    await office.screenshot({ path: `.tmp/e2e-radioactive-${kind}.png`, fullPage: true });
    const whole = await httpCall<{ stage: string; measurements: Array<{ screening: { above: boolean } }> }>(api, 'GET', `/api/v1/radioactive/enterprises/${e.id}`);
    expect(whole.stage).toBe('detailed-required');
    expect(whole.measurements[0].screening.above).toBe(true);
  });
});
