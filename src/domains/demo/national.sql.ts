// SQL of the national synthetic census (national.ts): set-based, one statement a step, so a step
// is whole or not at all and a resumed job redoes only the step it was in.
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { CARRIED, INDUSTRIES, pollutantMeans, type PlanRow } from './national-plan.ts';

/** Synthetic sources are named so; `national.ts` finds them (and refuses a second load) by it. */
export const NAME_PREFIX = '合成普查对象';

export async function syntheticCount(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sources WHERE name LIKE ${`${NAME_PREFIX}%`}`.execute(db);
  return r.rows[0].n;
}

export async function maxSourceId(db: Db): Promise<number> {
  return Number((await sql<{ m: number | null }>`SELECT max(id) AS m FROM sources`.execute(db)).rows[0].m ?? 0);
}

/**
 * The planned sources of some provinces, each placed in one of its province's counties (its
 * prefectures where it has no counties, as the Corps), with an industry class of its category.
 */
export async function insertSources(db: Db, rows: PlanRow[]) {
  const industries = (c: PlanRow['category']) => `{${INDUSTRIES[c].join(',')}}`;
  await sql`INSERT INTO sources (region_code, province_code, name, industry_code, category, origin)
    WITH plan AS (
      SELECT * FROM unnest(${rows.map((r) => r.province)}::text[], ${rows.map((r) => r.category)}::text[], ${rows.map((r) => r.count)}::int[], ${rows.map((r) => industries(r.category))}::text[])
        AS p(province, category, n, industries)
    ), places AS MATERIALIZED (
      SELECT p.province, coalesce(
        (SELECT array_agg(code ORDER BY code) FROM regions WHERE level = 'county' AND code LIKE left(p.province, 2) || '%'),
        (SELECT array_agg(code ORDER BY code) FROM regions WHERE level = 'prefecture' AND code LIKE left(p.province, 2) || '%'),
        ARRAY[p.province]) AS codes
      FROM (SELECT DISTINCT province FROM plan) p
    )
    SELECT pl.codes[1 + (g::bigint * 7919 + length(p.category)) % array_length(pl.codes, 1)], left(p.province, 2) || '0000',
      ${NAME_PREFIX} || p.province || '-' || p.category || '-' || g,
      (p.industries::text[])[1 + g % array_length(p.industries::text[], 1)],
      p.category, 'supplement'
    FROM plan p JOIN places pl ON pl.province = p.province CROSS JOIN generate_series(1, p.n) g`.execute(db);
}

/** Every synthetic source inventoried: normal, approved and confirmed by the departments. */
export async function insertInventory(db: Db, fromId: number) {
  await sql`INSERT INTO inventory_records (source_id, region_code, province_code, status, state, confirmation, confirmed_at, seq)
    SELECT id, region_code, left(region_code, 2) || '0000', 'approved', 'normal', 'confirmed', now(), id FROM sources
    WHERE id > ${fromId} AND name LIKE ${`${NAME_PREFIX}%`}
    ON CONFLICT (source_id, province_code) DO NOTHING`.execute(db);
}

/**
 * Each source's figures: for the pollutants of its category it carries (CARRIED), the mean per
 * figure times a factor between 0.2 and 1.8 (mean 1) spread by the id, so sums match the plan;
 * all approved (the census is over).
 */
export async function insertFigures(db: Db, fromId: number) {
  const m = pollutantMeans();
  await sql`INSERT INTO emissions (source_id, outlet_code, pollutant, province_code, region_code, category, industry_div, approved, method, generated, emitted, lineage)
    SELECT s.id, m.outlet, m.pollutant, left(s.region_code, 2) || '0000', s.region_code, s.category, left(s.industry_code, 2), true, 'coefficient',
      round((m.tonnes * f.x * 2.5)::numeric, 6), round((m.tonnes * f.x)::numeric, 6), '{"synthetic":true}'::jsonb
    FROM sources s
    JOIN unnest(${m.map((x) => x.category)}::text[], ${m.map((x) => x.pollutant)}::text[], ${m.map((x) => x.k)}::int[], ${m.map((x) => x.outlet)}::text[], ${m.map((x) => x.tonnes)}::float8[])
      AS m(category, pollutant, k, outlet, tonnes) ON m.category = s.category
    JOIN unnest(${Object.keys(CARRIED)}::text[], ${Object.values(CARRIED)}::int[]) AS c(category, carried) ON c.category = s.category
    CROSS JOIN LATERAL (SELECT 0.2 + ((s.id * 7919 + m.k * 104729) % 1601) / 1000.0 AS x) f
    WHERE s.id > ${fromId} AND s.name LIKE ${`${NAME_PREFIX}%`} AND (s.id * 7 + m.k * 13) % 8 < c.carried
    ON CONFLICT DO NOTHING`.execute(db);
}

/**
 * The figures added to the totals at every level, as the deltas keep them (detail and the three
 * '*' summaries; see rollup-rules.ts): one GROUP BY, added to what the rollups hold already.
 */
export async function addRollups(db: Db, fromId: number) {
  await sql`INSERT INTO emission_rollups AS r (region_code, category, industry_div, pollutant, approved, generated, emitted, figures)
    WITH base AS (
      SELECT region_code, category, industry_div, pollutant, approved, sum(coalesce(generated, 0)) AS g, sum(emitted) AS e, count(*) AS n
      FROM emissions WHERE source_id > ${fromId} AND lineage @> '{"synthetic":true}'::jsonb GROUP BY 1, 2, 3, 4, 5
    )
    SELECT a.k, CASE WHEN grouping(b.category) = 1 THEN '*' ELSE b.category END, CASE WHEN grouping(b.industry_div) = 1 THEN '*' ELSE b.industry_div END,
      b.pollutant, b.approved, sum(b.g), sum(b.e), sum(b.n)::int
    FROM base b CROSS JOIN LATERAL (
      SELECT DISTINCT k FROM unnest(ARRAY[b.region_code, CASE WHEN length(b.region_code) > 6 THEN left(b.region_code, 6) END,
        left(b.region_code, 4) || '00', left(b.region_code, 2) || '0000', '100000']) AS k WHERE k IS NOT NULL
    ) a
    GROUP BY GROUPING SETS ((a.k, b.category, b.industry_div, b.pollutant, b.approved), (a.k, b.category, b.pollutant, b.approved), (a.k, b.industry_div, b.pollutant, b.approved), (a.k, b.pollutant, b.approved))
    ON CONFLICT (region_code, category, industry_div, pollutant, approved)
      DO UPDATE SET generated = r.generated + excluded.generated, emitted = r.emitted + excluded.emitted, figures = r.figures + excluded.figures`.execute(db);
}
