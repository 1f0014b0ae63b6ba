// Benchmark: the inventory field app. Seeds 5,000 sources in 城东街道 (乐清市) into
// a fresh database, plans a zone and a package for the demo team over HTTP, then
// 1. in Chromium on a phone-sized screen: downloads the package, and times opening
//    /console/field (package already on the device) until the unit list shows
//    (median of --runs; in-page time from navigation start);
// 2. from Node, as the enumerator: syncs 1,000 records (2 batches of 500) and uploads
//    1,000 photos one by one, as the device does; then replays both and checks that
//    nothing new was stored (the database counted after the server stops).
// Usage: npm run bench:field [-- --units 5000 --records 1000 --runs 7 --photo-kb 200]
//        (DATABASE_URL set → PostgreSQL, a database pucha_bench_field is recreated)
// Needs a built console (npm run build) and Chromium (/usr/bin/chromium).
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql, type RawBuilder } from 'kysely';
import { openDatabase, type Database } from '../src/core/db/index.ts';
import { prepareDatabase } from '../src/server/start.ts';
import { DEMO_PASSWORD, loadDemo } from '../src/domains/demo/index.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startServe } from './lib/serve.ts';
import { emitResult } from './lib/result.ts';

const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const UNITS = arg('--units', 5000);
const RECORDS = Math.min(UNITS, arg('--records', 1000));
const RUNS = arg('--runs', 7);
const PHOTO_KB = arg('--photo-kb', 200);
const TOWNSHIP = '330382001';
const HERE = { latitude: 28.1127, longitude: 120.9673 };
if (!fs.existsSync('web/dist/index.html')) throw new Error('build the console first: npm run build');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
};

// ---- a fresh database with the demo census and UNITS sources in one township ----
const pgUrl = process.env.DATABASE_URL;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-bench-field-'));
const dbUrl = pgUrl ? Object.assign(new URL(pgUrl), { pathname: '/pucha_bench_field' }).toString() : undefined;
if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS pucha_bench_field WITH (FORCE)');
  await admin.query('CREATE DATABASE pucha_bench_field');
  await admin.end();
}
const database: Database = await openDatabase(dbUrl ? { databaseUrl: dbUrl, dataDir: '' } : { dataDir });
await prepareDatabase(database);
await loadDemo(database.db);
const rows = Array.from({ length: UNITS }, (_, i) => ({
  name: `乐清市城东测试企业${String(i + 1).padStart(5, '0')}有限公司`,
  address: `乐清市城东街道测试路${i + 1}号`,
  // Spread over about 4 × 4 km around the town centre, so the list sorts by distance.
  lat: HERE.latitude - 0.02 + ((i * 7919) % 4000) / 100_000,
  lng: HERE.longitude - 0.02 + ((i * 104729) % 4000) / 100_000,
}));
const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
await sql`INSERT INTO sources (region_code, province_code, name, address, legal_rep, lat, lng, industry_code, origin)
  SELECT ${TOWNSHIP}, left(${TOWNSHIP}, 2) || '0000', t.name, t.address, '张三', t.lat, t.lng, 'C3311', 'supplement'
  FROM unnest(${col('name')}::text[], ${col('address')}::text[], ${col('lat')}::float8[], ${col('lng')}::float8[]) AS t(name, address, lat, lng)`.execute(database.db);
const ids = (await sql<{ id: number }>`SELECT id::int AS id FROM sources WHERE name LIKE '乐清市城东测试企业%' ORDER BY id`.execute(database.db)).rows.map((r) => r.id);
await database.close();

// ---- the server, as in production ----
const env = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', PUCHA_DATA_DIR: dataDir, ...(dbUrl ? { DATABASE_URL: dbUrl } : {}) };
const server = await startServe(env);
const base = server.base;

interface Client {
  cookie: string;
  csrf: string;
  call<T>(method: string, url: string, body?: unknown): Promise<T>;
}
async function login(username: string): Promise<Client> {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    async call<T>(method: string, url: string, body?: unknown) {
      const r = await fetch(base + url, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

const office = await login('yueqing');
const zone = await office.call<{ id: number }>('POST', '/api/v1/inventory/zones', { regionCode: TOWNSHIP, name: '测试路社区' });
await office.call('POST', `/api/v1/inventory/zones/${zone.id}/sources`, { sourceIds: ids });
const team = (await office.call<{ items: Array<{ id: number; name: string }> }>('GET', '/api/v1/teams?region=330382')).items.find((x) => x.name === '城东街道普查小组')!;
const pkg = await office.call<{ id: number }>('POST', '/api/v1/inventory/packages', { name: `测试路 ${UNITS} 个对象`, teamId: team.id, zoneId: zone.id });
const health = (await (await fetch(`${base}/healthz`)).json()) as { database: string };

// ---- 1. opening the field app on a phone ----
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, geolocation: HERE, permissions: ['geolocation'] });
const page = await context.newPage();
await page.goto(`${base}/console/login`);
await page.fill('#username', 'yq-enumerator');
await page.fill('#password', DEMO_PASSWORD);
await page.click('[data-testid="login-submit"]');
await page.waitForURL(/\/console\/field/);
const [, tDownload] = await time(async () => {
  await page.click(`[data-testid="package-download-${pkg.id}"]`);
  await page.locator(`[data-testid="package-open-${pkg.id}"]`).waitFor({ timeout: 120_000 });
});
await page.click(`[data-testid="package-open-${pkg.id}"]`);
await page.locator(`[data-testid="unit-list"][data-count="${UNITS}"]`).waitFor({ timeout: 60_000 });

// In-page time from navigation start until the list holds every unit and shows rows.
const listShown = (n: number) => {
  const l = document.querySelector('[data-testid="unit-list"]');
  return l && l.getAttribute('data-count') === String(n) && l.querySelector('.unit-row') ? performance.now() : false;
};
const shellShown = () => (document.querySelector('[data-testid="field-app"]') ? performance.now() : false);
const opens: number[] = [];
const shells: number[] = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto(`${base}/console/field`, { waitUntil: 'commit' });
  const shell = page.waitForFunction(shellShown, undefined, { polling: 'raf', timeout: 30_000 });
  const list = page.waitForFunction(listShown, UNITS, { polling: 'raf', timeout: 30_000 });
  shells.push(Number(await (await shell).jsonValue()));
  opens.push(Number(await (await list).jsonValue()));
}
const rendered = await page.locator('[data-testid="unit-list"] .unit-row').count();
await browser.close();

// ---- 2. sync 1,000 records and 1,000 photos over HTTP, then replay ----
const taker = await login('yq-enumerator');
const [dl, tApiDownload] = await time(() => taker.call<{ cursor: string; units: Array<{ sourceId: number; name: string; record: { version: number } }> }>('GET', `/api/v1/inventory/packages/${pkg.id}/download`));
const chosen = dl.units.slice(0, RECORDS);
const at = new Date().toISOString();
const items = chosen.map((u, i) => ({
  opId: randomUUID(), sourceId: u.sourceId, baseVersion: u.record.version, state: i % 10 === 0 ? 'suspended' : 'normal', submit: true,
  data: { name: u.name, address: `乐清市城东街道测试路${i + 1}号`, contacts: [{ name: '张三', phone: '13800000000' }], lat: rows[i].lat, lng: rows[i].lng, remarks: '基准测试' },
  visit: { at, lat: rows[i].lat, lng: rows[i].lng, accuracy: 8 },
}));
type SyncAnswer = { results: Array<{ ok: boolean; version?: number; code?: string }>; cursor: string };
const syncAll = async () => {
  const answers: SyncAnswer[] = [];
  for (let i = 0; i < items.length; i += 500) answers.push(await taker.call<SyncAnswer>('POST', '/api/v1/inventory/sync', { packageId: pkg.id, cursor: dl.cursor, items: items.slice(i, i + 500) }));
  return answers.flatMap((a) => a.results);
};
const [first, tSync] = await time(syncAll);
const refused = first.filter((r) => !r.ok);
if (refused.length) throw new Error(`sync refused ${refused.length}: ${JSON.stringify(refused[0])}`);

const jpeg = fs.readFileSync('test/fixtures/field-photo.jpg');
// Each photo different (bytes after the JPEG's end are ignored by readers), about PHOTO_KB each.
const photos = chosen.map((u) => ({ id: randomUUID(), sourceId: u.sourceId, bytes: Buffer.concat([jpeg, randomBytes(Math.max(0, PHOTO_KB * 1024 - jpeg.length))]) }));
const upload = async () => {
  const statuses: number[] = [];
  for (const p of photos) {
    const form = new FormData();
    form.append('id', p.id);
    form.append('sourceId', String(p.sourceId));
    form.append('takenAt', at);
    form.append('lat', String(HERE.latitude));
    form.append('lng', String(HERE.longitude));
    form.append('file', new Blob([p.bytes], { type: 'image/jpeg' }), 'photo.jpg');
    const r = await fetch(`${base}/api/v1/inventory/photos`, { method: 'POST', headers: { cookie: taker.cookie, 'x-csrf-token': taker.csrf }, body: form });
    await r.arrayBuffer();
    statuses.push(r.status);
  }
  return statuses;
};
const [up, tPhotos] = await time(upload);
if (up.some((s) => s !== 201)) throw new Error(`photo uploads answered ${[...new Set(up)].join(', ')}`);

const [again, tReplay] = await time(syncAll);
const sameAnswers = again.every((r, i) => r.ok && r.version === first[i].version);
const [upAgain, tPhotosReplay] = await time(upload);

await server.stop();

// ---- counts, from the database itself ----
const check = await openDatabase(dbUrl ? { databaseUrl: dbUrl, dataDir: '' } : { dataDir });
const count = async (q: RawBuilder<{ n: number }>) => (await q.execute(check.db)).rows[0].n;
const counts = {
  visited: await count(sql`SELECT count(*)::int AS n FROM inventory_records WHERE package_id = ${pkg.id} AND status <> 'assigned'`),
  ops: await count(sql`SELECT count(*)::int AS n FROM inventory_ops`),
  photos: await count(sql`SELECT count(*)::int AS n FROM inventory_photos`),
  sources: await count(sql`SELECT count(*)::int AS n FROM sources WHERE name LIKE '乐清市城东测试企业%' OR origin = 'field'`),
};
await check.close();
fs.rmSync(dataDir, { recursive: true, force: true });
if (pgUrl) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS pucha_bench_field WITH (FORCE)');
  await admin.end();
}

const cpu = os.cpus();
console.log(`${new Date().toISOString()} database ${health.database}, ${cpu.length} cores (${cpu[0].model}), Node ${process.version}`);
console.log(`package of ${UNITS} units: download in the browser (fetch + IndexedDB) ${secs(tDownload)}; API download alone ${secs(tApiDownload)}`);
console.log(`open /console/field → list of ${UNITS} shown (${rendered} rows drawn): median ${Math.round(median(opens))} ms, runs ${opens.map(Math.round).join(' / ')} ms (the shell, session read, at ${Math.round(median(shells))} ms)`);
console.log(`sync ${RECORDS} records (${Math.ceil(RECORDS / 500)} batches): ${secs(tSync)} (${Math.round(RECORDS / (tSync / 1000))} records/s)`);
console.log(`upload ${RECORDS} photos of ${PHOTO_KB} KB one by one: ${secs(tPhotos)} (${Math.round(RECORDS / (tPhotos / 1000))} photos/s)`);
console.log(`replay: sync ${secs(tReplay)} (same answers: ${sameAnswers}); photos ${secs(tPhotosReplay)} (answers ${[...new Set(upAgain)].join(', ')})`);
console.log(`database after both: visited records ${counts.visited}, sync ops ${counts.ops}, photos ${counts.photos}, seeded + field sources ${counts.sources}`);
const ok = sameAnswers && upAgain.every((s) => s === 200) && counts.visited === RECORDS && counts.ops === RECORDS && counts.photos === RECORDS && counts.sources === UNITS;
console.log(ok ? 'replay stored nothing new: OK' : 'UNEXPECTED COUNTS');
emitResult('field', { subject: `open /console/field, a ${UNITS}-unit package (${health.database})`, median: median(opens), syncRecordsPerSecond: Math.round(RECORDS / (tSync / 1000)), photosPerSecond: Math.round(RECORDS / (tPhotos / 1000)), replayOk: ok });
process.exit(ok ? 0 : 1);
