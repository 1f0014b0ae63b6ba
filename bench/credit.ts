// Benchmark: what the national credit-code check (migration 0034: one active source per code in the
// whole nation, the unique key holding the province and a statement trigger looking in the other
// provinces) costs the directory's writers, on the 3.6 M sources `npm run bench:directory` loads.
// Two kinds of write, each timed with the check and then with its triggers disabled, in
// transactions that are rolled back (the database is left as found), three times each way:
// - a match run's new sources: 100,000 with fresh codes, spread over every province, inserted 5,000
//   to a statement as the matching job writes them (its one lock for a bulk statement);
// - an office adding sources one at a time: 2,000 single-row inserts (each takes its code's lock).
// It first checks that the trigger refuses a code held in another province.
// Usage: DATABASE_URL=postgres://… npm run bench:credit   (after npm run bench:directory)
import os from 'node:os';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/core/db/index.ts';
import { prepareDatabase } from '../src/server/start.ts';
import { isUniqueViolation } from '../src/core/db/pg-errors.ts';
import { emitResult } from './lib/result.ts';

if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL server (scripts/start-postgres.sh prints one)');
const url = new URL(process.env.DATABASE_URL);
url.pathname = '/pucha_bench_directory';
const d = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
await prepareDatabase(d);
const sources = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM sources`.execute(d.db)).rows[0].n);
if (sources < 100_000) throw new Error(`only ${sources} sources: run npm run bench:directory first`);
const counties = (await sql<{ code: string }>`SELECT code FROM regions WHERE level = 'county' ORDER BY code`.execute(d.db)).rows.map((r) => r.code);
console.log(`${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB; ${sources.toLocaleString()} sources`);

/** Runs `f` in a transaction that is always rolled back; `off` disables the check's triggers inside it. */
class Rollback extends Error {}
async function rolledBack(off: boolean, f: (trx: Db) => Promise<void>) {
  await d.db.transaction().execute(async (trx) => {
    if (off) await sql`ALTER TABLE sources DISABLE TRIGGER sources_credit_national_ins`.execute(trx);
    await f(trx as unknown as Db);
    throw new Rollback();
  }).catch((e) => { if (!(e instanceof Rollback)) throw e; });
}
const code = (run: string, i: number) => `9B${run}X${i}`; // distinct per run and row, and from every real code
const insert = (db: Db, regions: string[], codes: string[]) => sql`
  INSERT INTO sources (region_code, province_code, credit_code, name, origin)
  SELECT t.region, left(t.region, 2) || '0000', t.code, '基准' || t.code, 'register' FROM unnest(${regions}::text[], ${codes}::text[]) AS t(region, code)`.execute(db);

// The check refuses a code another province holds.
const held = (await sql<{ credit_code: string; region_code: string }>`SELECT credit_code, region_code FROM sources WHERE state = 'active' AND credit_code IS NOT NULL AND region_code NOT LIKE '33%' LIMIT 1`.execute(d.db)).rows[0];
let refused = false;
await rolledBack(false, async (trx) => {
  await insert(trx, ['330382'], [held.credit_code]).catch((e) => { if (isUniqueViolation(e, 'sources_credit_active_uq')) refused = true; else throw e; });
});
if (!refused) throw new Error(`a code held in ${held.region_code} was taken in 330382: the national check is missing`);

const BULK = 100_000;
const STEP = 5_000;
const SINGLE = 2_000;
const ROUNDS = 3; // each way three times, the order alternating, so the cache and the machine's load favour neither
const MODES = [['with the check', false], ['without it', true]] as const;
const bulkRuns: Record<string, number[]> = { 'with the check': [], 'without it': [] };
const singleRuns: Record<string, number[][]> = { 'with the check': [], 'without it': [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [label, off] of round % 2 ? [...MODES].reverse() : MODES) {
    const run = `${off ? 'B' : 'A'}${round}`;
    await rolledBack(off, async (trx) => {
      const t = performance.now();
      for (let i = 0; i < BULK; i += STEP) {
        const idx = Array.from({ length: STEP }, (_, k) => i + k);
        await insert(trx, idx.map((k) => counties[(k * 7919) % counties.length]), idx.map((k) => code(run, k)));
      }
      bulkRuns[label].push(BULK / ((performance.now() - t) / 1000));
    });
    await rolledBack(off, async (trx) => {
      const times: number[] = [];
      for (let i = 0; i < SINGLE; i++) {
        const t = performance.now();
        await insert(trx, [counties[(i * 31) % counties.length]], [code(`${run}S`, i)]);
        times.push(performance.now() - t);
      }
      singleRuns[label].push(times);
    });
    console.log(`round ${round + 1}, ${label}: ${Math.round(bulkRuns[label].at(-1)!).toLocaleString()} rows/s in bulk`);
  }
}
const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bulk: Record<string, number> = {};
const single: Record<string, { median: number; p95: number }> = {};
for (const [label] of MODES) {
  bulk[label] = mid(bulkRuns[label]);
  const all = singleRuns[label].flat().sort((a, b) => a - b);
  single[label] = { median: all[Math.floor(all.length / 2)], p95: all[Math.floor(all.length * 0.95)] };
  console.log(`${label}: ${BULK.toLocaleString()} new sources ${STEP.toLocaleString()} to a statement, median of ${ROUNDS} runs ${Math.round(bulk[label]).toLocaleString()} rows/s ` +
    `(${bulkRuns[label].map((x) => Math.round(x).toLocaleString()).join(', ')}); ${(SINGLE * ROUNDS).toLocaleString()} single inserts median ${single[label].median.toFixed(2)} ms, p95 ${single[label].p95.toFixed(2)} ms`);
}
await d.close();
const on = 'with the check';
emitResult('credit', {
  subject: `a match run's new sources with the national credit-code check (without: ${Math.round(bulk['without it']).toLocaleString()} rows/s), ${sources.toLocaleString()} sources`,
  rate: Math.round(bulk[on]), rateUnit: 'rows/s', median: single[on].median, p95: single[on].p95, bulk, single,
});
