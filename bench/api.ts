// Benchmark: the foundation's hot reads over real HTTP. The server runs as its own
// process (`pucha serve`, as in production); autocannon loads it from this one.
// Usage: npm run bench:api [-- --seconds 10]   (DATABASE_URL set → PostgreSQL)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/domains/demo/index.ts';
import { startServe } from './lib/serve.ts';
import { emitResult } from './lib/result.ts';

const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const seconds = arg('--seconds', 5);
const connections = 10;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-bench-'));
const server = await startServe({ PUCHA_DATA_DIR: dataDir }, { args: ['--demo'] });
const base = server.base;
const health = await (await fetch(`${base}/healthz`)).json();
const login = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhejiang', password: DEMO_PASSWORD }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];

const figures: Record<string, { rps: number; p50: number; p97_5: number; p99: number }> = {};
async function measure(name: string, paths: string[]) {
  const r = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: paths.map((p) => ({ method: 'GET', path: p, headers: { cookie } })),
  });
  const bad = r.non2xx + r.errors;
  figures[name] = { rps: Math.round(r.requests.average), p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99 };
  console.log(`${name.padEnd(30)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${r.latency.p50} ms  p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  non-2xx/errors ${bad}`);
}

const counties = ['330382', '330302', '330303', '330304', '330305', '330324', '330326', '330327', '330328', '330329', '330381', '330383'];
console.log(`${new Date().toISOString()} database ${health.database}, ${os.cpus().length} cores (${os.cpus()[0].model}), ${connections} connections, ${seconds} s each`);
await measure('GET /api/v1/healthz', ['/healthz']);
await measure('GET /api/v1/session', ['/api/v1/session']);
await measure('GET /regions/:code/children', counties.map((c) => `/api/v1/regions/${c}/children`));
await measure('GET /regions?q= (search)', ['温州', 'yueqing', '3303', '乐清', 'lc'].map((q) => `/api/v1/regions?q=${encodeURIComponent(q)}`));
await measure('GET /users (page of 50)', ['/api/v1/users?limit=50']);
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
const s = figures['GET /api/v1/session'];
emitResult('api', { subject: `GET /api/v1/session, ${connections} connections (${health.database}); p97.5 ${s.p97_5} ms`, rate: s.rps, rateUnit: 'req/s', median: s.p50, p97_5: s.p97_5, lines: figures });
