// Soak: a real `pucha serve --demo` process under a console + field mix (12 reads, 3 survey
// saves in every cycle) for 30 minutes at half its measured capacity, sampled every 30 s:
// throughput, latency of that window, the server's memory (and PostgreSQL's backends'), the
// data's size, the machine's load. Flat is the goal; a growing RSS is a leak signal.
// Phase 1 finds the capacity: ~60 s of steps at rising connections, the most req/s with
// p95 ≤ 100 ms. The server is then restarted with enough fresh sources for the soak's saves,
// warmed for one window, and soaked. Exits non-zero on any 5xx or RSS grown > 50 % between the
// first and the last 5 minutes.
// Usage: npm run bench:soak [-- --minutes 30] [--window 30] [--rate N (skip phase 1)]
// (DATABASE_URL set → PostgreSQL, on a fresh database pucha_bench_soak of that server)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServe, cpuSeconds, type BenchServer } from './lib/serve.ts';
import { createDatabase, loadDemo, addSources, SET } from './lib/soak-setup.ts';
import { createMix, WritePool, type WindowResult } from './lib/soak-mix.ts';
import {
  quantile, rssTree, postgresBackends, folderBytes, loadAverage, machineTicks, serverMetrics, summarise, summaryText,
  markdownTable, liveLine, LIVE_HEADER, median, type Window,
} from './lib/soak-stats.ts';
import { emitResult } from './lib/result.ts';

const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const MINUTES = arg('--minutes', 30);
const WINDOW = arg('--window', 30);
const FIXED_RATE = arg('--rate', 0);
const STEPS = [1, 2, 5, 10, 20];
const STEP_SECONDS = 12;
const P95_LIMIT = 100;
const WRITE_SHARE = 3 / 15;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const log = (s: string) => console.log(s);

const db = await createDatabase(process.env.DATABASE_URL, folderBytes);
const startedAt = new Date();
log(`${startedAt.toISOString()} soak on ${db.kind}: ${os.cpus().length} cores (${os.cpus()[0].model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load ${loadAverage().join(' ')}`);
log(`loading the demo census…`);
await loadDemo(db);
const pool = new WritePool();

interface Step { connections: number; rps: number; p50?: number; p95?: number; p99?: number; non2xx: number; errors: number }
const steps: Step[] = [];
let rate = FIXED_RATE;
// The soak holds as many connections as the step the capacity was read at: at half its rate each
// may take twice that step's time per answer before the offered rate is missed.
let connections = 10;
let server: BenchServer;

if (!rate) {
  // Enough sources for phase 1 even at 1,000 req/s.
  pool.add(await addSources(db, Math.ceil((STEPS.length * STEP_SECONDS * 1000 * WRITE_SHARE) / SET.forms.length)));
  server = await startServe(db.env);
  const mix = await createMix(server.base, pool);
  log(`phase 1: capacity, ${STEPS.length} steps of ${STEP_SECONDS} s at ${STEPS.join(', ')} connections`);
  await mix.run(5, 5); // JIT and caches, unmeasured
  for (const connections of STEPS) {
    const r = await mix.run(STEP_SECONDS, connections);
    const t = sorted(r.times);
    const s: Step = { connections, rps: r.requests / STEP_SECONDS, p50: quantile(t, 0.5), p95: quantile(t, 0.95), p99: quantile(t, 0.99), non2xx: Object.values(r.non2xx).reduce((a, b) => a + b, 0), errors: r.errors };
    steps.push(s);
    const f = (x?: number) => (x === undefined ? '—' : x.toFixed(1));
    log(`  c=${String(connections).padStart(2)} ${s.rps.toFixed(0).padStart(5)} req/s  p50 ${f(s.p50)} ms  p95 ${f(s.p95)} ms  p99 ${f(s.p99)} ms  non-2xx ${s.non2xx}  errors ${s.errors}  load ${loadAverage()[0]}`);
  }
  const within = steps.filter((s) => s.p95 !== undefined && s.p95 <= P95_LIMIT);
  const best = within.length ? within.reduce((a, b) => (b.rps > a.rps ? b : a)) : steps.find((s) => s.connections === 10)!;
  rate = Math.max(1, Math.floor(best.rps / 2));
  connections = best.connections;
  log(`capacity ${best.rps.toFixed(0)} req/s at ${best.connections} connections (${within.length ? `p95 ≤ ${P95_LIMIT} ms` : `no step kept p95 ≤ ${P95_LIMIT} ms: the 10-connection step`}); soak at ${rate} req/s`);
  await server.stop();
}

// Fresh sources for every save of the soak and its warm-up, with a fifth to spare.
const saves = rate * WRITE_SHARE * (MINUTES * 60 + WINDOW) * 1.2;
pool.add(await addSources(db, Math.ceil(saves / SET.forms.length)));
server = await startServe(db.env);
const mix = await createMix(server.base, pool);
connections = Math.min(connections, rate);
log(`phase 2: soak, ${MINUTES} min at ${rate} req/s over ${connections} connections, a window every ${WINDOW} s (one warm-up window first, not counted)`);
await mix.run(WINDOW, connections, rate);

const windows: Window[] = [];
log(LIVE_HEADER);
const t0 = Date.now();
while (Date.now() - t0 < MINUTES * 60_000 - 1000) {
  const [w0, cpu0, m0] = [Date.now(), cpuSeconds(server.pid), machineTicks()];
  const r: WindowResult = await mix.run(WINDOW, connections, rate);
  const [w1, cpu1, m1] = [Date.now(), cpuSeconds(server.pid), machineTicks()];
  const m = await serverMetrics(server.base);
  const pgb = db.dbName ? postgresBackends(db.dbName) : undefined;
  const t = sorted(r.times);
  const w: Window = {
    minute: (Date.now() - t0) / 60_000, at: new Date().toISOString(), requests: r.requests, rps: r.requests / WINDOW,
    p50: quantile(t, 0.5), p95: quantile(t, 0.95), p99: quantile(t, 0.99), max: t[t.length - 1], writeP95: quantile(sorted(r.writeTimes), 0.95),
    p95ByKind: Object.fromEntries(Object.entries(r.byKind).map(([k, v]) => [k, quantile(sorted(v), 0.95)!])),
    non2xx: r.non2xx, errors: r.errors, rss: rssTree(server.pid), heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external,
    eventLoopP99: m.eventLoopP99, serverCpu: ((cpu1 - cpu0) * 1000 * 100) / (w1 - w0), machineBusy: ((m1.busy - m0.busy) * 100) / (m1.total - m0.total), jobsQueued: m.jobsQueued, dirty: await db.backlog(true), dbBackends: pgb?.count, dbAnon: pgb?.anon, dataBytes: await db.size(), load: loadAverage(),
  };
  windows.push(w);
  log(liveLine(w));
}
await server.stop();
const dirtyAtEnd = await db.backlog(false);

const summary = summarise(windows, WINDOW);
log('');
log(summaryText(summary, WINDOW));
log(`sources left for the emissions chore when the soak ended: ${dirtyAtEnd}`);
if (mix.exhausted) log(`${mix.exhausted} saves found no fresh (source, form) left and resent one (refused)`);
for (const [k, body] of mix.samples) log(`  first ${k}: ${body}`);
log('');
log(markdownTable(windows, Math.max(1, Math.round(300 / WINDOW)), db.kind === 'PostgreSQL'));

const outDir = path.join(import.meta.dirname, 'out');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `soak-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, JSON.stringify({
  startedAt, database: db.kind, minutes: MINUTES, windowSeconds: WINDOW, machine: { cores: os.cpus().length, model: os.cpus()[0].model, memory: os.totalmem(), node: process.version },
  capacity: { steps, p95LimitMs: P95_LIMIT }, rate, connections, windows, summary, dirtyAtEnd, non2xxSamples: Object.fromEntries(mix.samples),
}, null, 1));
log(`\nseries written to ${path.relative(process.cwd(), file)}`);
await db.drop();

const leak = summary.rssGrowth > 0.5;
emitResult('soak', { subject: `${MINUTES} min at ${rate} req/s on ${db.kind}; p95 first → last ${summary.firstP95.toFixed(1)} → ${summary.lastP95.toFixed(1)} ms`, rate, rateUnit: 'req/s (held)', median: median(windows.map((w) => w.p50 ?? NaN).filter((v) => !Number.isNaN(v))), p95: summary.lastP95, fiveXX: summary.fiveXX, rssGrowth: summary.rssGrowth, errors: summary.errors });
if (summary.fiveXX || leak) {
  log(`FAIL: ${summary.fiveXX ? `${summary.fiveXX} answers 5xx` : ''}${summary.fiveXX && leak ? '; ' : ''}${leak ? `RSS grew ${(summary.rssGrowth * 100).toFixed(0)} %` : ''}`);
  process.exit(1);
}
