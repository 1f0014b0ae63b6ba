// Load test at national size: a real `pucha serve` (--workers N) on a copy of the national
// synthetic census (`npx pucha demo --national`, 3.6 M sources), under the console's API mix of
// the national, a provincial, a city and a county office and a county reviewer (16 reads and 2
// survey drafts saved per cycle, bench/lib/load-mix.ts). autocannon holds rising connections, each
// step after a warm-up, until p95 passes the limit or an answer is not 2xx. Per step: req/s,
// p50/p95/p99 from every answer's time, non-2xx, the server's CPU and RSS, PostgreSQL's CPU (the
// postmaster's process tree), the load average; per route p95 and the statements PostgreSQL was
// busy with, to tell what gives way first.
// Usage: DATABASE_URL=postgres://…:5460/postgres npm run bench:load [-- --template pucha_national]
//   [--copy pucha_national_load] [--workers 2] [--connections 1,2,5,10,20,40,80,160] [--seconds 20]
//   [--warmup 10] [--p95 100] [--keep (leave the copy)] [--reuse (use the copy left by --keep)]
//   [--wait-min 30 (how long to wait for others to leave the template)] [--database-url URL (instead of DATABASE_URL)]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServe, cpuSeconds } from './lib/serve.ts';
import { WritePool } from './lib/soak-mix.ts';
import { SET } from './lib/soak-setup.ts';
import { quantile, rssTree, loadAverage, machineTicks } from './lib/soak-stats.ts';
import { createLoadMix } from './lib/load-mix.ts';
import { copyDatabase, dropDatabase, prepareCopy, postmasterPid, postgresCpu, serverSettings, urlFor, watchActivity } from './lib/load-setup.ts';
import { emitResult } from './lib/result.ts';

const argv = process.argv;
const arg = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const TEMPLATE = arg('--template', 'pucha_national');
const COPY = arg('--copy', 'pucha_national_load');
const WORKERS = Number(arg('--workers', '2'));
const STEPS = arg('--connections', '1,2,5,10,20,40,80,160').split(',').map(Number);
const SECONDS = Number(arg('--seconds', '20'));
const WARMUP = Number(arg('--warmup', '10'));
const LIMIT = Number(arg('--p95', '100'));
const log = (s: string) => console.log(s);
const serverUrl = argv.includes('--database-url') ? arg('--database-url', '') : process.env.DATABASE_URL;
if (!serverUrl) throw new Error('set DATABASE_URL to the PostgreSQL server holding the national census (e.g. postgres://postgres@127.0.0.1:5460/postgres)');

const startedAt = new Date();
const cpu = os.cpus();
const machine = `${cpu.length} cores (${cpu[0].model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
log(`${startedAt.toISOString()} load test: ${machine}; load ${loadAverage().join(' ')}`);

const t0 = Date.now();
if (!argv.includes('--reuse')) {
  log(`copying ${TEMPLATE} to ${COPY}…`);
  await copyDatabase(serverUrl, TEMPLATE, COPY, log, Number(arg('--wait-min', '30')));
}
const url = urlFor(serverUrl, COPY);
// Enough fresh (source, form) pairs for every save at 2 of 18 requests, up to 2,000 req/s.
const fresh = Math.ceil(((STEPS.length * SECONDS + WARMUP) * 2000 * 2) / 18 / SET.forms.length);
const prepared = await prepareCopy(url, fresh);
log(`copy ready in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${prepared.sources.toLocaleString()} sources, ${fresh} fresh ones in the pilot county for the saves`);
const settings = await serverSettings(url);
log(`PostgreSQL: ${Object.entries(settings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (/^\d+(kB|MB)$/.test(settings.shared_buffers ?? '')) log('  (shared_buffers below 1 GB: docs/deploy.md gives a quarter of the memory for a national server; figures will be read from disk)');
const pool = new WritePool();
pool.add(prepared.sourceIds);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-load-'));
const server = await startServe({ DATABASE_URL: url, PUCHA_DATA_DIR: dataDir }, { args: WORKERS > 1 ? ['--workers', String(WORKERS)] : [] });
const pgPid = await postmasterPid(url);
const mix = await createLoadMix(server.base, pool, prepared.nationTerms, prepared.countyTerms);
// The warm-up holds enough connections for every process to get some (a connection stays with
// one process): each keeps its own caches, and a process first met in a measured step would
// count its one-off recounts there.
const warmConnections = Math.max(STEPS[0], 2 * WORKERS);
log(`server on ${WORKERS} process(es); PostgreSQL postmaster ${pgPid ?? 'not readable'}; warm-up ${WARMUP} s at ${warmConnections} connections`);
await mix.run(WARMUP, warmConnections);

interface Step {
  connections: number; rps: number; p50?: number; p95?: number; p99?: number; non2xx: number; errors: number;
  serverCpu: number; serverRssMb: number; pgCpu: number; machineBusy: number; load: number; p95ByKind: Record<string, number>;
  busyWith: Array<{ what: string; seen: number }>; non2xxByKind: Record<string, number>;
}
const steps: Step[] = [];
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const f1 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(x < 10 ? 1 : 0));
log(`${'conn'.padStart(5)} ${'req/s'.padStart(6)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'p99'.padStart(6)} ${'non2xx'.padStart(6)} ${'err'.padStart(4)} ${'srv CPU%'.padStart(8)} ${'RSS MB'.padStart(7)} ${'pg CPU%'.padStart(7)} ${'busy%'.padStart(5)}  load`);
for (const connections of STEPS) {
  const watch = watchActivity(url, COPY);
  const [w0, s0, p0, m0] = [Date.now(), cpuSeconds(server.pid), postgresCpu(pgPid), machineTicks()];
  const r = await mix.run(SECONDS, connections);
  const [w1, s1, p1, m1] = [Date.now(), cpuSeconds(server.pid), postgresCpu(pgPid), machineTicks()];
  const busyWith = await watch.stop();
  const t = sorted(r.times);
  const step: Step = {
    connections, rps: t.length / SECONDS, p50: quantile(t, 0.5), p95: quantile(t, 0.95), p99: quantile(t, 0.99),
    non2xx: Object.values(r.non2xx).reduce((a, b) => a + b, 0), errors: r.errors, non2xxByKind: r.non2xx,
    serverCpu: ((s1 - s0) * 100_000) / (w1 - w0), serverRssMb: rssTree(server.pid) / 2 ** 20, pgCpu: ((p1 - p0) * 100_000) / (w1 - w0),
    machineBusy: ((m1.busy - m0.busy) * 100) / (m1.total - m0.total), load: loadAverage()[0],
    p95ByKind: Object.fromEntries(Object.entries(r.byKind).map(([k, v]) => [k, quantile(sorted(v), 0.95)!])), busyWith,
  };
  steps.push(step);
  log(`${String(connections).padStart(5)} ${step.rps.toFixed(0).padStart(6)} ${f1(step.p50).padStart(6)} ${f1(step.p95).padStart(6)} ${f1(step.p99).padStart(6)} ${String(step.non2xx).padStart(6)} ${String(step.errors).padStart(4)} ${step.serverCpu.toFixed(0).padStart(8)} ${step.serverRssMb.toFixed(0).padStart(7)} ${f1(step.pgCpu).padStart(7)} ${step.machineBusy.toFixed(0).padStart(5)}  ${step.load.toFixed(1)}`);
  if ((step.p95 ?? Infinity) > LIMIT || step.non2xx + step.errors > 0) break;
}
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
if (!argv.includes('--keep')) await dropDatabase(serverUrl, COPY);

const held = steps.filter((s) => (s.p95 ?? Infinity) <= LIMIT && s.non2xx + s.errors === 0);
const best = held.length ? held.reduce((a, b) => (b.rps > a.rps ? b : a)) : undefined;
const broke = steps.find((s) => (s.p95 ?? Infinity) > LIMIT || s.non2xx + s.errors > 0);
const routes = Object.keys((best ?? steps[0]).p95ByKind);
// What gives way first: the route slowest at the step that broke the limit (or at the last step).
const at = broke ?? steps[steps.length - 1];
const slowest = Object.entries(at.p95ByKind).sort((a, b) => b[1] - a[1]);

log('');
log(`| connections | req/s | p50 ms | p95 ms | p99 ms | non-2xx | server CPU % of a core | server RSS MB | PostgreSQL CPU % of a core | machine busy % | load (1 min) |`);
log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const s of steps) log(`| ${s.connections} | ${s.rps.toFixed(0)} | ${f1(s.p50)} | ${f1(s.p95)} | ${f1(s.p99)} | ${s.non2xx + s.errors} | ${s.serverCpu.toFixed(0)} | ${s.serverRssMb.toFixed(0)} | ${f1(s.pgCpu)} | ${s.machineBusy.toFixed(0)} | ${s.load.toFixed(1)} |`);
log('');
log(`| route | p95 ms at ${best ? `${best.connections} conn. (held)` : '—'} | p95 ms at ${broke ? `${broke.connections} conn. (gave way)` : 'the last step'} |`);
log(`| --- | ---: | ---: |`);
for (const k of routes) log(`| ${k} | ${f1(best?.p95ByKind[k])} | ${f1(at.p95ByKind[k])} |`);
log('');
log(best ? `highest load held with p95 ≤ ${LIMIT} ms: ${best.rps.toFixed(0)} req/s at ${best.connections} connections (p50 ${f1(best.p50)}, p95 ${f1(best.p95)}, p99 ${f1(best.p99)} ms)` : `no step held p95 ≤ ${LIMIT} ms`);
log(`${broke ? `gave way at ${broke.connections} connections` : 'never gave way'}: slowest routes ${slowest.slice(0, 3).map(([k, v]) => `${k} ${f1(v)} ms`).join(', ')}`);
if (broke && Object.keys(broke.non2xxByKind).length) log(`non-2xx: ${Object.entries(broke.non2xxByKind).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
log(`PostgreSQL was busy with (samples every 250 ms at that step): ${at.busyWith.map((b) => `\n  ${b.seen}× ${b.what}`).join('') || 'nothing seen'}`);
for (const [k, body] of mix.samples) log(`  first ${k}: ${body}`);

const outDir = path.join(import.meta.dirname, 'out');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `load-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, JSON.stringify({ startedAt, machine, template: TEMPLATE, settings, workers: WORKERS, seconds: SECONDS, limitMs: LIMIT, sources: prepared.sources, steps }, null, 1));
log(`series written to ${path.relative(process.cwd(), file)}`);
emitResult('load', {
  subject: `national console mix, ${best?.connections ?? '—'} connections`, median: best?.p50, p95: best?.p95, rate: best ? Math.round(best.rps) : 0, rateUnit: 'req/s',
  connections: best?.connections, gaveWayAt: broke?.connections, firstToGive: slowest[0]?.[0], sources: prepared.sources, workers: WORKERS, load: loadAverage()[0],
});
