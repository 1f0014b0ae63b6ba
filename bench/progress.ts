// Benchmark: inventory progress at national scale on the PostgreSQL server. Uses
// the 3.6 M-source database that `npm run bench:directory` loads, gives every
// active source an inventory record (half of them visited) unless present, and
// times the progress count per level (the SQL, uncached; the API caches the
// nation's and a province's answer for five minutes): from the counts the triggers keep
// (migration 0032), and counted live from every record as before, which must agree.
// Usage: DATABASE_URL=postgres://… npm run bench:progress   (after npm run bench:directory)
import os from 'node:os';
import { sql } from 'kysely';
import { openDatabase } from '../src/core/db/index.ts';
import { prepareDatabase } from '../src/server/start.ts';
import { countByChild, countByChildLive } from '../src/domains/inventory/records/review.sql.ts';
import { emitResult } from './lib/result.ts';

if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL server (scripts/start-postgres.sh prints one)');
const url = new URL(process.env.DATABASE_URL);
url.pathname = '/pucha_bench_directory';
const d = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
await prepareDatabase(d);
const count = async (q: ReturnType<typeof sql<{ n: number }>>) => (await q.execute(d.db)).rows[0].n;
const sources = await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM sources WHERE state = 'active'`);
if (sources < 100_000) throw new Error(`only ${sources} sources: run npm run bench:directory first`);
if ((await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM inventory_records`)) === 0) {
  const t = Date.now();
  await sql`INSERT INTO inventory_records (source_id, region_code, province_code, status, state, confirmation, seq)
    SELECT id, region_code, left(region_code, 2) || '0000', CASE WHEN id % 2 = 0 THEN 'submitted' ELSE 'assigned' END,
      CASE WHEN id % 2 = 0 THEN (ARRAY['normal','suspended','closed','deleted','added','to-verify'])[1 + id % 6] END,
      CASE WHEN id % 4 = 0 THEN 'confirmed' ELSE 'pending' END, nextval('inventory_seq') FROM sources WHERE state = 'active'`.execute(d.db);
  await sql`ANALYZE inventory_records`.execute(d.db);
  console.log(`gave ${sources} sources an inventory record in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
console.log(`${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB; ${sources} sources`);
const medians: Record<string, number> = {};
const live: Record<string, number> = {};
const median5 = async (f: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
};
const same = (a: unknown[], b: unknown[]) => JSON.stringify(a.map((x) => JSON.stringify(x)).sort()) === JSON.stringify(b.map((x) => JSON.stringify(x)).sort());
for (const [label, prefix, keyLen] of [['nation → provinces', '', 2], ['浙江省 → prefectures', '33', 4], ['温州市 → counties', '3303', 6], ['乐清市 → townships', '330382', 9]] as const) {
  if (!same(await countByChild(d.db, prefix, keyLen), await countByChildLive(d.db, prefix, keyLen))) throw new Error(`${label}: the kept counts differ from the live count`);
  const kept = await median5(() => countByChild(d.db, prefix, keyLen));
  const counted = await median5(() => countByChildLive(d.db, prefix, keyLen));
  medians[label] = kept[2];
  live[label] = counted[2];
  console.log(`${label}: kept counts median ${kept[2].toFixed(1)} ms (min ${kept[0].toFixed(1)}, max ${kept[4].toFixed(1)}); counted live median ${counted[2].toFixed(0)} ms; equal`);
}
await d.close();
emitResult('progress', { subject: `nation → provinces from the kept counts (live count ${Math.round(live['nation → provinces']).toLocaleString()} ms), ${sources.toLocaleString()} sources`, median: medians['nation → provinces'], medians, live });
