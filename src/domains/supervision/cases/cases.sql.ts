// All SQL of supervision cases.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { CaseStatus, CaseType } from '../../../core/db/schema.ts';

export interface CaseRow {
  id: number; type: CaseType; issuer_region: string; issuer_name: string; issuer_scope: string; target_region: string; target_name: string; target_scope: string;
  number: string; title: string; reasons: string; measures: string; due_on: string | null; status: CaseStatus; dispatch_id: number | null; lag_score: string | null;
  escalated_from: number | null; created_at: Date; closed_at: Date | null; version: number;
}

const SELECT = sql`SELECT c.id, c.type, c.issuer_region, i.name AS issuer_name, i.scope_prefix AS issuer_scope, c.target_region, t.name AS target_name, t.scope_prefix AS target_scope,
  c.number, c.title, c.reasons, c.measures, to_char(c.due_on, 'YYYY-MM-DD') AS due_on, c.status, c.dispatch_id, c.lag_score, c.escalated_from, c.created_at, c.closed_at, c.version
  FROM supervision_cases c JOIN regions i ON i.code = c.issuer_region JOIN regions t ON t.code = c.target_region`;

export async function lockCase(trx: Tx, id: number): Promise<void> {
  await sql`SELECT id FROM supervision_cases WHERE id = ${id} FOR UPDATE`.execute(trx);
}

export async function caseById(db: Db | Tx, id: number): Promise<CaseRow | undefined> {
  return (await sql<CaseRow>`${SELECT} WHERE c.id = ${id}`.execute(db)).rows[0];
}

export interface CaseFilter { direction: 'issued' | 'received' | 'all'; status?: CaseStatus; type?: CaseType; region?: string }

/** Cases seen from a scope: issued by a region in it, or addressed to one in it. */
export async function listCases(db: Db, scopePrefix: string, regionCode: string, f: CaseFilter, limit: number) {
  const like = `${scopePrefix}%`;
  const dir = f.direction === 'issued' ? sql`i.scope_prefix LIKE ${like}`
    : f.direction === 'received' ? sql`t.scope_prefix LIKE ${like} AND c.issuer_region <> ${regionCode} AND NOT (i.scope_prefix LIKE ${like} AND i.code <> ${regionCode} AND length(i.scope_prefix) > ${scopePrefix.length})`
      : sql`(i.scope_prefix LIKE ${like} OR t.scope_prefix LIKE ${like})`;
  return (await sql<CaseRow>`${SELECT} WHERE ${dir}
    ${f.status ? sql`AND c.status = ${f.status}` : sql``} ${f.type ? sql`AND c.type = ${f.type}` : sql``}
    ${f.region ? sql`AND (c.target_region = ${f.region} OR c.issuer_region = ${f.region})` : sql``}
    ORDER BY c.id DESC LIMIT ${limit}`.execute(db)).rows;
}

export async function nextNumber(trx: Tx, issuer: string, prefix: string, year: number): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) + 1 AS n FROM supervision_cases WHERE issuer_region = ${issuer} AND number LIKE ${`${prefix}〔${year}〕%`}`.execute(trx);
  return Number(r.rows[0]!.n);
}

export async function events(db: Db, caseId: number) {
  return (await sql<{ id: number; kind: string; text: string; files: string[]; by_user: number | null; by_name: string | null; at: Date }>`
    SELECT e.id, e.kind, e.text, e.files, e.by_user, u.display_name AS by_name, e.at
      FROM case_events e LEFT JOIN users u ON u.id = e.by_user WHERE e.case_id = ${caseId} ORDER BY e.id`.execute(db)).rows;
}

export async function filesByIds(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('supervision_files').select(['id', 'name', 'mime', 'bytes', 'sha256', 'region_code']).where('id', 'in', ids).execute();
}

/** Open cases past their due day, oldest first (the escalation chore). */
export async function overdue(db: Db, today: string, limit: number) {
  return (await sql<{ id: number }>`SELECT id FROM supervision_cases WHERE status = 'open' AND due_on < ${today} AND type <> 'praise' ORDER BY due_on, id LIMIT ${limit}`.execute(db)).rows.map((r) => r.id);
}
