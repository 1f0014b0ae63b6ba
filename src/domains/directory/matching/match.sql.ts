// SQL of matching: reading what to match, writing sources, links and the queue.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.ts';
import { namePinyin } from '../rules/name-pinyin.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export interface RowToMatch {
  register_id: number;
  row_number: number;
  department: string;
  imported_at: Date;
  region_code: string;
  credit_code: string | null;
  name: string;
  address: string | null;
  legal_rep: string | null;
  phone: string | null;
  industry_code: string | null;
}

/** Valid rows of imported registers in the scope that no source carries yet, in key order. */
export async function unlinkedRows(db: Db, scopePrefix: string, after: [number, number], limit: number) {
  const r = await sql<RowToMatch>`
    SELECT rr.register_id, rr.row_number, g.department, g.imported_at, rr.region_code, rr.credit_code,
           rr.name, rr.address, rr.legal_rep, rr.phone, rr.industry_code
    FROM register_rows rr
    JOIN registers g ON g.id = rr.register_id AND g.status = 'imported'
    WHERE rr.valid AND ${inScopeOf('rr', scopePrefix)}
      AND (rr.register_id, rr.row_number) > (${after[0]}, ${after[1]})
      AND NOT EXISTS (SELECT 1 FROM source_links l WHERE l.register_id = rr.register_id AND l.row_number = rr.row_number AND l.province_code = rr.province_code)
    ORDER BY rr.register_id, rr.row_number
    LIMIT ${limit}`.execute(db);
  return r.rows;
}

export interface SourceToMatch {
  id: number;
  region_code: string;
  credit_code: string | null;
  name: string;
  address: string | null;
  legal_rep: string | null;
  phone: string | null;
  industry_code: string | null;
  lat: number | null;
  lng: number | null;
}

/** Active sources in the scope, plus those elsewhere that share a credit code with the rows. */
export async function anchorSources(db: Db, scopePrefix: string, creditCodes: string[]) {
  const r = await sql<SourceToMatch>`
    SELECT id, region_code, credit_code, name, address, legal_rep, phone, industry_code, lat, lng
    FROM sources
    WHERE state = 'active' AND (region_code LIKE ${scopePrefix + '%'} OR credit_code = ANY(${creditCodes}::text[]))
    ORDER BY id`.execute(db);
  return r.rows;
}

/** Of `ids`, those merged away since they were read, each with the source it now lives on (the chain followed). */
export async function survivorsOf(db: Db, ids: number[]): Promise<Map<number, number>> {
  const r = await sql<{ id: number; survivor: number }>`
    WITH RECURSIVE chain(id, at) AS (
      SELECT id, merged_into FROM sources WHERE id = ANY(${ids}::bigint[]) AND merged_into IS NOT NULL
      UNION ALL SELECT c.id, s.merged_into FROM chain c JOIN sources s ON s.id = c.at WHERE s.merged_into IS NOT NULL
    )
    SELECT c.id, c.at AS survivor FROM chain c JOIN sources s ON s.id = c.at WHERE s.merged_into IS NULL`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.id), Number(x.survivor)]));
}

export async function startRun(db: Db, regionCode: string, jobId: number, thresholds: unknown) {
  const r = await sql<{ id: number }>`INSERT INTO match_runs (region_code, job_id, thresholds)
    VALUES (${regionCode}, ${jobId}, ${JSON.stringify(thresholds)}) RETURNING id`.execute(db);
  return r.rows[0].id;
}

/** Undoes what a run that did not finish wrote, so that it can run again from the start. */
export async function discardUnfinishedRuns(db: Db, jobId: number) {
  await db.transaction().execute(async (trx) => {
    const runs = await sql<{ id: number }>`SELECT id FROM match_runs WHERE job_id = ${jobId} AND status <> 'done'`.execute(trx);
    const ids = runs.rows.map((r) => r.id);
    if (ids.length === 0) return;
    await sql`DELETE FROM merge_candidates WHERE match_run = ANY(${ids}::bigint[])`.execute(trx);
    await sql`DELETE FROM source_links WHERE match_run = ANY(${ids}::bigint[])`.execute(trx);
    // (nor a source an enterprise's account names: users.source_id has no foreign key, see people/users.sql.ts)
    await sql`DELETE FROM sources WHERE match_run = ANY(${ids}::bigint[]) AND NOT EXISTS (SELECT 1 FROM source_links l WHERE l.source_id = sources.id)
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.source_id = sources.id)`.execute(trx);
    await sql`DELETE FROM match_runs WHERE id = ANY(${ids}::bigint[])`.execute(trx);
  });
}

export async function finishRun(db: Db, id: number, counts: { rowsRead: number; pairsScored: number; rowsLinked: number; sourcesCreated: number; queued: number }) {
  await sql`UPDATE match_runs SET status = 'done', finished_at = now(), rows_read = ${counts.rowsRead},
    pairs_scored = ${counts.pairsScored}, rows_linked = ${counts.rowsLinked}, sources_created = ${counts.sourcesCreated},
    queued = ${counts.queued} WHERE id = ${id}`.execute(db);
}

/** Takes n ids from the sources sequence, so new sources and their links can be written in one pass. */
export async function reserveSourceIds(db: Db, n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('sources', 'id'))::bigint AS id FROM generate_series(1, ${n})`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

export interface NewSource {
  id: number;
  region_code: string;
  credit_code: string | null;
  name: string;
  address: string | null;
  legal_rep: string | null;
  phone: string | null;
  industry_code: string | null;
  category: string;
  field_origins: string; // JSON
}

export async function insertSources(db: Db, rows: NewSource[], run: number) {
  if (rows.length === 0) return;
  const col = <K extends keyof NewSource>(k: K) => rows.map((r) => r[k]);
  const py = rows.map((r) => namePinyin(r.name, r.region_code));
  await sql`
    INSERT INTO sources (id, region_code, province_code, credit_code, name, address, legal_rep, phone, industry_code, category, field_origins, origin, match_run, name_pinyin, name_initials)
    OVERRIDING SYSTEM VALUE
    SELECT t.id, t.region_code, left(t.region_code, 2) || '0000', t.credit_code, t.name, t.address, t.legal_rep, t.phone, t.industry_code, t.category, t.field_origins::jsonb, 'register', ${run}, t.py, t.ini
    FROM unnest(${col('id')}::bigint[], ${col('region_code')}::text[], ${col('credit_code')}::text[], ${col('name')}::text[],
      ${col('address')}::text[], ${col('legal_rep')}::text[], ${col('phone')}::text[], ${col('industry_code')}::text[],
      ${col('category')}::text[], ${col('field_origins')}::text[], ${py.map((p) => p.pinyin)}::text[], ${py.map((p) => p.initials)}::text[])
      AS t(id, region_code, credit_code, name, address, legal_rep, phone, industry_code, category, field_origins, py, ini)`.execute(db);
}

/** A link sits with its row, in the row's province; its source may be another province's (a credit code found there). */
export interface NewLink {
  register_id: number;
  row_number: number;
  province_code: string;
  source_id: number;
  rule: 'new' | 'credit-code' | 'score';
  score: number | null;
}

export async function insertLinks(db: Db, links: NewLink[], run: number) {
  if (links.length === 0) return;
  const col = <K extends keyof NewLink>(k: K) => links.map((r) => r[k]);
  await sql`
    INSERT INTO source_links (register_id, row_number, province_code, source_id, rule, score, match_run)
    SELECT *, ${run}::bigint FROM unnest(${col('register_id')}::bigint[], ${col('row_number')}::int[], ${col('province_code')}::text[], ${col('source_id')}::bigint[],
      ${col('rule')}::text[], ${col('score')}::real[])`.execute(db);
}

/** A pair of one province's sources (matching never queues a pair across provinces), kept in that province. */
export interface NewCandidate {
  source_a: number;
  source_b: number;
  province_code: string;
  region_code: string;
  score: number;
  reasons: string; // JSON
}

/** Queues pairs; a pair already decided (or queued) keeps its status. */
export async function insertCandidates(db: Db, rows: NewCandidate[], run: number) {
  if (rows.length === 0) return 0;
  const col = <K extends keyof NewCandidate>(k: K) => rows.map((r) => r[k]);
  const r = await sql`
    INSERT INTO merge_candidates (source_a, source_b, province_code, region_code, score, reasons, match_run)
    SELECT t.a, t.b, t.province, t.region, t.score, t.reasons::jsonb, ${run}
    FROM unnest(${col('source_a')}::bigint[], ${col('source_b')}::bigint[], ${col('province_code')}::text[], ${col('region_code')}::text[],
      ${col('score')}::real[], ${col('reasons')}::text[]) AS t(a, b, province, region, score, reasons)
    ON CONFLICT (source_a, source_b, province_code) DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
