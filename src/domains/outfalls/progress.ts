// Progress of the three-level search per child region and per reach: how many points are still
// suspects, how many the field has checked, how many the experts have verified.
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { inScope, type Actor } from '../access/index.ts';
import * as q from './outfalls.sql.ts';
import { OUTFALL_STATES, type OutfallState } from './rules/outfall.ts';

type Counts = Record<OutfallState, number> & { total: number; checkedPct: number };

function tally(rows: Array<{ state: string; n: number }>): Counts {
  const c = Object.fromEntries(OUTFALL_STATES.map((s) => [s, 0])) as Record<OutfallState, number>;
  for (const r of rows) c[r.state as OutfallState] += Number(r.n);
  const total = OUTFALL_STATES.reduce((a, s) => a + c[s], 0);
  return { ...c, total, checkedPct: total ? Math.round(((total - c.suspect) / total) * 1000) / 10 : 0 };
}

export async function outfallProgress(db: Db, actor: Actor, regionCode?: string) {
  const code = regionCode ?? actor.regionCode;
  if (!inScope(actor.scopePrefix, code)) throw new AppError('REGION_NOT_FOUND', { code });
  const region = await db.selectFrom('regions').select(['code', 'name', 'scope_prefix', 'level']).where('code', '=', code).executeTakeFirst();
  if (!region) throw new AppError('REGION_NOT_FOUND', { code });
  const prefix = region.scope_prefix.length >= actor.scopePrefix.length ? region.scope_prefix : actor.scopePrefix;
  const children = await db.selectFrom('regions').select(['code', 'name', 'scope_prefix']).where('parent_code', '=', code).orderBy('code').execute();
  const byRegion = await q.stateCounts(db, 'region_code', { prefix });
  const reaches = await q.listReaches(db, prefix);
  const byReach = await q.stateCounts(db, 'reach_id', { prefix, reachIds: reaches.map((r) => r.id) });
  return {
    region: { code: region.code, name: region.name },
    totals: tally(byRegion),
    children: children.map((c) => ({ code: c.code, name: c.name, ...tally(byRegion.filter((r) => r.region_code!.startsWith(c.scope_prefix))) })).filter((c) => c.total > 0 || children.length <= 40),
    reaches: reaches.map((r) => ({ id: r.id, name: r.name, waterBody: r.water_body, regionCode: r.region_code, ...tally(byReach.filter((x) => x.reach_id === r.id)) })),
  };
}
