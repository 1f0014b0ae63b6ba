// Benchmark: the public portal's article page. A real `pucha serve` process serves
// /news/<slug> (seeded by SQL: a few stories in both languages, one with a long body) to
// autocannon from this process at 50 connections (and whatever --connections names). Every
// answer is the cached page with the view count filled in; the reader is the same day hash
// (autocannon keeps no cookie), so the counter's memory check answers and nothing is queued.
// Usage: npm run bench:portal [-- --seconds 10] [--connections 50] [--db pglite|postgres|both]
// (postgres needs DATABASE_URL; it loads a fresh database pucha_bench_portal on that server)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/core/db/index.ts';
import { prepareDatabase } from '../src/server/start.ts';
import { startServe, cpuSeconds } from './lib/serve.ts';
import { emitResult } from './lib/result.ts';

const arg = (name: string, dflt: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const seconds = Number(arg('--seconds', '10'));
const CONNECTIONS = arg('--connections', '50').split(',').map(Number);
const which = arg('--db', process.env.DATABASE_URL ? 'both' : 'pglite');
const SLUG = 'bench-story-1';

/** A few published stories; the first with a body like a real news item (about 6 KB of text). */
async function load(database: Database) {
  await prepareDatabase(database);
  const para = '<p>4月25日，第二次全国污染源普查现场会暨电视电话会议在浙江省温州市召开，部署清查建库、检查验收和入户调查任务。</p>';
  for (let i = 1; i <= 8; i++) {
    const story = await sql<{ id: number }>`INSERT INTO portal_stories (section, slug, region_code) VALUES ('news', ${`bench-story-${i}`}, '100000') RETURNING id`.execute(database.db);
    for (const lang of ['zh', 'en']) {
      const body = `<h2>第${i}篇</h2>${para.repeat(i === 1 ? 40 : 5)}`;
      await sql`INSERT INTO portal_articles (story_id, lang, title, summary, format, body_source, body_html, body_text, publisher, source, status, published_at)
        VALUES (${story.rows[0].id}, ${lang}, ${`压测新闻 ${i} (${lang})`}, '摘要', 'html', ${body}, ${body}, ${body.replace(/<[^>]+>/g, '')},
          '国务院第二次全国污染源普查领导小组办公室', '中国环境报', 'published', now() - make_interval(hours => ${i}))`.execute(database.db);
    }
  }
  await sql`INSERT INTO portal_links (name_zh, name_en, url) VALUES ('生态环境部', 'Ministry of Ecology and Environment', 'https://www.mee.gov.cn/')`.execute(database.db);
}



const lines: Array<{ db: string; connections: number; rate: number; p50: number; p95: number; non2xx: number }> = [];
async function run(label: string, base: string, pid: number) {
  const url = `${base}/news/${SLUG}`;
  const probe = await fetch(url);
  const page = await probe.text();
  if (probe.status !== 200 || !page.includes('<span class="views">')) throw new Error(`the article page answered ${probe.status}`);
  console.log(`  page ${Buffer.byteLength(page)} bytes`);
  // A short warm-up: the JIT, the render cache, the first TTL expiry.
  await autocannon({ url, connections: 10, duration: 2 });
  for (const connections of CONNECTIONS) {
    // autocannon reports p97.5, not p95: every answer's time is kept here to read p95 from.
    const times: number[] = [];
    const cpu0 = cpuSeconds(pid);
    const load0 = os.loadavg()[0];
    const r = await autocannon({
      url, connections, duration: seconds,
      setupClient: (client) => client.on('response', (_status: number, _bytes: number, ms: number) => times.push(ms)),
    });
    times.sort((a, b) => a - b);
    const p95 = times.length ? times[Math.min(times.length - 1, Math.floor(times.length * 0.95))].toFixed(1) : '—';
    const cpuMs = ((cpuSeconds(pid) - cpu0) * 1000) / Math.max(1, r['2xx']);
    lines.push({ db: label, connections, rate: Math.round(r.requests.average), p50: r.latency.p50, p95: Number(p95), non2xx: r.non2xx + r.errors });
    console.log(`${label.padEnd(10)} c=${String(connections).padEnd(3)} ${String(Math.round(r.requests.average)).padStart(6)} requests/s  p50 ${r.latency.p50} ms  p95 ${p95} ms  p97.5 ${r.latency.p97_5} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms  2xx ${r['2xx']}  non-2xx ${r.non2xx}  errors ${r.errors}  server CPU ${cpuMs.toFixed(3)} ms/request  load ${load0.toFixed(1)}→${os.loadavg()[0].toFixed(1)}`);
  }
  const views = (await (await fetch(url, { headers: { 'user-agent': 'bench-check' } })).text()).match(/<span class="views">(\d+)<\/span>/)?.[1];
  console.log(`  views shown after the run: ${views} (three readers: the probe, autocannon without cookies, this check)`);
}

console.log(`${new Date().toISOString()} ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${seconds} s per run`);

if (which === 'pglite' || which === 'both') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-portal-'));
  const database = await openDatabase({ dataDir });
  await load(database);
  await database.close();
  const s = await startServe({ PUCHA_DATA_DIR: dataDir, DATABASE_URL: '' });
  await run('PGlite', s.base, s.pid);
  await s.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

if (which === 'postgres' || which === 'both') {
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL server (scripts/start-postgres.sh prints one)');
  const dbName = 'pucha_bench_portal';
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${dbName}`;
  const database = await openDatabase({ databaseUrl: u.toString(), dataDir: '' });
  await load(database);
  await database.close();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-portal-'));
  const s = await startServe({ DATABASE_URL: u.toString(), PUCHA_DATA_DIR: dataDir });
  await run('PostgreSQL', s.base, s.pid);
  await s.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
// The goal's line: 50 connections (else the first), on the last database run.
const last = lines.filter((l) => l.db === lines[lines.length - 1]?.db);
const head = last.find((l) => l.connections === 50) ?? last[0];
if (head) emitResult('portal', { subject: `an article page, ${head.db}, ${head.connections} connections`, rate: head.rate, rateUnit: 'req/s', median: head.p50, p95: head.p95, lines });
