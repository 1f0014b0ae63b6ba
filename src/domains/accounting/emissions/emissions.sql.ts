// SQL of the computed emissions: the sources marked for computing, what a source's accounting
// reads, its stored figures, and the rollup rows moved by deltas.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { Delta } from './rollup-rules.ts';

import { ACCOUNTING_FORMS } from '../forms-read.ts';

export { ACCOUNTING_FORMS };

/** The oldest marks; the time as text, because a JS Date would drop the microseconds the clear compares. */
export async function dirtySources(db: Db, limit: number) {
  const r = await sql<{ source_id: number; marked: string }>`SELECT source_id, marked_at::text AS marked FROM accounting_dirty ORDER BY marked_at LIMIT ${limit}`.execute(db);
  return r.rows.map((x) => ({ sourceId: Number(x.source_id), marked: x.marked }));
}

export async function inputsOf(db: Db | Tx, sourceId: number) {
  const src = await sql<{ id: number; region_code: string; category: string | null; industry_code: string | null; state: string; record_region: string | null }>`
    SELECT s.id, s.region_code, s.category, s.industry_code, s.state, ir.region_code AS record_region
    FROM sources s LEFT JOIN inventory_records ir ON ir.source_id = s.id WHERE s.id = ${sourceId}`.execute(db);
  const forms = await db.selectFrom('submissions').select(['form', 'status', 'review_level', 'computed', 'rev'])
    .where('source_id', '=', sourceId).where('form', 'in', [...ACCOUNTING_FORMS]).where('status', 'in', ['submitted', 'approved', 'locked']).execute();
  return { source: src.rows[0], forms };
}

export interface FigureRow {
  outlet_code: string; pollutant: string; region_code: string; category: string; industry_div: string; approved: boolean; generated: string | null; emitted: string;
}

export async function lockSource(trx: Tx, sourceId: number) {
  await sql`SELECT id FROM sources WHERE id = ${sourceId} FOR NO KEY UPDATE`.execute(trx);
}

export async function figuresOf(db: Db | Tx, sourceId: number): Promise<FigureRow[]> {
  return db.selectFrom('emissions').select(['outlet_code', 'pollutant', 'region_code', 'category', 'industry_div', 'approved', 'generated', 'emitted'])
    .where('source_id', '=', sourceId).execute();
}

export interface NewFigure {
  outletCode: string; pollutant: string; regionCode: string; category: string; industryDiv: string; approved: boolean; method: string;
  generated: number | null; emitted: number; permitReported: number | null; permitFlag: boolean; lineage: unknown;
}

export async function replaceFigures(trx: Tx, sourceId: number, rows: NewFigure[]) {
  await trx.deleteFrom('emissions').where('source_id', '=', sourceId).execute();
  if (!rows.length) return;
  await trx.insertInto('emissions').values(rows.map((r) => ({
    source_id: sourceId, outlet_code: r.outletCode, pollutant: r.pollutant, province_code: `${r.regionCode.slice(0, 2)}0000`, region_code: r.regionCode,
    category: r.category, industry_div: r.industryDiv, approved: r.approved, method: r.method as 'coefficient', generated: r.generated === null ? null : String(r.generated),
    emitted: String(r.emitted), permit_reported: r.permitReported === null ? null : String(r.permitReported), permit_flag: r.permitFlag, lineage: JSON.stringify(r.lineage),
  }))).execute();
}

/** Adds the deltas to the rollup rows (made on first use), in the deltas' sorted order. */
export async function applyDeltas(trx: Tx, ds: Delta[]) {
  for (let i = 0; i < ds.length; i += 200) {
    const chunk = ds.slice(i, i + 200);
    await sql`INSERT INTO emission_rollups AS r (region_code, category, industry_div, pollutant, approved, generated, emitted, figures)
      VALUES ${sql.join(chunk.map((d) => sql`(${d.region}, ${d.category}, ${d.industryDiv}, ${d.pollutant}, ${d.approved}, ${d.generated}, ${d.emitted}, ${d.figures})`))}
      ON CONFLICT (region_code, category, industry_div, pollutant, approved) DO UPDATE SET
        generated = r.generated + EXCLUDED.generated, emitted = r.emitted + EXCLUDED.emitted, figures = r.figures + EXCLUDED.figures`.execute(trx);
  }
}

/** Done with a source, unless it was marked again while it was computed. */
export async function clearDirty(trx: Tx, sourceId: number, marked: string) {
  await sql`DELETE FROM accounting_dirty WHERE source_id = ${sourceId} AND marked_at <= ${marked}::timestamptz`.execute(trx);
}

export async function settings(db: Db | Tx) {
  const s = await db.selectFrom('accounting_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { kDefault: Number(s.k_default), captureMin: Number(s.capture_min), permitRatioMax: Number(s.permit_ratio_max), manureUseDefault: Number(s.manure_use_default) };
}
