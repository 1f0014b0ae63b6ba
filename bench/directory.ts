// Benchmark: browsing and searching the directory at national scale on the
// PostgreSQL server. Loads N synthetic sources (default 3.6 M, spread over every
// county of China) into a fresh database, then measures through `pucha serve`
// with autocannon: a county office's first page and a deeper keyset page, a
// name search in the county and in the whole nation, a fuzzy search (a name with two
// characters swapped) in both, a credit-code prefix search.
// Usage: DATABASE_URL=postgres://… npm run bench:directory [-- --sources 3600000] [--reuse]
// (--reuse measures the database a previous run loaded, without loading it again)
import os from 'node:os';
import pg from 'pg';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/index.ts';
import { prepareDatabase } from '../src/server/start.ts';
import { loadDemo, DEMO_PASSWORD } from '../src/domains/demo/index.ts';
import { buildRegionRows } from '../src/domains/regions/tree.ts';
import { generateRegisters } from '../src/domains/directory/rules/synthetic.ts';
import { startServe } from './lib/serve.ts';
import { emitResult } from './lib/result.ts';

const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const target = arg('--sources', 3_600_000);
const seconds = arg('--seconds', 5);
if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL server (scripts/start-postgres.sh prints one)');
const dbName = 'pucha_bench_directory';
const url = new URL(process.env.DATABASE_URL);
url.pathname = `/${dbName}`;

const reuse = process.argv.includes('--reuse');
const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
await admin.connect();
if (!reuse) {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
}
await admin.end();

const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
await prepareDatabase(database);
if (!reuse) await loadDemo(database.db);

// One market-regulation row per firm, every county of China, 乐清市 among them.
const counties = buildRegionRows().filter((r) => r.level === 'county').map((r) => r.code);
let t0 = performance.now();
let loaded = 0;
let batch: Array<{ region: string; credit: string | null; name: string; address: string; legal: string; phone: string; industry: string }> = [];
const flush = async () => {
  const col = <K extends keyof (typeof batch)[number]>(k: K) => batch.map((b) => b[k]);
  await sql`INSERT INTO sources (region_code, province_code, credit_code, name, address, legal_rep, phone, industry_code, origin)
    SELECT t.region, left(t.region, 2) || '0000', t.credit, t.name, t.address, t.legal, t.phone, t.industry, 'register'
    FROM unnest(${col('region')}::text[], ${col('credit')}::text[], ${col('name')}::text[], ${col('address')}::text[],
      ${col('legal')}::text[], ${col('phone')}::text[], ${col('industry')}::text[]) AS t(region, credit, name, address, legal, phone, industry)
    ON CONFLICT DO NOTHING`.execute(database.db);
  loaded += batch.length;
  batch = [];
  process.stderr.write(`\rloading sources ${loaded.toLocaleString()} / ${target.toLocaleString()}`);
};
for (const r of reuse ? [] : generateRegisters({ seed: 2017, entities: Math.ceil(target / 0.95), regions: counties, departments: ['samr'] })) {
  batch.push({ region: r.row.region_code, credit: r.row.credit_code || null, name: r.row.name, address: r.row.address, legal: r.row.legal_rep, phone: r.row.phone, industry: r.row.industry_code });
  if (batch.length === 20_000) await flush();
  if (loaded + batch.length >= target) break;
}
if (batch.length) await flush();
if (!reuse) await sql`ANALYZE sources`.execute(database.db);
const count = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM sources`.execute(database.db)).rows[0].n);
const inCounty = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM sources WHERE region_code LIKE '330382%'`.execute(database.db)).rows[0].n);
const sample = (await sql<{ name: string; credit_code: string }>`SELECT name, credit_code FROM sources WHERE region_code LIKE '330382%' AND credit_code IS NOT NULL ORDER BY id LIMIT 1`.execute(database.db)).rows[0];
const tLoad = (performance.now() - t0) / 1000;
await database.close();
process.stderr.write('\n');

const server = await startServe({ DATABASE_URL: url.toString() });
const base = server.base;
const cookieOf = async (username: string) =>
  (await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })).headers.get('set-cookie')!.split(';')[0];
const county = await cookieOf('yueqing');
const nation = await cookieOf('nation');
const page2 = await (await fetch(`${base}/api/v1/sources?limit=50`, { headers: { cookie: county } })).json();

// One user alone (1 connection: the latency an office sees) and ten at once (throughput).
const figures: Array<{ name: string; connections: number; rps: number; p50: number; p95: number; p99: number }> = [];
async function measure(name: string, path: string, cookie: string) {
  for (const connections of [1, 10]) {
    const times: number[] = []; // every answer's time, for p95 (autocannon reports p97.5)
    const r = await autocannon({ url: base, connections, duration: seconds, requests: [{ method: 'GET', path, headers: { cookie } }], setupClient: (c) => c.on('response', (_s: number, _b: number, ms: number) => times.push(ms)) });
    times.sort((a, b) => a - b);
    const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? NaN;
    figures.push({ name, connections, rps: Math.round(r.requests.average), p50: r.latency.p50, p95, p99: r.latency.p99 });
    console.log(`${name.padEnd(44)} c=${String(connections).padEnd(2)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${r.latency.p50} ms  p95 ${p95.toFixed(1)} ms  p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx + r.errors}`);
  }
}

const term = sample.name.replace(/^乐清市/, '').slice(0, 2);
console.log(`${new Date().toISOString()} PostgreSQL, ${os.cpus().length} cores; ${count.toLocaleString()} sources (${inCounty.toLocaleString()} in 乐清市) loaded and analysed in ${tLoad.toFixed(0)} s`);
await measure('county office, first page of 50', '/api/v1/sources?limit=50', county);
if (page2.nextCursor) await measure('county office, next page (keyset)', `/api/v1/sources?limit=50&cursor=${page2.nextCursor}`, county);
await measure(`county office, name search "${term}"`, `/api/v1/sources?limit=50&q=${encodeURIComponent(term)}`, county);
await measure(`national office, name search "${term}电气"`, `/api/v1/sources?limit=50&q=${encodeURIComponent(term + '电气')}`, nation);
// A whole name with two middle characters swapped: not found exactly, so ranked by similarity (fuzzy=1).
const swapped = Array.from(sample.name);
const mid = Math.floor(swapped.length / 2);
[swapped[mid - 1], swapped[mid]] = [swapped[mid], swapped[mid - 1]];
await measure(`county office, fuzzy "${swapped.join('')}"`, `/api/v1/sources?limit=20&fuzzy=1&q=${encodeURIComponent(swapped.join(''))}`, county);
await measure('national office, the same fuzzy search', `/api/v1/sources?limit=20&fuzzy=1&q=${encodeURIComponent(swapped.join(''))}`, nation);
await measure('national office, credit-code prefix (16)', `/api/v1/sources?limit=50&q=${sample.credit_code.slice(0, 16)}`, nation);
await measure('national office, first page of 50', '/api/v1/sources?limit=50', nation);
await server.stop();
const head = figures[0]; // the goal's line: one county page, one user
emitResult('directory', { subject: `${head.name}, 1 connection, ${count.toLocaleString()} sources`, median: head.p50, p95: head.p95, rate: head.rps, rateUnit: 'req/s', sources: count, lines: figures });
