// The kept inventory counts (migration 0032's triggers) against the rows themselves: every key
// with its number of active sources, counted afresh, must equal the kept table's non-zero rows.
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../src/core/db/index.ts';

type Row = { region: string; zone: string; state: string; visited: boolean; confirmation: string; n: number };

export async function expectCountsKept(db: Db) {
  const kept = await sql<Row>`SELECT region_code AS region, zone_id::text AS zone, state, visited, confirmation, sources AS n
    FROM inventory_counts WHERE sources <> 0 ORDER BY 1, 2, 3, 4, 5`.execute(db);
  const fresh = await sql<Row>`SELECT k.region, k.zone::text AS zone, k.state, k.visited, k.confirmation, count(*)::int AS n
    FROM sources s LEFT JOIN inventory_records r ON r.source_id = s.id
    CROSS JOIN LATERAL inventory_count_key(s.region_code, r.source_id IS NOT NULL, r.status, r.region_code, r.zone_id, r.state, r.confirmation) k
    WHERE s.state = 'active' AND (r.source_id IS NULL OR r.status <> 'deleted')
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`.execute(db);
  expect(kept.rows).toEqual(fresh.rows);
  return fresh.rows.reduce((a, r) => a + r.n, 0);
}
