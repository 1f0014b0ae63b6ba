// Benchmark: the foundation's hot reads over real HTTP on a real server —
// session check, region children, region search, user list — at concurrency 10.
// Usage: npm run bench:api [-- --seconds 10]   (DATABASE_URL set → PostgreSQL)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server/start.ts';
import { DEMO_PASSWORD } from '../src/domains/demo/index.ts';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;
const concurrency = 10;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-bench-'));
const running = await startServer({ ...loadConfig(), port: 0, dataDir, logLevel: 'silent' }, { demoOnFirstStart: true });
const base = running.url.replace('localhost', '127.0.0.1');

const login = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhejiang', password: DEMO_PASSWORD }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];

async function measure(name: string, urls: () => string) {
  const lat: number[] = [];
  const until = Date.now() + seconds * 1000;
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const r = await fetch(base + urls(), { headers: { cookie } });
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
        lat.push(performance.now() - t0);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(1);
  console.log(`${name.padEnd(28)} ${String(Math.round(lat.length / seconds)).padStart(6)} req/s  p50 ${q(0.5)} ms  p95 ${q(0.95)} ms  p99 ${q(0.99)} ms  errors ${errors}`);
}

const counties = ['330382', '330302', '330303', '330304', '330305', '330324', '330326', '330327', '330328', '330329', '330381', '330383'];
let i = 0;
console.log(`database ${running.ctx.database.kind}, ${os.cpus().length} cores, concurrency ${concurrency}, ${seconds} s each`);
await measure('GET /session', () => '/api/v1/session');
await measure('GET /regions/:code/children', () => `/api/v1/regions/${counties[i++ % counties.length]}/children`);
await measure('GET /regions?q= (search)', () => `/api/v1/regions?q=${encodeURIComponent(['温州', 'yueqing', '3303', '乐清', 'lc'][i++ % 5])}`);
await measure('GET /users (page of 50)', () => '/api/v1/users?limit=50');
await running.close();
fs.rmSync(dataDir, { recursive: true, force: true });
