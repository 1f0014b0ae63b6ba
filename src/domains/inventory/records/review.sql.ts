// SQL of the review side of the inventory: the lists with their verdicts, the
// verdicts themselves, and the counts behind progress.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import { provinceOf } from '../../../core/db/distribution.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export interface ListFilter {
  prefix: string;
  zone?: number;
  zoneCode?: string;
  state?: string;
  status?: string;
  confirmation?: string;
  /** With `pending`: the records this department has not judged yet. */
  department?: string;
  pending?: boolean;
  /** Only records that were submitted (the departments judge what the field sent). */
  submittedOnly?: boolean;
  after?: number;
  limit: number;
}

export interface ListRow {
  source_id: number;
  name: string;
  credit_code: string | null;
  address: string | null;
  region_code: string;
  region_name: string;
  zone_code: string | null;
  state: string | null;
  state_reason: string | null;
  status: string;
  confirmation: string;
  visit_far: boolean;
  visit_distance: number | null;
  visited_at: Date | null;
  enumerator: string | null;
  version: number;
  verdicts: Array<{ department: string; verdict: string; reason: string | null; at: string }>;
}

export async function listRecords(db: Db, f: ListFilter) {
  const where = [inScopeOf('i', f.prefix)];
  if (f.zone) where.push(sql`i.zone_id = ${f.zone}`);
  if (f.zoneCode) where.push(sql`i.zone_id = (SELECT id FROM census_zones WHERE code = ${f.zoneCode})`);
  if (f.state) where.push(sql`i.state = ${f.state}`);
  if (f.status) where.push(sql`i.status = ${f.status}`);
  if (f.confirmation) where.push(sql`i.confirmation = ${f.confirmation}`);
  if (f.submittedOnly) where.push(sql`i.status IN ('submitted','approved','done')`);
  if (f.department && f.pending) where.push(sql`NOT EXISTS (SELECT 1 FROM inventory_verdicts v WHERE v.source_id = i.source_id AND v.department = ${f.department})`);
  if (f.after) where.push(sql`i.source_id > ${f.after}`);
  const { rows } = await sql<ListRow>`
    WITH page AS (
      SELECT i.* FROM inventory_records i WHERE ${sql.join(where, sql` AND `)} ORDER BY i.source_id LIMIT ${f.limit + 1})
    SELECT p.source_id, s.name, s.credit_code, s.address, p.region_code, r.name AS region_name, z.code AS zone_code, p.state, p.state_reason,
      p.status, p.confirmation, p.visit_far, p.visit_distance, p.visited_at, u.display_name AS enumerator, p.version,
      coalesce((SELECT json_agg(json_build_object('department', v.department, 'verdict', v.verdict, 'reason', v.reason, 'at', v.at) ORDER BY v.department)
        FROM inventory_verdicts v WHERE v.source_id = p.source_id), '[]') AS verdicts
    FROM page p JOIN sources s ON s.id = p.source_id JOIN regions r ON r.code = p.region_code
    LEFT JOIN census_zones z ON z.id = p.zone_id LEFT JOIN users u ON u.id = p.enumerator_id
    ORDER BY p.source_id`.execute(db);
  return rows;
}

export async function verdictsOf(db: Db | Tx, sourceId: number) {
  const { rows } = await sql<{ department: string; verdict: 'agree' | 'disagree'; reason: string | null; user: string | null; at: Date }>`
    SELECT v.department, v.verdict, v.reason, u.display_name AS user, v.at FROM inventory_verdicts v LEFT JOIN users u ON u.id = v.user_id
    WHERE v.source_id = ${sourceId} ORDER BY v.department`.execute(db);
  return rows;
}

/** A department's verdict on a record; `regionCode` is the record's (its province is the verdict's). */
export async function putVerdict(trx: Tx, v: { sourceId: number; regionCode: string; department: string; verdict: 'agree' | 'disagree'; reason: string | null; userId: number | null }) {
  await sql`INSERT INTO inventory_verdicts (source_id, province_code, department, verdict, reason, user_id)
    VALUES (${v.sourceId}, ${provinceOf(v.regionCode)}, ${v.department}, ${v.verdict}, ${v.reason}, ${v.userId})
    ON CONFLICT (source_id, department, province_code) DO UPDATE SET verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, user_id = EXCLUDED.user_id, at = now()`.execute(trx);
}

export interface CountRow {
  key: string | null;
  state: string | null;
  sources: number;
  visited: number;
  confirmed: number;
  disputed: number;
}

/**
 * Counts per child of a region. Every active source counts as one to visit;
 * where it sits is its record's region (a zone's township) or, before it is
 * zoned, the source's own region. `keyLen` cuts region codes to the child level;
 * under a township the key is the zone.
 */
export async function countByChild(db: Db, prefix: string, keyLen: number | 'zone') {
  const key = keyLen === 'zone' ? sql`coalesce(z.code, '')` : sql`left(c.region_code, ${keyLen})`;
  // The counts kept by migration 0032's triggers: a few rows per township, not a row per source.
  const { rows } = await sql<CountRow>`
    SELECT ${key} AS key, nullif(c.state, '') AS state,
      sum(c.sources)::int AS sources,
      coalesce(sum(c.sources) FILTER (WHERE c.visited), 0)::int AS visited,
      coalesce(sum(c.sources) FILTER (WHERE c.confirmation = 'confirmed'), 0)::int AS confirmed,
      coalesce(sum(c.sources) FILTER (WHERE c.confirmation = 'disputed'), 0)::int AS disputed
    FROM inventory_counts c LEFT JOIN census_zones z ON z.id = nullif(c.zone_id, 0)
    WHERE ${inScopeOf('c', prefix)}
    GROUP BY 1, 2 HAVING sum(c.sources) <> 0`.execute(db);
  return rows;
}

/** The same counts read from every record and source: what the kept counts must equal (tests, the benchmark's check). */
export async function countByChildLive(db: Db, prefix: string, keyLen: number | 'zone') {
  const key = keyLen === 'zone' ? sql`coalesce(z.code, '')` : sql`left(u.region_code, ${keyLen})`;
  // Two index-friendly halves (records by their region, sources without a record
  // by theirs) rather than one filter on coalesce(), which no index serves.
  const { rows } = await sql<CountRow>`
    WITH u AS (
      -- a state counts once the field has sent it (a draft's state is not yet a finding)
      SELECT i.region_code, i.zone_id, CASE WHEN i.status IN ('submitted','approved','done','locked') THEN i.state END AS state, i.status, i.confirmation
      FROM inventory_records i JOIN sources s ON s.id = i.source_id
      WHERE ${inScopeOf('i', prefix)} AND i.status <> 'deleted' AND s.state = 'active'
      UNION ALL
      SELECT s.region_code, NULL, NULL, NULL, NULL FROM sources s
      WHERE ${inScopeOf('s', prefix)} AND s.state = 'active'
        AND NOT EXISTS (SELECT 1 FROM inventory_records i WHERE i.source_id = s.id))
    SELECT ${key} AS key, u.state,
      count(*)::int AS sources,
      (count(*) FILTER (WHERE u.status IN ('submitted','approved','done','locked')))::int AS visited,
      (count(*) FILTER (WHERE u.confirmation IN ('confirmed','settled')))::int AS confirmed,
      (count(*) FILTER (WHERE u.confirmation = 'disputed'))::int AS disputed
    FROM u LEFT JOIN census_zones z ON z.id = u.zone_id
    GROUP BY 1, 2`.execute(db);
  return rows;
}
