// Benchmark: a county reviewer's queue of 100,000 submissions. Seeds a fresh database (demo
// people; 25,000 sources over 乐清市's townships, five forms among them, 100,000 submissions
// waiting at the county level, waiting_since spread over 30 days, some with warnings, some of
// those explained) with set-based SQL, then, as `yq-reviewer` against a real `pucha serve`:
// times GET /review/queue (first page, each filter, page 100 by the cursor) and the summary,
// --requests times each, one request at a time (p50/p95/p99); then bulk-approves one form
// (exactly 10,000 rows) as a job, polling its progress; after the server stops, checks in SQL
// that exactly those rows moved to `city` with one approval step and one audit row each.
// Usage: npm run bench:review [-- --requests 200] [--db pglite|postgres|both]
// (postgres needs DATABASE_URL; it recreates a database pucha_bench_review on that server)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql, type RawBuilder } from 'kysely';
import { openDatabase, type Database } from '../src/core/db/index.ts';
import { prepareDatabase } from '../src/server/start.ts';
import { DEMO_PASSWORD, loadDemo } from '../src/domains/demo/index.ts';
import { startServe } from './lib/serve.ts';
import { emitResult } from './lib/result.ts';

const arg = (name: string, dflt: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const REQUESTS = Number(arg('--requests', '200'));
const which = arg('--db', process.env.DATABASE_URL ? 'both' : 'pglite');
const SOURCES = 25_000;
// Every source has the first three forms; 2 in 5 a boiler (G103-1), the others G104-1: 100,000.
const BULK_FORM = 'G103-1';
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The data, as the survey's save path leaves a submit by an instructor (next level: county). */
async function seed(d: Database) {
  await prepareDatabase(d);
  await loadDemo(d.db);
  const t = performance.now();
  await sql`INSERT INTO sources (region_code, province_code, name, address, industry_code, category, origin)
    SELECT tw.code, '330000', '乐清市审核压测企业' || lpad(i::text, 5, '0') || '有限公司', '乐清市' || tw.name || '压测路' || i || '号', 'C3311', 'industrial', 'supplement'
    FROM generate_series(1, ${SOURCES}) AS i
    JOIN (SELECT code, name, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS n FROM regions WHERE parent_code = '330382') tw
      ON tw.k = i % tw.n`.execute(d.db);
  // k numbers the submissions 0..99,999; (k * 7919) % 100000 scatters their age over 30 days
  // so that the queue's order (waiting_since, seq) is not the insertion order.
  await sql`INSERT INTO submissions (id, source_id, region_code, province_code, form, version, status, answers, explanations, computed, issues,
      ready, blocking, warnings, unexplained, rev, content_hash, created_by, created_at, updated_by, updated_at, submitted_at,
      review_level, review_version, waiting_since, filled_level)
    SELECT gen_random_uuid(), x.source_id, x.region_code, '330000', x.form, 1, 'submitted', x.answers,
      CASE WHEN x.warnings > x.unexplained THEN jsonb_build_object(x.rule || '@' || x.path, '季节性停产，已核实') ELSE '{}'::jsonb END,
      x.answers,
      CASE WHEN x.warnings > 0 THEN jsonb_build_array(jsonb_build_object('form', x.form, 'path', x.path, 'rule', x.rule, 'severity', 'warning',
        'message', jsonb_build_object('zh', '请核实', 'en', 'Check it'))) ELSE '[]'::jsonb END,
      true, 0, x.warnings, x.unexplained, 1, encode(sha256(convert_to(x.answers::text, 'UTF8')), 'hex'),
      x.by_user, x.waiting, x.by_user, x.waiting, x.waiting, 'county', 1, x.waiting, 'instructor'
    FROM (
      SELECT s.id AS source_id, s.region_code, f.form, i.by_user,
        jsonb_build_object('unitName', s.name, 'operatingHours', 7200 + (s.id % 500), 'outputValue', (s.id % 9000) + 100) AS answers,
        now() - make_interval(secs => ((k.k * 7919) % 100000) * 25.92) AS waiting,
        -- one in 7 with a warning; half of those explained
        CASE WHEN k.k % 7 = 0 THEN 1 ELSE 0 END AS warnings,
        CASE WHEN k.k % 14 = 0 THEN 1 ELSE 0 END AS unexplained,
        CASE f.form WHEN 'G101-1' THEN 'output-value' WHEN 'G102' THEN 'discharged-le-generated' ELSE 'bench-check' END AS rule,
        CASE f.form WHEN 'G101-1' THEN 'outputValue' WHEN 'G102' THEN 'discharged' ELSE 'total' END AS path
      FROM sources s
      CROSS JOIN LATERAL (VALUES ('G101-1'), ('G101-3'), ('G102'), (CASE WHEN s.id % 5 < 2 THEN 'G103-1' ELSE 'G104-1' END)) AS f(form)
      CROSS JOIN (SELECT id AS by_user FROM users WHERE username = 'yq-instructor') i
      CROSS JOIN LATERAL (SELECT (s.id * 4 + CASE f.form WHEN 'G101-1' THEN 0 WHEN 'G101-3' THEN 1 WHEN 'G102' THEN 2 ELSE 3 END) % 100000 AS k) k
      WHERE s.name LIKE '乐清市审核压测企业%'
    ) x`.execute(d.db);
  // The revision and the submit step the save path writes beside each submission.
  await sql`INSERT INTO submission_revisions (submission_id, province_code, rev, status, answers, explanations, content_hash, by_user, at)
    SELECT id, province_code, 1, status, answers, explanations, content_hash, created_by, submitted_at FROM submissions`.execute(d.db);
  await sql`INSERT INTO review_steps (submission_id, province_code, level, action, rev, by_user, at)
    SELECT id, province_code, filled_level, 'submit', 1, created_by, submitted_at FROM submissions`.execute(d.db);
  await sql`ANALYZE`.execute(d.db); // the statistics autovacuum would gather (PGlite has none)
  const n = (await sql<{ n: number; f: number; w: number; e: number; t: number }>`SELECT count(*)::int AS n, count(*) FILTER (WHERE form = ${BULK_FORM})::int AS f,
    count(*) FILTER (WHERE warnings > 0)::int AS w, count(*) FILTER (WHERE warnings > unexplained)::int AS e, count(DISTINCT region_code)::int AS t
    FROM submissions WHERE review_level = 'county'`.execute(d.db)).rows[0];
  console.log(`  seeded ${n.n} submissions waiting at county (${n.f} ${BULK_FORM}, ${n.w} with warnings, ${n.e} explained, ${n.t} townships) in ${secs(performance.now() - t)}`);
  return n;
}


async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const r = await fetch(base + url, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}
type Call = Awaited<ReturnType<typeof login>>;
interface Page { items: Array<{ id: string; form: string; regionCode: string; ageDays: number; warnings: number }>; nextCursor: string | null }

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
async function measure(label: string, call: Call, url: string, check: (body: unknown) => string) {
  const times: number[] = [];
  let shown = '';
  for (let i = 0; i < REQUESTS + 5; i++) {
    const t = performance.now();
    const body = await call<unknown>('GET', url);
    const ms = performance.now() - t;
    if (i >= 5) times.push(ms); // the first few warm the server's caches and JIT
    if (i === 0) shown = check(body);
  }
  times.sort((a, b) => a - b);
  const row = { label, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: times[times.length - 1], shown };
  console.log(`  ${label.padEnd(44)} p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms  p99 ${row.p99.toFixed(1).padStart(6)} ms  max ${row.max.toFixed(0).padStart(4)} ms  ${shown}`);
  return row;
}

async function run(label: string, env: Record<string, string>, reopen: () => Promise<Database>) {
  const s = await startServe(env);
  const call = await login(s.base, 'yq-reviewer');
  const Q = '/api/v1/review/queue';
  const pageOf = (b: unknown) => {
    const p = b as Page;
    return `${p.items.length} items${p.nextCursor ? ', more' : ''}`;
  };
  const township = (await call<Page>('GET', `${Q}?limit=1`)).items[0].regionCode;
  // Page 100 by the cursor, walked once like a reviewer paging on.
  let cursor: string | null = null;
  const tWalk = performance.now();
  for (let p = 1; p < 100; p++) cursor = (await call<Page>('GET', `${Q}?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
  const walk = performance.now() - tWalk;
  console.log(`${label}: ${REQUESTS} requests each, one at a time, as yq-reviewer; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const rows = [
    await measure('queue, first page (50)', call, `${Q}?limit=50`, pageOf),
    await measure(`queue, form=${BULK_FORM}`, call, `${Q}?limit=50&form=${BULK_FORM}`, pageOf),
    await measure(`queue, township=${township}`, call, `${Q}?limit=50&township=${township}`, pageOf),
    await measure('queue, issues=warnings', call, `${Q}?limit=50&issues=warnings`, pageOf),
    await measure('queue, minAgeDays=20', call, `${Q}?limit=50&minAgeDays=20`, pageOf),
    await measure('queue, form + issues=explained + minAgeDays=10', call, `${Q}?limit=50&form=G101-3&issues=explained&minAgeDays=10`, pageOf),
    // G102's warnings are never explained in this data: the page must read all of G102 to answer nothing.
    await measure('  … the same for G102 (matches nothing)', call, `${Q}?limit=50&form=G102&issues=explained&minAgeDays=10`, pageOf),
    await measure('queue, page 100 (cursor)', call, `${Q}?limit=50&cursor=${cursor}`, pageOf),
    await measure('summary', call, `${Q}/summary`, (b) => `total ${(b as { total: number }).total}`),
    await measure(`summary, township=${township}`, call, `${Q}/summary?township=${township}`, (b) => `total ${(b as { total: number }).total}`),
    await measure('summary, issues=warnings', call, `${Q}/summary?issues=warnings`, (b) => `total ${(b as { total: number }).total}`),
  ];
  console.log(`  (walking pages 1–99 by the cursor once: ${secs(walk)}, ${(walk / 99).toFixed(1)} ms a page)`);

  // Bulk approval of one form: the count the page shows, then the job.
  const expected = (await call<{ total: number }>('GET', `${Q}/summary?form=${BULK_FORM}`)).total;
  const t0 = performance.now();
  const { jobId } = await call<{ jobId: number }>('POST', '/api/v1/review/bulk-approve', { filter: { form: BULK_FORM }, expected });
  let job: { status: string; progressDone: number; progressTotal: number | null; message: string | null; result: unknown };
  let lastShown = -1;
  let polls = 0;
  for (;;) {
    job = await call('GET', `/api/v1/jobs/${jobId}`);
    polls++;
    if (job.progressDone !== lastShown || job.status !== 'running') {
      console.log(`    job ${jobId} ${job.status.padEnd(9)} ${String(job.progressDone).padStart(6)} / ${job.progressTotal ?? '?'}  ${secs(performance.now() - t0)}`);
      lastShown = job.progressDone;
    }
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const bulkMs = performance.now() - t0;
  if (job.status !== 'succeeded') throw new Error(`bulk approval ${job.status}: ${JSON.stringify(job)}`);
  console.log(`  bulk-approve ${BULK_FORM}: ${job.progressDone} of ${expected} in ${secs(bulkMs)} (${Math.round((job.progressDone / bulkMs) * 1000)} rows/s, POST to succeeded as seen by polling every 100 ms; ${polls} polls answered meanwhile)`);
  const after = (await call<{ total: number }>('GET', `${Q}/summary`)).total;
  await s.stop();

  // What moved, counted in the database.
  const d = await reopen();
  const one = async (q: RawBuilder<{ n: number }>) => (await q.execute(d.db)).rows[0].n;
  const checks = {
    movedToCity: await one(sql`SELECT count(*)::int AS n FROM submissions WHERE review_level = 'city' AND status = 'approved'`),
    movedOfForm: await one(sql`SELECT count(*)::int AS n FROM submissions WHERE review_level = 'city' AND status = 'approved' AND form = ${BULK_FORM}`),
    formLeftAtCounty: await one(sql`SELECT count(*)::int AS n FROM submissions WHERE review_level = 'county' AND form = ${BULK_FORM}`),
    othersAtCounty: await one(sql`SELECT count(*)::int AS n FROM submissions WHERE review_level = 'county' AND status = 'submitted' AND review_version = 1 AND form <> ${BULK_FORM}`),
    approveSteps: await one(sql`SELECT count(*)::int AS n FROM review_steps WHERE action = 'approve'`),
    movedWithOneStep: await one(sql`SELECT count(*)::int AS n FROM submissions s WHERE s.review_level = 'city' AND s.review_version = 2
      AND (SELECT count(*) FROM review_steps st WHERE st.submission_id = s.id AND st.action = 'approve' AND st.level = 'county') = 1`),
    auditRows: await one(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'review.approve'`),
    movedWithOneAudit: await one(sql`SELECT count(*)::int AS n FROM submissions s WHERE s.review_level = 'city'
      AND (SELECT count(*) FROM audit_log a WHERE a.entity = 'submission' AND a.entity_id = s.id::text AND a.action = 'review.approve') = 1`),
  };
  await d.close();
  const ok = checks.movedToCity === expected && checks.movedOfForm === expected && checks.formLeftAtCounty === 0 && checks.othersAtCounty === after
    && checks.approveSteps === expected && checks.movedWithOneStep === expected && checks.auditRows === expected && checks.movedWithOneAudit === expected;
  console.log(`  verified in SQL: ${JSON.stringify(checks)}; queue total after ${after} → ${ok ? 'OK' : 'MISMATCH'}`);
  if (!ok) process.exitCode = 1;
  return { rows, bulkMs, approved: job.progressDone };
}

console.log(`${new Date().toISOString()} ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

const results: Record<string, Awaited<ReturnType<typeof run>>> = {};
if (which === 'pglite' || which === 'both') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-bench-review-'));
  const d = await openDatabase({ dataDir });
  await seed(d);
  await d.close();
  results.PGlite = await run('PGlite', { PUCHA_DATA_DIR: dataDir, DATABASE_URL: '' }, () => openDatabase({ dataDir }));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

if (which === 'postgres' || which === 'both') {
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL server (scripts/start-postgres.sh prints one)');
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS pucha_bench_review WITH (FORCE)');
  await admin.query('CREATE DATABASE pucha_bench_review');
  await admin.end();
  const url = Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/pucha_bench_review' }).toString();
  const d = await openDatabase({ databaseUrl: url, dataDir: '' });
  await seed(d);
  await d.close();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pucha-bench-review-'));
  results.PostgreSQL = await run('PostgreSQL', { DATABASE_URL: url, PUCHA_DATA_DIR: dataDir }, () => openDatabase({ databaseUrl: url, dataDir: '' }));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
// The headline: the first page on PostgreSQL when it ran, else on PGlite.
const [dbHead, head] = Object.entries(results).pop()!;
emitResult('review', { subject: `queue, first page of 50, 100,000 waiting (${dbHead})`, median: head.rows[0].p50, p95: head.rows[0].p95, bulkRowsPerSecond: Math.round(head.approved / (head.bulkMs / 1000)), databases: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.rows.map(({ shown: _, ...r }) => r)])) });
