// The inventory console in Chromium against a real server process. Set up over the
// API: 乐清市's office supplements four sources, makes a census zone in 城东街道, puts
// them in it and gives the zone to 城东街道普查小组; the enumerator submits a state for
// each. Then in the browser: the statistics department disagrees on one record and
// agrees on the rest; the office drills down to the zone, finds the counts and colours
// the API reports (one disputed), opens the disputed record and settles it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, consolePageAs } from '../helpers/browser.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { httpCall, httpLogin, type HttpSession } from '../helpers/http-session.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = browserAvailable() || required ? describe : describe.skip;

const TOWNSHIP = '330382001';
const INV = '/api/v1/inventory';
/** The four sources and the state the enumerator finds each in. */
const UNITS = [
  { name: '乐清市清查甲电器厂', address: '城东街道清查路1号', state: 'normal' },
  { name: '乐清市清查乙五金厂', address: '城东街道清查路2号', state: 'suspended' },
  { name: '乐清市清查丙塑料厂', address: '城东街道清查路3号', state: 'closed' },
  { name: '乐清市清查丁印染厂', address: '城东街道清查路4号', state: 'deleted', stateReason: 'duplicate' },
] as const;

interface Row {
  code: string | null;
  sources: number;
  visited: number;
  byState: Record<string, number>;
  confirmed: number;
  disputed: number;
}
interface ProgressBody {
  total: Row;
  rows: Row[];
}
interface StateBody {
  code: string;
  colour: string;
}

/** #389e0d → rgb(56, 158, 13), as the browser reports a computed colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

run.each(databaseKinds())('inventory console in Chromium on %s', (kind) => {
  let server: ServerProcess;
  let browser: Browser;
  let office: HttpSession;
  const ids: number[] = [];
  let zoneCode = '';
  let zoneId = 0;
  let states: StateBody[] = [];

  const pageAs = (username: string): Promise<Page> => consolePageAs(browser, server.url, username, { width: 1600, height: 900 });
  const progress = (region: string) => httpCall<ProgressBody>(office, 'GET', `${INV}/progress?region=${region}`);

  beforeAll(async () => {
    server = await startServerProcess(kind);
    browser = await launchBrowser();
    office = await httpLogin(server.url, 'yueqing');
    for (const u of UNITS) {
      const s = await httpCall<{ id: number }>(office, 'POST', '/api/v1/sources', { regionCode: '330382', name: u.name, address: u.address });
      ids.push(s.id);
    }
    const zone = await httpCall<{ id: number; code: string }>(office, 'POST', `${INV}/zones`, { regionCode: TOWNSHIP, name: '清查路小区', keywords: ['清查路'] });
    zoneCode = zone.code;
    zoneId = zone.id;
    expect(zoneCode).toMatch(new RegExp(`^${TOWNSHIP}[0-9]{7}$`)); // the township's 12-digit code and a 4-digit number
    expect(await httpCall(office, 'POST', `${INV}/zones/${zone.id}/sources`, { sourceIds: ids })).toEqual({ assigned: 4 });
    const teams = await httpCall<{ items: { id: number; name: string }[] }>(office, 'GET', '/api/v1/teams?region=330382&limit=100');
    const team = teams.items.find((x) => x.name === '城东街道普查小组')!;
    const pkg = await httpCall<{ id: number; sources: number }>(office, 'POST', `${INV}/packages`, { name: '清查路工作包', teamId: team.id, zoneId: zone.id });
    expect(pkg.sources).toBe(4);

    const enumerator = await httpLogin(server.url, 'yq-enumerator');
    const download = await httpCall<{ units: { sourceId: number; record: { version: number } }[] }>(enumerator, 'GET', `${INV}/packages/${pkg.id}/download`);
    const version = new Map(download.units.map((u) => [u.sourceId, u.record.version]));
    const items = UNITS.map((u, i) => ({
      opId: randomUUID(),
      sourceId: ids[i],
      baseVersion: version.get(ids[i]) ?? null,
      state: u.state,
      ...('stateReason' in u ? { stateReason: u.stateReason } : {}),
      submit: true,
      data: { name: u.name, address: u.address, contacts: [{ name: '王经理', phone: '13800000000' }] },
      visit: { at: new Date().toISOString(), lat: 28.1209, lng: 120.9832 },
    }));
    const sync = await httpCall<{ results: { ok: boolean; status?: string }[] }>(enumerator, 'POST', `${INV}/sync`, { packageId: pkg.id, items });
    expect(sync.results.map((r) => [r.ok, r.status])).toEqual(UNITS.map(() => [true, 'submitted']));
    states = await httpCall<StateBody[]>(office, 'GET', `${INV}/states`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the statistics department disagrees on one record and agrees on the others', async () => {
    const before = (await progress(TOWNSHIP)).rows.find((r) => r.code === zoneCode)!;
    expect(before).toMatchObject({ sources: 4, visited: 4, disputed: 0, confirmed: 0 });

    const page = await pageAs('yq-stats');
    await page.click('[data-testid="nav-inventory-group"]');
    await page.click('[data-testid="nav-inventory-review"]');
    await page.waitForURL(/\/inventory\/review/);
    for (const id of ids) await page.locator(`[data-testid="record-row-${id}"]`).waitFor({ timeout: 15_000 });
    // Rows wear their state: the suspended one is marked in the suspended colour.
    const suspended = states.find((s) => s.code === 'suspended')!.colour;
    expect(await page.locator(`[data-testid="record-row-${ids[1]}"]`).getAttribute('data-state')).toBe('suspended');
    expect(await page.locator(`[data-testid="record-row-${ids[1]}"] [data-testid="state-tag"]`).getAttribute('data-colour')).toBe(suspended);

    await page.click(`[data-testid="review-disagree-${ids[1]}"]`);
    await page.fill('[data-testid="verdict-reason"]', '该厂已于 2017 年底迁出城东街道');
    await page.click('[data-testid="verdict-reason-confirm"]');
    await expect.poll(() => page.locator('[data-testid="verdict-disputed"]').textContent(), { timeout: 15_000 }).toBe('1');
    expect(await page.locator('[data-testid="verdict-updated"]').textContent()).toBe('1');
    await page.locator(`[data-testid="record-row-${ids[1]}"]`).waitFor({ state: 'detached', timeout: 15_000 });

    await page.locator('[data-testid="review-select-all"]').check();
    expect(await page.locator('[data-testid="review-selected"]').textContent()).toContain('3');
    await page.click('[data-testid="review-bulk-agree"]');
    await expect.poll(() => page.locator('[data-testid="verdict-updated"]').textContent(), { timeout: 15_000 }).toBe('3');
    expect(await page.locator('[data-testid="verdict-disputed"]').textContent()).toBe('0');
    await expect.poll(() => page.locator('[data-testid^="record-row-"]').count(), { timeout: 15_000 }).toBe(0);
    await page.screenshot({ path: `.tmp/e2e-inventory-review-${kind}.png` });

    const list = await httpCall<{ items: { sourceId: number; confirmation: string; verdicts: { department: string; verdict: string; reason: string | null }[] }[] }>(office, 'GET', `${INV}/records?zone=${zoneId}&limit=50`);
    const of = new Map(list.items.map((r) => [r.sourceId, r]));
    expect(of.get(ids[1])).toMatchObject({ confirmation: 'disputed', verdicts: [expect.objectContaining({ department: 'stats', verdict: 'disagree', reason: '该厂已于 2017 年底迁出城东街道' })] });
    for (const id of [ids[0], ids[2], ids[3]]) expect(of.get(id)!.verdicts).toEqual([expect.objectContaining({ department: 'stats', verdict: 'agree' })]);
    await page.context().close();
  });

  it('the office drills down to the zone, sees the counts in their colours, and settles the disputed record', async () => {
    const page = await pageAs('yueqing');
    await page.click('[data-testid="nav-inventory-group"]');
    await page.click('[data-testid="nav-inventory"]');
    await page.locator('[data-testid="progress-region"][data-code="330382"]').waitFor({ timeout: 15_000 });

    // County level: the township's row says what the API says.
    const county = await progress('330382');
    const townRow = county.rows.find((r) => r.code === TOWNSHIP)!;
    expect(townRow).toMatchObject({ sources: 4, visited: 4, disputed: 1 });
    const town = page.locator(`[data-testid="progress-row-${TOWNSHIP}"]`);
    await expectCells(town, townRow);

    await town.click();
    await page.locator(`[data-testid="progress-region"][data-code="${TOWNSHIP}"]`).waitFor({ timeout: 15_000 });
    expect(await page.locator(`[data-testid="progress-crumb-330382"]`).textContent()).toBe('乐清市');
    const zoneRow = (await progress(TOWNSHIP)).rows.find((r) => r.code === zoneCode)!;
    expect(zoneRow).toMatchObject({ sources: 4, visited: 4, disputed: 1, byState: { normal: 1, suspended: 1, closed: 1, deleted: 1 } });
    const zone = page.locator(`[data-testid="progress-row-${zoneCode}"]`);
    await expectCells(zone, zoneRow);
    // Each state's count is written in that state's colour, and the bar has one segment per state.
    for (const s of states.filter((x) => zoneRow.byState[x.code])) {
      const cell = zone.locator(`[data-testid="cell-state-${s.code}"]`);
      expect(await cell.evaluate((el) => getComputedStyle(el).color)).toBe(rgb(s.colour));
      const part = zone.locator(`[data-testid="state-bar"] [data-state="${s.code}"]`);
      expect(await part.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(s.colour));
    }
    await page.screenshot({ path: `.tmp/e2e-inventory-progress-${kind}.png` });

    // The zone opens as its records; the disputed one is settled as closed.
    await zone.click();
    await page.waitForURL(new RegExp(`/inventory/records\\?zone=${zoneCode}`));
    const disputed = page.locator(`[data-testid="record-row-${ids[1]}"]`);
    await disputed.waitFor({ timeout: 15_000 });
    expect(await disputed.getAttribute('data-confirmation')).toBe('disputed');
    await disputed.click();
    const detail = page.locator('[data-testid="record-detail"]');
    await detail.waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="record-verdicts"] [data-testid="verdict-stats"]').getAttribute('data-verdict')).toBe('disagree');
    await page.click('[data-testid="record-settle"]');
    await page.locator('[data-testid="settle-state-closed"]').click();
    await page.fill('[data-testid="settle-note"]', '经核实该厂已关闭');
    await page.click('[data-testid="record-settle-confirm"]');
    await expect.poll(() => detail.getAttribute('data-confirmation'), { timeout: 15_000 }).toBe('settled');
    expect(await detail.getAttribute('data-state')).toBe('closed');
    const record = await httpCall<{ confirmation: string; state: string }>(office, 'GET', `${INV}/records/${ids[1]}`);
    expect(record).toMatchObject({ confirmation: 'settled', state: 'closed' });

    // Back on the progress page the dispute is gone and the closed count went up.
    await page.goto(`${server.url}/console/inventory?region=${TOWNSHIP}`);
    const after = (await progress(TOWNSHIP)).rows.find((r) => r.code === zoneCode)!;
    expect(after).toMatchObject({ disputed: 0, byState: { normal: 1, closed: 2, deleted: 1 } });
    await expectCells(page.locator(`[data-testid="progress-row-${zoneCode}"]`), after);
    await page.context().close();
  });

  it('the national office lets a pilot county start its survey early', async () => {
    const page = await pageAs('nation');
    await page.goto(`${server.url}/console/inventory`);
    await page.locator('[data-testid="pilot-330382"]').waitFor({ timeout: 15_000 });
    await page.click('[data-testid="pilot-dates-330382"]');
    const inputs = page.locator('.ant-modal .ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill('2018-06-01');
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill('2018-11-10');
    await inputs.nth(1).press('Enter');
    await page.click('[data-testid="pilot-dates-save"]');
    await expect.poll(() => page.locator('[data-testid="pilot-330382"] [data-testid="pilot-survey"]').textContent(), { timeout: 15_000 }).toContain('2018-06-01 ~ 2018-11-10');
    const pilots = await httpCall<Array<{ code: string; surveyStartsOn: string }>>(office, 'GET', `${INV}/pilots`);
    expect(pilots.find((p) => p.code === '330382')?.surveyStartsOn).toBe('2018-06-01');
    await page.context().close();
  });

  /** The numbers a progress row shows are the API's numbers. */
  async function expectCells(row: ReturnType<Page['locator']>, api: Row) {
    await row.waitFor({ timeout: 15_000 });
    const text = (id: string) => row.locator(`[data-testid="${id}"]`).textContent();
    await expect.poll(() => text('cell-disputed'), { timeout: 15_000 }).toBe(String(api.disputed));
    expect(await text('cell-sources')).toBe(String(api.sources));
    expect(await text('cell-visited')).toBe(String(api.visited));
    expect(await text('cell-confirmed')).toBe(String(api.confirmed));
    for (const s of states) expect(await text(`cell-state-${s.code}`)).toBe(String(api.byState[s.code] ?? 0));
  }
});
