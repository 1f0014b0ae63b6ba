// SQL of splitting a source: its linked rows with what survivorship needs, the
// new source, the decided pair between the two, and links moved with their rules.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.ts';
import { namePinyin } from '../rules/name-pinyin.ts';
import { provinceOf } from '../../../core/db/distribution.ts';

export interface LinkedRowFull {
  register_id: number;
  row_number: number;
  rule: string;
  department: string;
  imported_at: Date | string | null;
  region_code: string;
  credit_code: string | null;
  name: string;
  address: string | null;
  legal_rep: string | null;
  phone: string | null;
  industry_code: string | null;
}

/** The rows a source carries, locked, with their register's department and import time. */
export async function linkedRowsForSplit(db: Db, sourceId: number) {
  const r = await sql<LinkedRowFull>`
    SELECT l.register_id, l.row_number, l.rule, g.department, g.imported_at, rr.region_code,
           rr.credit_code, rr.name, rr.address, rr.legal_rep, rr.phone, rr.industry_code
    FROM source_links l JOIN register_rows rr USING (register_id, row_number) JOIN registers g ON g.id = l.register_id
    WHERE l.source_id = ${sourceId} ORDER BY l.register_id, l.row_number FOR UPDATE OF l`.execute(db);
  return r.rows.map((x) => ({ ...x, register_id: Number(x.register_id) }));
}

/** Which of these credit codes an active source other than `except` holds. */
export async function creditCodesHeld(db: Db, codes: string[], except: number) {
  if (codes.length === 0) return new Set<string>();
  const r = await sql<{ credit_code: string }>`
    SELECT credit_code FROM sources WHERE state = 'active' AND id <> ${except} AND credit_code = ANY(${codes}::text[])`.execute(db);
  return new Set(r.rows.map((x) => x.credit_code));
}

export interface SplitSource {
  region_code: string;
  credit_code: string | null;
  name: string;
  address: string | null;
  legal_rep: string | null;
  phone: string | null;
  industry_code: string | null;
  category: string;
  field_origins: Record<string, unknown>;
}

export async function insertSplitSource(db: Db, s: SplitSource) {
  const py = namePinyin(s.name, s.region_code);
  const r = await sql<{ id: number }>`
    INSERT INTO sources (region_code, province_code, credit_code, name, address, legal_rep, phone, industry_code, category, field_origins, origin, name_pinyin, name_initials)
    VALUES (${s.region_code}, ${provinceOf(s.region_code)}, ${s.credit_code}, ${s.name}, ${s.address}, ${s.legal_rep}, ${s.phone}, ${s.industry_code}, ${s.category},
            ${JSON.stringify(s.field_origins)}::jsonb, 'register', ${py.pinyin}, ${py.initials})
    RETURNING id`.execute(db);
  return Number(r.rows[0].id);
}

/** The pair the reviewer has just declared different, recorded as decided. */
export async function insertDecidedPair(db: Db, p: { regionCode: string; a: number; b: number; status: string; reasons: string[]; actorId: number | null }) {
  const [lo, hi] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
  const r = await sql<{ id: number }>`
    INSERT INTO merge_candidates (province_code, region_code, source_a, source_b, score, reasons, status, decided_by, decided_at)
    VALUES (${provinceOf(p.regionCode)}, ${p.regionCode}, ${lo}, ${hi}, 0, ${JSON.stringify(p.reasons)}::jsonb, ${p.status}, ${p.actorId}, now())
    ON CONFLICT (source_a, source_b, province_code) DO UPDATE SET status = excluded.status, decided_by = excluded.decided_by,
      decided_at = excluded.decided_at, version = merge_candidates.version + 1
    RETURNING id`.execute(db);
  return Number(r.rows[0].id);
}

/** Moves links to `to`, each with its own rule (a split's undo puts back how each row was linked). */
export async function moveLinksWithRules(db: Db, rows: [number, number, string][], to: number) {
  if (rows.length === 0) return;
  await sql`UPDATE source_links l SET source_id = ${to}, rule = m.rule
    FROM unnest(${rows.map((r) => r[0])}::bigint[], ${rows.map((r) => r[1])}::int[], ${rows.map((r) => r[2])}::text[]) AS m(register_id, row_number, rule)
    WHERE l.register_id = m.register_id AND l.row_number = m.row_number`.execute(db);
}
