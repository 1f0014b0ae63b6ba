// Benchmark: the national submissions export (issue 11) through a real `pucha serve` process over
// HTTP, as the national office downloads it: the whole table as CSV, then as XLSX; rows, seconds,
// rows/s, bytes, and the server's resident memory sampled every 250 ms (VmRSS), before and at its
// peak, to show it stays flat; and the server's CPU seconds, whose rows per CPU second do not
// depend on what else the machine runs. Goal: ≥ 50,000 rows/s in both formats.
// Usage: DATABASE_URL=postgres://… npm run bench:export [-- --scale 0.1]
//   The database must hold the national synthetic census with its survey forms
//   (`pucha demo --national`); with --scale, an empty database is loaded at that scale first.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/index.ts';
import { prepareDatabase } from '../src/server/start.ts';
import { loadDemo } from '../src/domains/demo/index.ts';
import { hashPassword } from '../src/domains/access/index.ts';
import { DEMO_PASSWORD } from '../src/domains/demo/demo-data.ts';
import { CsvRowCounter } from '../src/cli/export-commands.ts';
import { XLSX_ROWS_NOTE } from '../src/domains/survey/export/export.ts';
import { cpuSeconds, startServe } from './lib/serve.ts';
import { emitResult } from './lib/result.ts';

if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL server (scripts/start-postgres.sh prints one)');
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const scale = arg('--scale') ? Number(arg('--scale')) : undefined;

const d = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
await prepareDatabase(d);
const count = async (q: ReturnType<typeof sql<{ n: number }>>) => (await q.execute(d.db)).rows[0].n;
let submissions = await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions`);
if (submissions < 1000 && scale === undefined) {
  console.log(`the database holds ${submissions} submissions: load the national synthetic census first (npx pucha demo --national), or pass --scale S to load one into an empty database`);
  await d.close();
  process.exit(0);
}
if ((await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM users WHERE username = 'nation'`)) === 0) {
  // A national census loaded into a bare database has no accounts: the national office's is enough here.
  if (submissions < 1000) await loadDemo(d.db);
  else await sql`INSERT INTO users (username, display_name, password_hash, role, region_code)
    VALUES ('nation', 'nation', ${await hashPassword(DEMO_PASSWORD)}, 'national-office', '100000')`.execute(d.db);
}
await d.close();

const machine = `${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}`;
const server = await startServe({ DATABASE_URL: process.env.DATABASE_URL });
try {
  const login = await fetch(`${server.base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nation', password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const csrf = (await login.json()).csrfToken as string | undefined;

  if (submissions < 1000) {
    const t = Date.now();
    const r = await fetch(`${server.base}/api/v1/demo/national`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) }, body: JSON.stringify({ scale }) });
    if (r.status !== 202) throw new Error(`national load: ${r.status} ${await r.text()}`);
    const { job } = await r.json();
    for (;;) {
      const j = await (await fetch(`${server.base}/api/v1/jobs/${job.id}`, { headers: { cookie } })).json();
      if (j.status === 'succeeded') break;
      if (j.status === 'failed' || j.status === 'cancelled') throw new Error(`national load ${j.status}: ${JSON.stringify(j.error ?? j)}`);
      await new Promise((res) => setTimeout(res, 1000));
    }
    const d2 = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
    submissions = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM submissions`.execute(d2.db)).rows[0].n;
    await sql`ANALYZE submissions`.execute(d2.db);
    await d2.close();
    console.log(`loaded the national synthetic census at scale ${scale}: ${submissions} submissions in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }

  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024; // MiB
  console.log(`${new Date().toISOString()} ${machine}; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${submissions} submissions`);
  const results: Record<string, { rows: number; seconds: number; rowsPerSecond: number; bytes: number; rssBeforeMiB: number; rssPeakMiB: number; rssPeakFirstHalfMiB: number; rssPeakSecondHalfMiB: number; serverCpuSeconds: number; rowsPerServerCpuSecond: number }> = {};
  for (const format of ['csv', 'xlsx'] as const) {
    const before = rss();
    let peak = before;
    const samples: [number, number][] = []; // [ms, MiB]: flat memory means the second half peaks no higher than the first
    const sampler = setInterval(() => { const m = rss(); samples.push([performance.now(), m]); peak = Math.max(peak, m); }, 250);
    const t = performance.now();
    const cpu0 = cpuSeconds(server.pid);
    // node:http rather than fetch: web streams cost the client more CPU than the server spends
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(`${server.base}/api/v1/submissions/export.${format}`, { headers: { cookie } }, resolve).on('error', reject));
    if (res.statusCode !== 200) throw new Error(`${format}: ${res.statusCode}`);
    const counter = new CsvRowCounter();
    let bytes = 0;
    let tail = Buffer.alloc(0);
    await pipeline(res, counter, new Writable({
      write(chunk: Buffer, _enc, done) { bytes += chunk.length; tail = Buffer.concat([tail, chunk]).subarray(-256); done(); },
    }));
    const seconds = (performance.now() - t) / 1000;
    const cpu = cpuSeconds(server.pid) - cpu0;
    clearInterval(sampler);
    const mid = t + (performance.now() - t) / 2;
    const half = (first: boolean) => Math.round(Math.max(before, ...samples.filter(([ms]) => (ms < mid) === first).map(([, m]) => m)));
    peak = Math.max(peak, rss());
    const rows = format === 'csv' ? counter.rows - 1 : Number(new RegExp(`${XLSX_ROWS_NOTE}(\\d+)`).exec(tail.toString('latin1'))?.[1]);
    results[format] = { rows, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(rows / seconds), bytes, rssBeforeMiB: Math.round(before), rssPeakMiB: Math.round(peak), rssPeakFirstHalfMiB: half(true), rssPeakSecondHalfMiB: half(false),
      serverCpuSeconds: Math.round(cpu * 10) / 10, rowsPerServerCpuSecond: Math.round(rows / Math.max(cpu, 0.01)) };
    console.log(`${format}: ${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s, ${(bytes / 1048576).toFixed(0)} MiB; server RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB (first half ${half(true)}, second ${half(false)}); server CPU ${cpu.toFixed(1)} s = ${Math.round(rows / Math.max(cpu, 0.01))} rows per CPU second`);
  }
  const goal = 50_000;
  const ok = results.csv.rowsPerSecond >= goal && results.xlsx.rowsPerSecond >= goal;
  console.log(`goal ≥ ${goal} rows/s in both formats: ${ok ? 'met' : 'NOT met'}; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  // The summary judges the slower format: the goal holds for both.
  emitResult('export', {
    subject: `${submissions.toLocaleString()} submissions, CSV ${results.csv.rowsPerSecond.toLocaleString()} / XLSX ${results.xlsx.rowsPerSecond.toLocaleString()} rows/s`,
    rate: Math.min(results.csv.rowsPerSecond, results.xlsx.rowsPerSecond), rateUnit: 'rows/s',
    submissions, machine, loadavg: os.loadavg().map((x) => Math.round(x * 10) / 10), goalRowsPerSecond: goal, ok, ...results,
  });
} finally {
  await server.stop();
}
