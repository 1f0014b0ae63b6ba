// 审核规则目录: how often each blocking and warning rule of the forms fires in the current
// submissions of a scope, per region one level down; and a region-level check beside them —
// a peer-ratio outlier: a region whose share of forms with warnings is over twice the median
// of its peers (year-on-year checks need a previous census, which Pucha does not hold).
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../access/index.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

/** The code of the region one level below a scope prefix that holds a region code. */
function childCode(prefixLength: number) {
  if (prefixLength === 0) return sql`substr(s.region_code, 1, 2) || '0000'`;
  if (prefixLength === 2) return sql`substr(s.region_code, 1, 4) || '00'`;
  if (prefixLength === 4) return sql`substr(s.region_code, 1, 6)`;
  return sql`substr(s.region_code, 1, 9)`;
}

export async function ruleCatalogue(db: Db, actor: Actor, region?: string) {
  const prefix = region && region.startsWith(actor.scopePrefix) ? region.replace(/(00)+$/, '') || actor.scopePrefix : actor.scopePrefix;
  const child = childCode(prefix.length);
  const fired = await sql<{ rule: string; severity: string; form: string; region: string; n: number }>`
    SELECT i->>'rule' AS rule, i->>'severity' AS severity, s.form, ${child} AS region, count(*)::int AS n
    FROM submissions s CROSS JOIN LATERAL jsonb_array_elements(s.issues) i
    WHERE ${inScopeOf('s', prefix)} GROUP BY 1, 2, 3, 4`.execute(db);
  const shares = await sql<{ region: string; total: number; warned: number }>`
    SELECT ${child} AS region, count(*)::int AS total, count(*) FILTER (WHERE s.warnings > 0)::int AS warned
    FROM submissions s WHERE ${inScopeOf('s', prefix)} AND s.status <> 'draft' GROUP BY 1`.execute(db);
  const codes = [...new Set([...fired.rows.map((r) => r.region), ...shares.rows.map((r) => r.region)])];
  const names = new Map(codes.length ? (await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute()).map((r) => [r.code, r.name]) : []);

  const rules = new Map<string, { rule: string; severity: string; form: string; count: number; regions: { code: string; name: string | null; count: number }[] }>();
  for (const r of fired.rows) {
    const key = `${r.form}|${r.rule}|${r.severity}`;
    const e = rules.get(key) ?? { rule: r.rule, severity: r.severity, form: r.form, count: 0, regions: [] };
    e.count += r.n;
    e.regions.push({ code: r.region, name: names.get(r.region) ?? null, count: r.n });
    rules.set(key, e);
  }
  const ratios = shares.rows.filter((r) => r.total >= 5).map((r) => ({ code: r.region, share: r.warned / r.total, total: r.total }));
  const sorted = ratios.map((r) => r.share).sort((a, b) => a - b);
  const median = sorted.length ? (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : null;
  return {
    items: [...rules.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
    regionChecks: ratios.map((r) => ({
      check: 'peer-ratio', metric: 'warning-share', regionCode: r.code, regionName: names.get(r.code) ?? null, forms: r.total,
      value: Number(r.share.toFixed(4)), median: median === null ? null : Number(median.toFixed(4)),
      outlier: median !== null && ratios.length >= 3 && r.share > 2 * median && r.share > 0,
    })),
  };
}
