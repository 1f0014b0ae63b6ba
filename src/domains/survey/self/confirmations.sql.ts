// SQL of the legal representative's confirmations (the latest row of a source is the one read).
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';

export interface ConfirmationRow {
  id: number;
  legal_rep: string;
  statement: string;
  revisions: Record<string, number>;
  confirmed_at: Date;
  by: string | null;
  by_role: string | null;
}

export async function latestConfirmation(db: Db | Tx, sourceId: number): Promise<ConfirmationRow | undefined> {
  const r = await sql<ConfirmationRow>`
    SELECT c.id, c.legal_rep, c.statement, c.revisions, c.confirmed_at, u.username AS by, u.role AS by_role
    FROM survey_confirmations c LEFT JOIN users u ON u.id = c.confirmed_by
    WHERE c.source_id = ${sourceId} ORDER BY c.id DESC LIMIT 1`.execute(db);
  return r.rows[0];
}

export async function insertConfirmation(trx: Tx, v: { sourceId: number; regionCode: string; legalRep: string; statement: string; revisions: Record<string, number>; by: number | null }) {
  const r = await trx.insertInto('survey_confirmations').values({
    source_id: v.sourceId, region_code: v.regionCode, province_code: `${v.regionCode.slice(0, 2)}0000`,
    legal_rep: v.legalRep, statement: v.statement, revisions: JSON.stringify(v.revisions), confirmed_by: v.by,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}
