// 汇总 totals as the pages read them: a region's rollup rows (kept by deltas, never summed from
// the figures to draw a page) by pollutant, by source category, by industry division and by
// child region for the drill-down; approved data apart from data still in review. And one
// source's figures with the lineage of each.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';

interface Row { key: string; pollutant: string; approved: boolean; generated: string; emitted: string; figures: number }
export interface TotalItem { key: string; pollutant: string; approved: { generated: number; emitted: number }; review: { generated: number; emitted: number }; figures: number }

function fold(rows: Row[]): TotalItem[] {
  const out = new Map<string, TotalItem>();
  for (const r of rows) {
    const k = `${r.key}|${r.pollutant}`;
    const t = out.get(k) ?? { key: r.key, pollutant: r.pollutant, approved: { generated: 0, emitted: 0 }, review: { generated: 0, emitted: 0 }, figures: 0 };
    const side = r.approved ? t.approved : t.review;
    side.generated = Number((side.generated + Number(r.generated)).toPrecision(12));
    side.emitted = Number((side.emitted + Number(r.emitted)).toPrecision(12));
    t.figures += Number(r.figures);
    out.set(k, t);
  }
  return [...out.values()].filter((t) => t.figures !== 0 || t.approved.emitted !== 0 || t.review.emitted !== 0);
}

export type Totals = Awaited<ReturnType<typeof totals>>;

export async function totals(db: Db, actor: Actor, code?: string) {
  const regionCode = code ?? actor.regionCode;
  const region = await db.selectFrom('regions').select(['code', 'name', 'level', 'scope_prefix']).where('code', '=', regionCode).executeTakeFirst();
  if (!region || !region.scope_prefix.startsWith(actor.scopePrefix)) throw new AppError('REGION_NOT_FOUND', { code: regionCode.slice(0, 20) });
  // One statement for the whole page, every part read from the summary rows the deltas keep
  // (rollup-rules.ts: '*' for all categories or divisions), so each is a few rows whatever the
  // detail. The children as an array, not a join: joined to regions, PostgreSQL misjudged the rows
  // and scanned the whole rollup table for the nation (docs/benchmarks.md, bench:rollup).
  const rows = (await sql<Row & { g: 'p' | 'c' | 'i' | 'r'; name: string | null }>`
    SELECT CASE WHEN category = '*' AND industry_div = '*' THEN 'p' WHEN industry_div = '*' THEN 'c' ELSE 'i' END AS g,
      CASE WHEN category = '*' AND industry_div = '*' THEN pollutant WHEN industry_div = '*' THEN category ELSE industry_div END AS key,
      NULL AS name, pollutant, approved, generated, emitted, figures
    FROM emission_rollups WHERE region_code = ${region.code} AND (category = '*' OR industry_div = '*')
    UNION ALL SELECT 'r', x.region_code, c.name, x.pollutant, x.approved, x.generated, x.emitted, x.figures
    FROM emission_rollups x JOIN regions c ON c.code = x.region_code
    WHERE x.region_code = ANY (ARRAY(SELECT code FROM regions WHERE parent_code = ${region.code})) AND x.category = '*' AND x.industry_div = '*'
    ORDER BY 1, 2, 4`.execute(db)).rows;
  const of = (g: string) => fold(rows.filter((r) => r.g === g));
  const names = new Map(rows.filter((r) => r.g === 'r').map((r) => [r.key, r.name]));
  return {
    region: { code: region.code, name: region.name, level: region.level },
    unit: 't',
    pollutants: of('p'),
    byCategory: of('c'),
    byIndustry: of('i'),
    children: of('r').map((t) => ({ ...t, name: names.get(t.key) ?? null })),
  };
}

export async function sourceEmissions(db: Db, actor: Actor, sourceId: number) {
  const src = await sql<{ id: number; name: string; region_code: string; record_region: string | null }>`
    SELECT s.id, s.name, s.region_code, ir.region_code AS record_region FROM sources s LEFT JOIN inventory_records ir ON ir.source_id = s.id WHERE s.id = ${sourceId}`.execute(db);
  const s = src.rows[0];
  if (!s || !(s.record_region ?? s.region_code).startsWith(actor.scopePrefix)) throw new AppError('DIRECTORY_SOURCE_NOT_FOUND');
  const rows = await db.selectFrom('emissions').selectAll().where('source_id', '=', sourceId).orderBy('outlet_code').orderBy('pollutant').execute();
  const pending = !!(await db.selectFrom('accounting_dirty').select('source_id').where('source_id', '=', sourceId).executeTakeFirst());
  return {
    source: { id: s.id, name: s.name, regionCode: s.record_region ?? s.region_code },
    pending,
    figures: rows.map((r) => ({
      outletCode: r.outlet_code, pollutant: r.pollutant, method: r.method, approved: r.approved, generated: r.generated === null ? null : Number(r.generated),
      emitted: Number(r.emitted), permitReported: r.permit_reported === null ? null : Number(r.permit_reported), permitFlag: r.permit_flag, lineage: r.lineage, computedAt: r.computed_at,
    })),
  };
}
