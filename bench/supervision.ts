// Benchmark: supervision's figures at national scale on the PostgreSQL server. Uses the 3.6 M-source
// database of `npm run bench:directory` (migrated in place, like bench:progress; inventory records
// are added for every active source when none exist, half visited and a third confirmed), then
// times, uncached, what a dispatch and the dashboard compute: the ranked children of the nation,
// of the largest province and of its largest city on a day (each with the period before, i.e. two
// snapshots), a whole dispatch generated for the nation, and a 12-point trend of the nation.
// Usage: DATABASE_URL=postgres://… npm run bench:supervision [-- --runs 5]
import os from 'node:os';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/index.ts';
import { prepareDatabase } from '../src/server/start.ts';
import { SYSTEM } from '../src/domains/access/index.ts';
import { generateDispatch } from '../src/domains/supervision/index.ts';
import { progress } from '../src/domains/supervision/progress.ts';
import { addDays } from '../src/domains/supervision/rules/calendar.ts';
import { emitResult } from './lib/result.ts';

if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL server (scripts/start-postgres.sh prints one)');
const RUNS = process.argv.includes('--runs') ? Number(process.argv[process.argv.indexOf('--runs') + 1]) : 5;
const url = new URL(process.env.DATABASE_URL);
url.pathname = '/pucha_bench_directory';
const d = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
await prepareDatabase(d);
const db = d.db;
const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows[0]!;
console.log(`${new Date().toISOString()} ${os.cpus().length} cores (${os.cpus()[0]!.model}), Node ${process.version}; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const { n: sources } = await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM sources WHERE state = 'active'`);
if (sources < 100_000) throw new Error(`only ${sources} sources: run npm run bench:directory first`);
if ((await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM inventory_records`)).n === 0) {
  const t = Date.now();
  await sql`INSERT INTO inventory_records (source_id, region_code, province_code, status, state, confirmation, visited_at, confirmed_at, seq)
    SELECT id, region_code, left(region_code, 2) || '0000', 'submitted', 'normal', CASE WHEN id % 3 = 0 THEN 'confirmed' ELSE 'pending' END,
           CASE WHEN id % 2 = 0 THEN now() - interval '20 days' END, CASE WHEN id % 3 = 0 THEN now() - interval '10 days' END, 0
      FROM sources WHERE state = 'active'`.execute(db);
  console.log(`seeded inventory records in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
const { n: records } = await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM inventory_records`);
const { code: province } = await one(sql<{ code: string }>`SELECT left(region_code, 2) || '0000' AS code FROM sources WHERE state = 'active' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
const { code: city } = await one(sql<{ code: string }>`SELECT left(region_code, 4) || '00' AS code FROM sources WHERE state = 'active' AND region_code LIKE ${`${province.slice(0, 2)}%`} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
console.log(`${sources.toLocaleString()} active sources, ${records.toLocaleString()} inventory records; largest province ${province}, its largest city ${city}`);

const on = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const region = async (code: string) => (await db.selectFrom('regions').select(['code', 'name', 'level', 'scope_prefix']).where('code', '=', code).executeTakeFirstOrThrow());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medians: Record<string, number> = {};
async function time(label: string, f: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) { const t = performance.now(); await f(); ms.push(performance.now() - t); }
  medians[label] = median(ms);
  console.log(`${label.padEnd(44)} median ${median(ms).toFixed(0).padStart(6)} ms   max ${Math.max(...ms).toFixed(0).padStart(6)} ms   (${RUNS} runs)`);
}
for (const code of ['100000', province, city]) {
  const r = await region(code);
  await time(`ranked children of ${r.name} (${code}), 2 days`, () => progress(db, r, on, addDays(on, -14), true));
}
const nationActor = { ...SYSTEM };
let dispatchIds: number[] = [];
await time('dispatch generated for the nation', async () => { dispatchIds.push((await generateDispatch(db, nationActor, { kind: 'biweekly', asOf: on })).id); });
await time('trend of the nation, 12 points (uncached)', async () => {
  for (let i = 0; i < 12; i++) await progress(db, await region('100000'), addDays(on, -14 * i), addDays(on, -14 * i - 14), true);
});
await sql`DELETE FROM audit_log WHERE entity = 'dispatch' AND entity_id IN (${sql.join(dispatchIds.map(String))})`.execute(db);
await sql`DELETE FROM dispatches WHERE id IN (${sql.join(dispatchIds)})`.execute(db);
dispatchIds = [];
await d.close();
const nationLine = Object.keys(medians)[0];
emitResult('supervision', { subject: `${nationLine}, uncached, ${sources.toLocaleString()} sources`, median: medians[nationLine], medians });
