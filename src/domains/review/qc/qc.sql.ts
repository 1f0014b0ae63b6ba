// SQL of quality control: the national settings, drawing a random sample of a county, the
// findings of a re-check, and the items behind the rates.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { Phase } from '../../../core/db/schema.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export async function settings(db: Db | Tx) {
  const r = await db.selectFrom('qc_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return {
    errorRateMax: Number(r.error_rate_max), omissionRateMax: Number(r.omission_rate_max),
    inventoryAdded: r.inventory_added, inventoryDeleted: r.inventory_deleted, surveyShare: Number(r.survey_share),
  };
}
export type QcSettings = Awaited<ReturnType<typeof settings>>;

export async function saveSettings(trx: Tx, s: QcSettings, userId: number | null) {
  await trx.updateTable('qc_settings').set({
    error_rate_max: String(s.errorRateMax), omission_rate_max: String(s.omissionRateMax), inventory_added: s.inventoryAdded,
    inventory_deleted: s.inventoryDeleted, survey_share: String(s.surveyShare), updated_by: userId, updated_at: sql`now()`,
  }).where('id', '=', 1).execute();
}

/** Random inventory records of a county in a state: 增补 added, 删除 deleted. */
export async function drawInventory(db: Db | Tx, county: string, state: string, n: number) {
  if (n <= 0) return [];
  const r = await sql<{ source_id: number; category: string }>`SELECT ir.source_id, s.category FROM inventory_records ir JOIN sources s ON s.id = ir.source_id
    WHERE ${inScopeOf('ir', county)} AND ir.state = ${state} ORDER BY random() LIMIT ${n}`.execute(db);
  return r.rows;
}

/** Sources of a county with submitted forms, by category: the frame of a survey sample. */
export async function surveyFrame(db: Db | Tx, county: string) {
  const r = await sql<{ category: string; n: number }>`SELECT src.category, count(DISTINCT s.source_id)::int AS n FROM submissions s JOIN sources src ON src.id = s.source_id
    WHERE ${inScopeOf('s', county)} AND s.status IN ('submitted','approved','locked') GROUP BY src.category`.execute(db);
  return r.rows;
}

export async function drawSurvey(db: Db | Tx, county: string, category: string, n: number) {
  const r = await sql<{ source_id: number; category: string }>`SELECT x.source_id, x.category FROM (
      SELECT DISTINCT s.source_id, src.category FROM submissions s JOIN sources src ON src.id = s.source_id
      WHERE ${inScopeOf('s', county)} AND s.status IN ('submitted','approved','locked') AND src.category = ${category}) x
    ORDER BY random() LIMIT ${n}`.execute(db);
  return r.rows;
}

export async function insertSample(trx: Tx, s: { phase: Phase; regionCode: string; teamId: number | null; params: unknown; userId: number | null }, items: { source_id: number; category: string; stratum: string }[]) {
  const row = await trx.insertInto('qc_samples').values({
    phase: s.phase, region_code: s.regionCode, province_code: `${s.regionCode.slice(0, 2)}0000`, team_id: s.teamId, params: JSON.stringify(s.params), drawn_by: s.userId,
  }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('qc_sample_items').values(items.map((i) => ({
    sample_id: row.id, source_id: i.source_id, province_code: `${s.regionCode.slice(0, 2)}0000`, stratum: i.stratum, category: i.category,
  }))).execute();
  return row.id;
}

export async function getSample(db: Db | Tx, id: number) {
  return db.selectFrom('qc_samples').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function itemsOf(db: Db | Tx, sampleIds: number[]) {
  if (!sampleIds.length) return [];
  const r = await sql<{ sample_id: number; source_id: number; source_name: string; stratum: string; category: string; state: string | null; verdict: 'right' | 'wrong' | null;
    fields_checked: number; fields_wrong: number; missed: number; note: string; checked_by: string | null; checked_at: Date | null }>`
    SELECT i.sample_id, i.source_id, s.name AS source_name, i.stratum, i.category, ir.state, i.verdict, i.fields_checked, i.fields_wrong, i.missed, i.note,
      u.username AS checked_by, i.checked_at
    FROM qc_sample_items i JOIN sources s ON s.id = i.source_id LEFT JOIN inventory_records ir ON ir.source_id = i.source_id LEFT JOIN users u ON u.id = i.checked_by
    WHERE i.sample_id IN (${sql.join(sampleIds)}) ORDER BY i.sample_id, i.stratum, i.source_id`.execute(db);
  return r.rows;
}

export async function listSamples(db: Db | Tx, prefix: string, phase?: Phase) {
  let q = db.selectFrom('qc_samples as q').leftJoin('regions as r', 'r.code', 'q.region_code').leftJoin('users as u', 'u.id', 'q.drawn_by')
    .select(['q.id', 'q.phase', 'q.region_code', 'r.name as region_name', 'q.team_id', 'q.params', 'q.drawn_at', 'u.username as drawn_by'])
    .where('q.region_code', 'like', `${prefix}%`);
  if (phase) q = q.where('q.phase', '=', phase);
  return q.orderBy('q.id', 'desc').limit(500).execute();
}

export async function recordItem(trx: Tx, sampleId: number, sourceId: number, f: { verdict: 'right' | 'wrong'; fieldsChecked: number; fieldsWrong: number; missed: number; note: string }, userId: number | null) {
  const r = await trx.updateTable('qc_sample_items').set({
    verdict: f.verdict, fields_checked: f.fieldsChecked, fields_wrong: f.fieldsWrong, missed: f.missed, note: f.note, checked_by: userId, checked_at: sql`now()`,
  }).where('sample_id', '=', sampleId).where('source_id', '=', sourceId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every re-checked item of a phase in a scope, with the county it was drawn in. */
export async function resultsIn(db: Db | Tx, prefix: string, phase: Phase) {
  const r = await sql<{ county: string; county_name: string | null; category: string; stratum: string; verdict: 'right' | 'wrong' | null; fields_checked: number; fields_wrong: number; missed: number }>`
    SELECT q.region_code AS county, rg.name AS county_name, i.category, i.stratum, i.verdict, i.fields_checked, i.fields_wrong, i.missed
    FROM qc_samples q JOIN qc_sample_items i ON i.sample_id = q.id LEFT JOIN regions rg ON rg.code = q.region_code
    WHERE ${inScopeOf('q', prefix)} AND q.phase = ${phase}`.execute(db);
  return r.rows;
}
