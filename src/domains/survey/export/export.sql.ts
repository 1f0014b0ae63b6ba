// SQL of the submissions export: one page in `seq` order after a cursor (keyset, never OFFSET),
// in the list's scope. Text comes as text (answers as their JSON, times as ISO text), so a page
// of thousands of rows costs no Date or JSON parsing on the way out.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../access/index.ts';
import { scopeWhere } from '../submissions/submissions.sql.ts';

export interface ExportFilter { form?: string; region?: string; status?: string }

export interface ExportRow {
  seq: number; id: string; form: string; source_id: number; credit_code: string | null; source_name: string; region_code: string;
  region_name: string | null; status: string; version: number; submitted_at: string | null; updated_at: string; answers: string;
}

const iso = (c: RawBuilder<unknown>) => sql`to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function exportPage(db: Db, actor: Actor, f: ExportFilter, after: number, limit: number): Promise<ExportRow[]> {
  const where = [scopeWhere(actor), sql`s.seq > ${after}`];
  if (f.form) where.push(sql`s.form = ${f.form}`);
  if (f.status) where.push(sql`s.status = ${f.status}`);
  if (f.region) where.push(sql`s.region_code LIKE ${`${f.region}%`}`);
  // The page first, then its sources and region names (joining before the LIMIT would make the
  // planner hash every region for each page).
  const r = await sql<ExportRow>`
    SELECT p.seq, p.id, p.form, p.source_id, src.credit_code, src.name AS source_name, p.region_code,
      (SELECT r.name FROM regions r WHERE r.code = p.region_code) AS region_name, p.status, p.version,
      ${iso(sql`p.submitted_at`)} AS submitted_at, ${iso(sql`p.updated_at`)} AS updated_at, p.answers::text AS answers
    FROM (SELECT s.seq, s.id, s.form, s.source_id, s.region_code, s.status, s.version, s.submitted_at, s.updated_at, s.answers
          FROM submissions s WHERE ${sql.join(where, sql` AND `)} ORDER BY s.seq LIMIT ${limit}) p
    JOIN sources src ON src.id = p.source_id
    ORDER BY p.seq`.execute(db);
  return r.rows;
}
