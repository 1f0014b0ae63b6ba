// Benchmark: emission totals at national scale on the PostgreSQL server. Copies the 3.6 M-source
// database of `npm run bench:directory` to pucha_bench_rollup (CREATE DATABASE … TEMPLATE; the
// original is never written), migrates it, then:
//  1. seeds 1–4 synthetic emission figures for every active source and builds the rollups from
//     them once with GROUP BY (bench/rollup-seed.ts), timed;
//  2. against a real `pucha serve`, as `nation`: GET /accounting/totals for the nation, the
//     largest province and its largest city, --requests each one at a time (p50/p95/p99), beside
//     a plain GROUP BY over the emissions for the nation and that province (the issue's reference);
//  3. approval latency: 10 G106-2 forms waiting at 乐清市's county office, each approved over HTTP
//     as `yq-reviewer` while the county's totals are polled every 20 ms until COD's approved figure moves;
//  4. recompute rate: --recompute new sources with G106-1/G106-2 forms marked, settled in this
//     process by settleDirty (the worker's chore) → sources/s, figures/s, peak RSS; extrapolated;
// then checks that the nation's rollups (each of the four cuts) still equal the sum of the figures, and drops the database.
// Usage: DATABASE_URL=postgres://… npm run bench:rollup [-- --requests 200] [--recompute 2000] [--keep] [--reuse]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/core/db/index.ts';
import { prepareDatabase } from '../src/server/start.ts';
import { DEMO_PASSWORD } from '../src/domains/demo/index.ts';
import { settleDirty } from '../src/domains/accounting/emissions/index.ts';
import { seedEmissions, seedRecompute, seedRollups, seedWaiting } from './rollup-seed.ts';
import { startServe } from './lib/serve.ts';
import { emitResult } from './lib/result.ts';

const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const REQUESTS = arg('--requests', 200);
const RECOMPUTE = arg('--recompute', 2000);
const APPROVALS = 10;
const NAME = 'pucha_bench_rollup';
if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to the PostgreSQL server holding pucha_bench_directory');
const url = Object.assign(new URL(process.env.DATABASE_URL), { pathname: `/${NAME}` }).toString();
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

async function admin(query: string) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await c.query(query);
  } finally {
    await c.end();
  }
}

console.log(`${new Date().toISOString()} ${os.cpus().length} cores (${os.cpus()[0].model}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}; load average ${load()}`);
// --reuse: a database a run left with --keep (or seeded alone) is measured again, not copied and seeded.
const reuse = process.argv.includes('--reuse');
if (!reuse) await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
const [, copyMs] = await timed(async () => {
  if (reuse) return;
  // The template must have no other session: retry while a bench or psql is connected to it.
  for (let i = 0; ; i++) {
    try {
      return await admin(`CREATE DATABASE ${NAME} TEMPLATE pucha_bench_directory`);
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || i >= 60) throw e;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
});
const d = await openDatabase({ databaseUrl: url, dataDir: '' });
const db: Db = d.db;
await prepareDatabase(d);
const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows[0];
const sources = (await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM sources WHERE state = 'active' AND name NOT LIKE '核算压测企业%'`)).n;
if (sources < 100_000) throw new Error(`only ${sources} sources: run npm run bench:directory first`);
console.log(reuse ? `reusing ${NAME} (${sources.toLocaleString()} active sources)` : `copied pucha_bench_directory (${sources.toLocaleString()} active sources) in ${secs(copyMs)} and migrated`);

// 1. Seed.
if (!reuse) {
  const [, emMs] = await timed(() => seedEmissions(db));
  const [, ruMs] = await timed(() => seedRollups(db));
  const [, anMs] = await timed(async () => {
    await sql`ANALYZE emissions`.execute(db);
    await sql`ANALYZE emission_rollups`.execute(db);
  });
  const counts = await one(sql<{ f: number; r: number; a: number }>`SELECT (SELECT count(*) FROM emissions)::int AS f, (SELECT count(*) FROM emission_rollups)::int AS r,
    (SELECT count(*) FROM emissions WHERE approved)::int AS a`);
  console.log(`seeded ${counts.f.toLocaleString()} figures (${((counts.a / counts.f) * 100).toFixed(0)} % approved) in ${secs(emMs)} (${Math.round(counts.f / (emMs / 1000)).toLocaleString()} rows/s); ` +
    `${counts.r.toLocaleString()} rollup rows at every level in ${secs(ruMs)}; ANALYZE ${secs(anMs)}`);
}
// Ranked by the all-categories × all-divisions rows: each figure counts once there (and four times over all rows).
const province = (await one(sql<{ k: string }>`SELECT region_code AS k FROM emission_rollups WHERE region_code LIKE '__0000' AND region_code <> '100000'
  AND category = '*' AND industry_div = '*' GROUP BY 1 ORDER BY sum(figures) DESC LIMIT 1`)).k;
const city = (await one(sql<{ k: string }>`SELECT region_code AS k FROM emission_rollups WHERE region_code LIKE ${province.slice(0, 2) + '__00'} AND region_code <> ${province}
  AND category = '*' AND industry_div = '*' GROUP BY 1 ORDER BY sum(figures) DESC LIMIT 1`)).k;

// The issue's reference: a plain GROUP BY over the figures, nation and one province, timed once each.
const plain = (prefix: string) => sql`SELECT pollutant, approved, sum(generated), sum(emitted), count(*) FROM emissions
  WHERE region_code LIKE ${prefix + '%'} GROUP BY 1, 2`.execute(db);
const [, plainNation] = await timed(() => plain(''));
const [, plainProvince] = await timed(() => plain(province.slice(0, 2)));
console.log(`plain GROUP BY over the figures: nation ${plainNation.toFixed(0)} ms, province ${province} ${plainProvince.toFixed(0)} ms`);

// 3's data: 乐清市's synthetic sources get a G106-2 waiting at the county, settled at start-up.
const waiting = (await sql<{ id: number }>`SELECT id FROM sources WHERE region_code = '330382' AND state = 'active' ORDER BY id LIMIT ${APPROVALS}`.execute(db)).rows.map((r) => Number(r.id));
await seedWaiting(db, waiting);

// 2. Totals over HTTP.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-bench-rollup-'));
const server = await startServe({ DATABASE_URL: url, PUCHA_DATA_DIR: dataDir });
const base = server.base;
async function login(username: string) {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return async <T>(method: string, u: string, body?: unknown): Promise<T> => {
    const r = await fetch(base + u, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!r.ok) throw new Error(`${method} ${u}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}
interface Item { key: string; pollutant: string; approved: { emitted: number }; review: { emitted: number }; figures: number }
interface Totals { region: { name: string }; pollutants: Item[]; byCategory: Item[]; byIndustry: Item[]; children: Item[] }
const nation = await login('nation');
console.log(`totals over HTTP as nation, ${REQUESTS} requests each one at a time (after 5 unmeasured); load average ${load()}`);
const rows: Array<{ label: string; p50: number; p95: number; p99: number; max: number }> = [];
for (const region of ['100000', province, city]) {
  const times: number[] = [];
  let first: Totals | undefined;
  for (let i = 0; i < REQUESTS + 5; i++) {
    const [body, ms] = await timed(() => nation<Totals>('GET', `/api/v1/accounting/totals?region=${region}`));
    first ??= body;
    if (i >= 5) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const row = { label: `${region} ${first!.region.name}`, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: times[times.length - 1] };
  rows.push(row);
  const f = first!;
  console.log(`  ${row.label.padEnd(16)} p50 ${row.p50.toFixed(1).padStart(5)} ms  p95 ${row.p95.toFixed(1).padStart(5)} ms  p99 ${row.p99.toFixed(1).padStart(5)} ms  max ${row.max.toFixed(0).padStart(4)} ms  ` +
    `(${f.pollutants.length} pollutants, ${f.byCategory.length} category, ${f.byIndustry.length} industry, ${f.children.length} child items; ` +
    `${f.pollutants.reduce((n, p) => n + p.figures, 0).toLocaleString()} figures)`);
}

// 3. Approval latency: the county's COD approved figure, polled every 20 ms after the POST.
const reviewer = await login('yq-reviewer');
const county = await login('yueqing');
const codApproved = async () => (await county<Totals>('GET', '/api/v1/accounting/totals?region=330382')).pollutants.find((p) => p.pollutant === 'COD')?.approved.emitted ?? 0;
for (const id of waiting) {
  for (let i = 0; (await nation<{ pending: boolean }>('GET', `/api/v1/sources/${id}/emissions`)).pending; i++) {
    if (i > 500) throw new Error(`source ${id} was not settled`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const subs = (await sql<{ id: string; source_id: number }>`SELECT id, source_id FROM submissions WHERE form = 'G106-2' AND source_id IN (${sql.join(waiting)}) ORDER BY source_id`.execute(db)).rows;
const lat: Array<{ fromPost: number; fromAnswer: number; polls: number; moved: number }> = [];
for (const s of subs) {
  const before = await codApproved();
  const t0 = performance.now();
  await reviewer('POST', `/api/v1/submissions/${s.id}/review`, { action: 'approve', reviewVersion: 1 });
  const tAnswer = performance.now();
  let polls = 0;
  let now = before;
  while (now === before) {
    if (performance.now() - t0 > 30_000) throw new Error(`approval of ${s.id} not in the totals after 30 s`);
    await new Promise((r) => setTimeout(r, 20));
    now = await codApproved();
    polls++;
  }
  const t = performance.now();
  lat.push({ fromPost: t - t0, fromAnswer: t - tAnswer, polls, moved: Number((now - before).toPrecision(6)) });
}
const fp = lat.map((l) => l.fromPost).sort((a, b) => a - b);
console.log(`approval → 乐清市's COD approved total, ${lat.length} approvals (POST sent until a poll shows the change): p50 ${pct(fp, 50).toFixed(0)} ms, max ${fp[fp.length - 1].toFixed(0)} ms; ` +
  `after the POST's answer p50 ${pct(lat.map((l) => l.fromAnswer).sort((a, b) => a - b), 50).toFixed(0)} ms; COD moved by ${lat.map((l) => l.moved).join(', ')} t`);
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });

// 4. Recompute rate, in this process, as the worker's chore runs it (100 sources a pass).
const [marked, seedRecMs] = await timed(() => seedRecompute(db, RECOMPUTE, province));
await sql`ANALYZE sources`.execute(db);
await sql`ANALYZE submissions`.execute(db);
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 10);
let settled = 0;
const [, settleMs] = await timed(async () => {
  for (let n; (n = await settleDirty(db)) > 0;) settled += n;
});
clearInterval(sampler);
const figs = (await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM emissions e JOIN sources s ON s.id = e.source_id WHERE s.name LIKE '核算压测企业%'`)).n;
const hwm = fs.readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+)/)?.[1];
const perSec = settled / (settleMs / 1000);
console.log(`recompute: ${marked} sources with G106-1/G106-2 seeded and marked in ${secs(seedRecMs)}; settled ${settled} in ${secs(settleMs)}: ` +
  `${perSec.toFixed(0)} sources/s, ${(figs / (settleMs / 1000)).toFixed(0)} figures/s (${figs} figures); RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, ` +
  `peak ${(rssPeak / 2 ** 20).toFixed(0)} MB (VmHWM of the whole bench process ${(Number(hwm) / 1024).toFixed(0)} MB)`);
console.log(`  extrapolated (not measured): ${sources.toLocaleString()} sources at that rate ≈ ${(sources / perSec / 3600).toFixed(1)} h in one worker`);

// The deltas kept the nation's totals equal to the figures (seeded, settled and approved ones alike).
// Each cut on its own — the detail, by category ('*' divisions), by division ('*' categories) and
// '*' × '*' — since every figure counts once in each: summed over all rows it would count four times.
const diffs = (await sql<{ cut: string; n: number }>`WITH r AS (
    SELECT CASE WHEN category = '*' AND industry_div = '*' THEN 'all' WHEN industry_div = '*' THEN 'by category' WHEN category = '*' THEN 'by division' ELSE 'detail' END AS cut,
      pollutant, approved, sum(emitted) AS r, sum(figures) AS f FROM emission_rollups WHERE region_code = '100000' GROUP BY 1, 2, 3),
  e AS (SELECT c.cut, x.* FROM (VALUES ('all'), ('by category'), ('by division'), ('detail')) c(cut)
    CROSS JOIN (SELECT pollutant, approved, sum(emitted) AS e, count(*) AS f FROM emissions GROUP BY 1, 2) x)
  SELECT cut, count(*) FILTER (WHERE r.f IS DISTINCT FROM e.f OR abs(coalesce(r.r, 0) - coalesce(e.e, 0)) > 1e-6 * greatest(1, abs(coalesce(e.e, 0))))::int AS n
  FROM r FULL JOIN e USING (cut, pollutant, approved) GROUP BY 1 ORDER BY 1`.execute(db)).rows;
const bad = diffs.filter((x) => x.n !== 0);
console.log(`nation's rollups against the sum of the figures, each cut (${diffs.map((x) => x.cut).join(', ')}): ${bad.length === 0 && diffs.length === 4 ? 'equal' : bad.map((x) => `${x.cut}: ${x.n} (pollutant, approved) rows differ`).join('; ') || `only ${diffs.length} cuts`}`);
if (bad.length !== 0 || diffs.length !== 4) process.exitCode = 1;
await d.close();
if (!process.argv.includes('--keep')) await admin(`DROP DATABASE ${NAME} WITH (FORCE)`);
emitResult('rollup', { subject: `GET /accounting/totals, the nation, one at a time, ${sources.toLocaleString()} sources`, median: rows[0].p50, p95: rows[0].p95, plainGroupByNationMs: plainNation, approvalToTotalsP50Ms: pct(fp, 50), recomputeSourcesPerSecond: perSec, rows });
