// Seeding for bench/rollup.ts, all set-based SQL: synthetic emission figures for every active
// source, the rollups built from them once by GROUP BY (what the deltas would have left), and
// real submissions (G106-1 coefficient rows, G106-2 monitoring) whose `computed` has the shape
// the accounting methods read, for the approval-latency and recompute measurements.
import { sql } from 'kysely';
import type { Db } from '../src/core/db/index.ts';

/**
 * 1–4 figures per active source from six pollutants (which ones rotates with the id), magnitudes
 * in tonnes by pollutant and scaled by industry division (power, chemicals, minerals and metals
 * larger); ~60 % of sources approved (a source's figures share one verdict, as in figuresFor).
 * The region is the inventory record's, else the source's, as figuresFor takes it.
 */
export async function seedEmissions(db: Db) {
  await sql`INSERT INTO emissions (source_id, outlet_code, pollutant, province_code, region_code, category, industry_div, approved, method,
      generated, emitted, permit_flag, lineage)
    SELECT x.id, p.outlet, p.pollutant, left(x.region, 2) || '0000', x.region, x.category, x.div, (x.id * 40503) % 100 < 60,
      CASE WHEN p.outlet = 'DW001' AND x.id % 3 = 0 THEN 'monitoring' ELSE 'coefficient' END,
      round((p.mag * x.scale * (0.2 + ((x.id * 7919 + p.k * 104729) % 1000) / 500.0))::numeric, 6),
      round((p.mag * x.scale * (0.2 + ((x.id * 7919 + p.k * 104729) % 1000) / 500.0) * (0.05 + ((x.id + p.k) % 90) / 100.0))::numeric, 6),
      false, '{"method":"coefficient","bench":true}'::jsonb
    FROM (
      SELECT s.id, coalesce(ir.region_code, s.region_code) AS region, coalesce(s.category, '') AS category,
        CASE WHEN s.industry_code ~ '^[0-9]{2}' THEN left(s.industry_code, 2) ELSE '' END AS div,
        CASE WHEN s.industry_code LIKE '44%' THEN 40 WHEN left(s.industry_code, 2) IN ('25','26','30','31','32') THEN 8 WHEN left(s.industry_code, 2) IN ('17','22','27') THEN 3 ELSE 1 END AS scale
      FROM sources s LEFT JOIN inventory_records ir ON ir.source_id = s.id WHERE s.state = 'active'
    ) x
    CROSS JOIN LATERAL (
      SELECT v.k, v.outlet, v.pollutant, v.mag FROM (VALUES (0, 'DW001', 'COD', 2.0), (1, 'DW001', 'NH3N', 0.15), (2, 'DA001', 'SO2', 1.5),
        (3, 'DA001', 'NOX', 1.2), (4, 'DA001', 'PM', 0.8), (5, 'DA001', 'VOCS', 0.5)) v(k, outlet, pollutant, mag)
      WHERE (v.k + x.id) % 6 < 1 + x.id % 4
    ) p`.execute(db);
}

/**
 * The rollups from the figures, as the deltas keep them (the detail and the three '*' summaries of
 * rollup-rules.ts cuts, by GROUPING SETS; GROUPING() marks a summary, never a NULL): one GROUP BY at the figures' own region,
 * then every row counted once at each distinct key of rollup-rules.ts ancestors() — the region,
 * its county (a township's), prefecture (first 4 digits + 00), province (2 + 0000) and 100000.
 * DISTINCT matters where keys coincide (a county-level city directly under its province, 东莞).
 */
export async function seedRollups(db: Db) {
  await sql`INSERT INTO emission_rollups (region_code, category, industry_div, pollutant, approved, generated, emitted, figures)
    WITH base AS (
      SELECT region_code, category, industry_div, pollutant, approved, sum(coalesce(generated, 0)) AS g, sum(emitted) AS e, count(*) AS n
      FROM emissions GROUP BY 1, 2, 3, 4, 5
    )
    SELECT a.k, CASE WHEN grouping(b.category) = 1 THEN '*' ELSE b.category END, CASE WHEN grouping(b.industry_div) = 1 THEN '*' ELSE b.industry_div END, b.pollutant, b.approved, sum(b.g), sum(b.e), sum(b.n)::int
    FROM base b CROSS JOIN LATERAL (
      SELECT DISTINCT k FROM unnest(ARRAY[b.region_code, CASE WHEN length(b.region_code) > 6 THEN left(b.region_code, 6) END,
        left(b.region_code, 4) || '00', left(b.region_code, 2) || '0000', '100000']) AS k WHERE k IS NOT NULL
    ) a
    -- The detail and the three summaries rollup-rules.ts keeps ('*' = every category or division).
    GROUP BY GROUPING SETS ((a.k, b.category, b.industry_div, b.pollutant, b.approved), (a.k, b.category, b.pollutant, b.approved), (a.k, b.industry_div, b.pollutant, b.approved), (a.k, b.pollutant, b.approved))`.execute(db);
}

/** G106-2 (monitoring, manual) of one outlet as the engine leaves `computed`: flow t/a, mg/L. */
const g106_2 = (flow: string, results: string) => sql`jsonb_build_object('unitName', s.name, 'outlets', jsonb_build_array(jsonb_build_object(
  'outletCode', 'DW001', 'monitoringKind', 'manual', 'annualFlow', ${sql.raw(flow)}, 'dischargeDays', 300, 'results', ${sql.raw(results)})))`;

const COLUMNS = sql`id, source_id, region_code, province_code, form, version, status, answers, computed, ready, blocking, warnings, unexplained,
  rev, content_hash, created_by, updated_by, submitted_at, review_level, review_version, waiting_since, filled_level`;

/**
 * One G106-2 waiting at the county (an instructor's submit) for each of `ids`, COD and NH3N; the
 * sources are marked so the worker computes their figures (in review) before anything is timed.
 */
export async function seedWaiting(db: Db, ids: number[]) {
  await sql`INSERT INTO submissions (${COLUMNS})
    SELECT gen_random_uuid(), s.id, s.region_code, left(s.region_code, 2) || '0000', 'G106-2', 1, 'submitted', c.v, c.v, true, 0, 0, 0,
      1, encode(sha256(convert_to(c.v::text, 'UTF8')), 'hex'), u.id, u.id, now(), 'county', 1, now(), 'instructor'
    FROM sources s CROSS JOIN (SELECT id FROM users WHERE username = 'yq-instructor') u
    CROSS JOIN LATERAL (SELECT ${g106_2('50000 + (s.id % 1000) * 37', `jsonb_build_array(
      jsonb_build_object('pollutant', 'COD', 'concentration', 60 + s.id % 40, 'limit', 200, 'samples', 12),
      jsonb_build_object('pollutant', 'NH3N', 'concentration', 5 + s.id % 5, 'limit', 20, 'samples', 12))`)} AS v) c
    WHERE s.id IN (${sql.join(ids)})`.execute(db);
  await sql`INSERT INTO accounting_dirty (province_code, source_id) SELECT province_code, id FROM sources WHERE id = ANY(${ids}::bigint[]) ON CONFLICT DO NOTHING`.execute(db);
}

/**
 * `n` new sources across the largest province's counties, each with a G106-1 of 2–5 coefficient
 * rows (a dyeing outlet's COD/NH3N by product, a coal boiler's SO2/NOX/PM by fuel, with treatment,
 * η and k) and, for two in three, a G106-2 monitoring the same water outlet (COD, NH3N, TN): 3–6
 * figures each. Statuses spread over submitted (county), approved (city) and locked. All marked.
 */
export async function seedRecompute(db: Db, n: number, province: string) {
  await sql`INSERT INTO sources (region_code, province_code, name, address, industry_code, category, origin)
    SELECT c.code, left(c.code, 2) || '0000', '核算压测企业' || lpad(i::text, 5, '0') || '有限公司', c.name || '核算压测路' || i || '号',
      (ARRAY['1713','2614','3011','4411','3130','2221'])[1 + i % 6], 'industrial', 'supplement'
    FROM generate_series(1, ${n}) AS i
    JOIN (SELECT code, name, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS cnt FROM regions
      WHERE level = 'county' AND code LIKE ${province.slice(0, 2) + '%'}) c ON c.k = i % c.cnt`.execute(db);
  const mine = sql`s.name LIKE '核算压测企业%'`;
  const status = (expr: string) => sql.raw(`CASE ${expr} % 3 WHEN 0 THEN 'submitted' WHEN 1 THEN 'approved' ELSE 'locked' END`);
  const level = (expr: string) => sql.raw(`CASE ${expr} % 3 WHEN 0 THEN 'county' WHEN 1 THEN 'city' END`);
  await sql`INSERT INTO submissions (${COLUMNS})
    SELECT gen_random_uuid(), s.id, s.region_code, left(s.region_code, 2) || '0000', 'G106-1', 1, ${status('s.id')}, c.v, c.v, true, 0, 0, 0,
      1, encode(sha256(convert_to(c.v::text, 'UTF8')), 'hex'), u.id, u.id, now(), ${level('s.id')}, 1, now(), 'instructor'
    FROM sources s CROSS JOIN (SELECT id FROM users WHERE username = 'nation') u
    CROSS JOIN LATERAL (SELECT jsonb_build_object('unitName', s.name, 'rows', (
      SELECT jsonb_agg(r.row ORDER BY r.k) FROM (VALUES
        (0, jsonb_build_object('outletCode', 'DW001', 'step', '印染工序', 'activityKind', 'product', 'productName', '棉印染布', 'activityUnit', '10km',
          'activity', 1000 + s.id % 4000, 'pollutant', 'COD', 'genCoefficient', 300, 'treatment', 'W05', 'efficiency', 90, 'kFactor', 0.95, 'permitReported', 40)),
        (1, jsonb_build_object('outletCode', 'DW001', 'step', '印染工序', 'activityKind', 'product', 'productName', '棉印染布', 'activityUnit', '10km',
          'activity', 1000 + s.id % 4000, 'pollutant', 'NH3N', 'genCoefficient', 12, 'treatment', 'W05', 'efficiency', 80, 'kFactor', 0.95)),
        (2, jsonb_build_object('outletCode', 'DA001', 'step', '锅炉', 'activityKind', 'fuel', 'fuelCode', '01', 'activityUnit', 't',
          'activity', 2000 + s.id % 6000, 'pollutant', 'SO2', 'genCoefficient', 16, 'parameter', 0.8, 'treatment', 'S03', 'efficiency', 85,
          'opParams', jsonb_build_array(jsonb_build_object('name', '运行时间', 'value', 6000, 'unitText', 'h')))),
        (3, jsonb_build_object('outletCode', 'DA001', 'step', '锅炉', 'activityKind', 'fuel', 'fuelCode', '01', 'activityUnit', 't',
          'activity', 2000 + s.id % 6000, 'pollutant', 'NOX', 'genCoefficient', 2.94, 'treatment', 'N04', 'efficiency', 30, 'kFactor', 0.9)),
        (4, jsonb_build_object('outletCode', 'DA001', 'step', '锅炉', 'activityKind', 'fuel', 'fuelCode', '01', 'activityUnit', 't',
          'activity', 2000 + s.id % 6000, 'pollutant', 'PM', 'genCoefficient', 1.25, 'parameter', 18, 'treatment', 'D02', 'efficiency', 99.5, 'kFactor', 0.9))
      ) r(k, row) WHERE r.k < 2 + s.id % 4)) AS v) c
    WHERE ${mine}`.execute(db);
  await sql`INSERT INTO submissions (${COLUMNS})
    SELECT gen_random_uuid(), s.id, s.region_code, left(s.region_code, 2) || '0000', 'G106-2', 1, ${status('(s.id / 3)')}, c.v, c.v, true, 0, 0, 0,
      1, encode(sha256(convert_to(c.v::text, 'UTF8')), 'hex'), u.id, u.id, now(), ${level('(s.id / 3)')}, 1, now(), 'instructor'
    FROM sources s CROSS JOIN (SELECT id FROM users WHERE username = 'nation') u
    CROSS JOIN LATERAL (SELECT ${g106_2('100000 + (s.id % 1000) * 500', `jsonb_build_array(
      jsonb_build_object('pollutant', 'COD', 'concentration', 80 + s.id % 60, 'limit', 200, 'samples', 12),
      jsonb_build_object('pollutant', 'NH3N', 'concentration', 4 + s.id % 8, 'limit', 20, 'samples', 12),
      jsonb_build_object('pollutant', 'TN', 'concentration', 10 + s.id % 10, 'limit', 30, 'samples', 12))`)} AS v) c
    WHERE ${mine} AND s.id % 3 <> 0`.execute(db);
  const r = await sql<{ n: number }>`INSERT INTO accounting_dirty (province_code, source_id) SELECT province_code, id FROM sources s WHERE ${mine} ON CONFLICT DO NOTHING RETURNING 1 AS n`.execute(db);
  return r.rows.length;
}
