// SQL of phase acceptance: the region and its children with their standing acceptances, and the
// figures of a phase in a region.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { Phase, ReviewLevel } from '../../../core/db/schema.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export async function region(db: Db | Tx, code: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code', 'scope_prefix', 'pilot']).where('code', '=', code).executeTakeFirst();
}

export async function standing(db: Db | Tx, phase: Phase, code: string) {
  const r = await sql<{ id: number; signed_by: string; statement: string; figures: unknown; accepted_at: Date; by: string | null }>`
    SELECT a.id, a.signed_by, a.statement, a.figures, a.accepted_at, u.username AS by FROM phase_acceptances a LEFT JOIN users u ON u.id = a.accepted_by
    WHERE a.phase = ${phase} AND a.region_code = ${code} AND a.revoked_at IS NULL`.execute(db);
  return r.rows[0];
}

/** Children of a region at the accepting levels, whether they have sources, and whether they accepted. */
export async function children(db: Db | Tx, phase: Phase, code: string) {
  const r = await sql<{ code: string; name: string; level: string; has_work: boolean; accepted: boolean }>`
    SELECT c.code, c.name, c.level,
      EXISTS (SELECT 1 FROM sources s WHERE s.region_code LIKE c.scope_prefix || '%' AND s.state = 'active') AS has_work,
      EXISTS (SELECT 1 FROM phase_acceptances a WHERE a.phase = ${phase} AND a.region_code = c.code AND a.revoked_at IS NULL) AS accepted
    FROM regions c WHERE c.parent_code = ${code} AND c.level IN ('province', 'prefecture', 'county') ORDER BY c.code`.execute(db);
  return r.rows;
}

/** The figures of the inventory in a region: records, and those not yet through review. */
export async function inventoryFigures(db: Db | Tx, prefix: string) {
  const r = await sql<{ total: number; waiting: number; approved: number; deleted: number; added: number }>`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE status IN ('assigned', 'new', 'submitted', 'rejected'))::int AS waiting,
      count(*) FILTER (WHERE status IN ('approved', 'done', 'locked'))::int AS approved,
      count(*) FILTER (WHERE state = 'deleted')::int AS deleted,
      count(*) FILTER (WHERE state = 'added')::int AS added
    FROM inventory_records WHERE ${inScopeOf('inventory_records', prefix)}`.execute(db);
  return r.rows[0];
}

/** The figures of the survey in a region: forms, those still at or below `upTo`, and sources to survey with none. */
export async function surveyFigures(db: Db | Tx, prefix: string, upTo: readonly ReviewLevel[]) {
  const r = await sql<{ total: number; waiting: number; locked: number; returned: number }>`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE status IN ('draft', 'returned') OR review_level IN (${sql.join(upTo)}))::int AS waiting,
      count(*) FILTER (WHERE status = 'locked')::int AS locked,
      count(*) FILTER (WHERE status = 'returned')::int AS returned
    FROM submissions WHERE ${inScopeOf('submissions', prefix)}`.execute(db);
  const u = await sql<{ n: number }>`SELECT count(*)::int AS n FROM inventory_records ir JOIN inventory_states st ON st.code = ir.state AND st.to_survey
    WHERE ${inScopeOf('ir', prefix)} AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.source_id = ir.source_id)`.execute(db);
  return { ...r.rows[0], unsurveyed: u.rows[0].n };
}

export async function insertAcceptance(trx: Tx, a: { phase: Phase; regionCode: string; signedBy: string; statement: string; figures: unknown; userId: number | null }) {
  const row = await trx.insertInto('phase_acceptances').values({
    phase: a.phase, region_code: a.regionCode, province_code: `${a.regionCode.slice(0, 2)}0000`,
    signed_by: a.signedBy, statement: a.statement, figures: JSON.stringify(a.figures), accepted_by: a.userId,
  }).returning('id').executeTakeFirst();
  return row?.id;
}

export async function revoke(trx: Tx, phase: Phase, code: string, reason: string, userId: number | null) {
  const r = await trx.updateTable('phase_acceptances').set({ revoked_at: sql`now()`, revoked_by: userId, revoke_reason: reason })
    .where('phase', '=', phase).where('region_code', '=', code).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
