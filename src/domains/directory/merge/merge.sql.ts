// SQL of the merge queue and of merges and their undoing.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.ts';
import { namePinyin } from '../rules/name-pinyin.ts';
import { inScopeOf, provinceOf } from '../../../core/db/distribution.ts';

export interface CandidateRow {
  id: number;
  region_code: string;
  source_a: number;
  source_b: number;
  score: number;
  reasons: string[];
  status: string;
  version: number;
  decided_at: Date | null;
}

export async function listCandidates(db: Db, scopePrefix: string, status: string, after: number | undefined, limit: number) {
  const r = await sql<CandidateRow>`
    SELECT c.* FROM merge_candidates c
    JOIN sources a ON a.id = c.source_a AND a.province_code = c.province_code
    JOIN sources b ON b.id = c.source_b AND b.province_code = c.province_code
    -- an open pair whose source was merged or deleted elsewhere has nothing left to decide
    WHERE c.status = ${status} ${status === 'pending' || status === 'later' ? sql`AND a.state = 'active' AND b.state = 'active'` : sql``} AND ${inScopeOf('c', scopePrefix)} ${after ? sql`AND c.id > ${after}` : sql``}
    ORDER BY c.id LIMIT ${limit + 1}`.execute(db);
  return r.rows;
}

export async function lockCandidate(db: Db, id: number, scopePrefix: string) {
  const r = await sql<CandidateRow>`SELECT * FROM merge_candidates c WHERE id = ${id} AND ${inScopeOf('c', scopePrefix)} FOR UPDATE`.execute(db);
  return r.rows[0];
}

export async function decide(db: Db, id: number, status: string, userId: number | null) {
  await sql`UPDATE merge_candidates SET status = ${status}, decided_by = ${userId}, decided_at = now(), version = version + 1 WHERE id = ${id}`.execute(db);
}

export interface SourceFields {
  id: number;
  region_code: string;
  state: string;
  credit_code: string | null;
  name: string;
  address: string | null;
  legal_rep: string | null;
  phone: string | null;
  industry_code: string | null;
  field_origins: Record<string, unknown>;
  version: number;
}

export async function lockSources(db: Db, ids: number[]) {
  const r = await sql<SourceFields>`
    SELECT id, region_code, state, credit_code, name, address, legal_rep, phone, industry_code, field_origins, version
    FROM sources WHERE id = ANY(${ids}::bigint[]) ORDER BY id FOR UPDATE`.execute(db);
  return r.rows;
}

export async function linksOf(db: Db, sourceId: number) {
  const r = await sql<{ register_id: number; row_number: number }>`SELECT register_id, row_number FROM source_links WHERE source_id = ${sourceId}`.execute(db);
  return r.rows.map((x) => [Number(x.register_id), x.row_number] as [number, number]);
}

export async function moveLinks(db: Db, rows: MovedRow[], to: number, rule: string) {
  if (rows.length === 0) return;
  await sql`UPDATE source_links l SET source_id = ${to}, rule = ${rule}
    FROM unnest(${rows.map((r) => r[0])}::bigint[], ${rows.map((r) => r[1])}::int[]) AS m(register_id, row_number)
    WHERE l.register_id = m.register_id AND l.row_number = m.row_number`.execute(db);
}

export async function markMerged(db: Db, id: number, into: number | null) {
  await sql`UPDATE sources SET state = ${into === null ? 'active' : 'merged'}, merged_into = ${into}, version = version + 1, updated_at = now() WHERE id = ${id}`.execute(db);
}

export async function writeFields(db: Db, id: number, f: Omit<SourceFields, 'id' | 'region_code' | 'state' | 'version'>) {
  // The pinyin follows the name; the source's region says which county prefix to strip.
  const region = await sql<{ region_code: string }>`SELECT region_code FROM sources WHERE id = ${id}`.execute(db);
  const py = namePinyin(f.name, region.rows[0]?.region_code);
  await sql`UPDATE sources SET credit_code = ${f.credit_code}, name = ${f.name}, name_pinyin = ${py.pinyin}, name_initials = ${py.initials},
    address = ${f.address}, legal_rep = ${f.legal_rep},
    phone = ${f.phone}, industry_code = ${f.industry_code}, field_origins = ${JSON.stringify(f.field_origins)}::jsonb,
    version = version + 1, updated_at = now() WHERE id = ${id}`.execute(db);
}

/** A merge moves [registerId, rowNumber] pairs; a split adds each row's link rule, to put it back on undo. */
export type MovedRow = [number, number] | [number, number, string];

/** An event sits in its sources' province (both are one province's: a merge or a split never crosses). */
export async function insertEvent(db: Db, e: { kind?: 'merge' | 'split'; regionCode: string; survivor: number; other: number; candidate: number | null; moved: MovedRow[]; before: unknown; actorId: number | null }) {
  const r = await sql<{ id: number }>`
    INSERT INTO merge_events (kind, province_code, region_code, survivor_id, other_id, candidate_id, moved_rows, survivor_before, actor_id)
    VALUES (${e.kind ?? 'merge'}, ${provinceOf(e.regionCode)}, ${e.regionCode}, ${e.survivor}, ${e.other}, ${e.candidate}, ${JSON.stringify(e.moved)}::jsonb, ${JSON.stringify(e.before)}::jsonb, ${e.actorId})
    RETURNING id`.execute(db);
  return r.rows[0].id;
}

export interface EventRow {
  id: number;
  /** merge: other_id was merged into survivor_id; split: other_id was split off survivor_id. */
  kind: 'merge' | 'split';
  region_code: string;
  survivor_id: number;
  other_id: number;
  candidate_id: number | null;
  moved_rows: MovedRow[];
  survivor_before: Omit<SourceFields, 'id' | 'region_code' | 'state' | 'version'>;
  undone_at: Date | null;
  at: Date;
}

export async function lockEvent(db: Db, id: number, scopePrefix: string) {
  const r = await sql<EventRow>`SELECT * FROM merge_events e WHERE id = ${id} AND ${inScopeOf('e', scopePrefix)} FOR UPDATE`.execute(db);
  return r.rows[0];
}

export async function markUndone(db: Db, id: number, userId: number | null) {
  await sql`UPDATE merge_events SET undone_at = now(), undone_by = ${userId} WHERE id = ${id}`.execute(db);
}

export async function eventsOf(db: Db, sourceId: number) {
  const r = await sql<EventRow>`SELECT * FROM merge_events WHERE survivor_id = ${sourceId} OR other_id = ${sourceId} ORDER BY id DESC`.execute(db);
  return r.rows;
}

/** The match jobs queued or running, with the region each covers. */
export async function activeMatchJobs(db: Db) {
  const r = await sql<{ id: number; region: string }>`
    SELECT id, params->>'regionCode' AS region FROM jobs WHERE kind = 'directory.match' AND status IN ('queued', 'running') ORDER BY id`.execute(db);
  return r.rows.map((x) => ({ id: Number(x.id), region: x.region }));
}
