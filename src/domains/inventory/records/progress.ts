// 清查进度: per child region (per zone under a township) the sources to visit,
// visited, per state, confirmed, disputed and the completion rate. These are the
// figures the supervision of lagging regions reads.
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { getStates } from '../config.ts';
import { countByChild, type CountRow } from './review.sql.ts';
import { StaleCache } from '../../../core/stale-cache.ts';

const CHILD_KEY: Record<string, number | 'zone'> = { nation: 2, province: 4, prefecture: 6, county: 9, township: 'zone' };

export interface ProgressRow {
  code: string | null;
  name: string;
  level: string;
  sources: number;
  visited: number;
  byState: Record<string, number>;
  confirmed: number;
  disputed: number;
  /** Confirmed (or settled) in a state that goes on to the survey: the survey's list. */
  toSurvey: number;
  completion: number;
}

const empty = (code: string | null, name: string, level: string): ProgressRow => ({ code, name, level, sources: 0, visited: 0, byState: {}, confirmed: 0, disputed: 0, toSurvey: 0, completion: 0 });

function add(row: ProgressRow, c: CountRow, surveyed: Set<string>) {
  row.sources += c.sources;
  if (c.state && surveyed.has(c.state)) row.toSurvey += c.confirmed;
  row.visited += c.visited;
  row.confirmed += c.confirmed;
  row.disputed += c.disputed;
  if (c.state) row.byState[c.state] = (row.byState[c.state] ?? 0) + c.sources;
}

/**
 * The counts come from inventory_counts, kept by triggers as records and sources change
 * (migration 0032): a county sums a few hundred rows, the nation some tens of thousands (8 ms at
 * 3.6 M sources, where counting the records took 4–6 s; see docs/benchmarks.md). The nation's and
 * a province's answers are still kept for ten seconds, then served up to a minute old while one
 * recount runs behind them (the page shows the time): national dashboards are read by many at
 * once. A county's and a township's view is never cached.
 */
const caches = new WeakMap<Db, StaleCache<CountRow[]>>();
async function counts(db: Db, prefix: string, keyLen: number | 'zone', level: string) {
  if (level !== 'nation' && level !== 'province') return { rows: await countByChild(db, prefix, keyLen), asOf: new Date() };
  const cache = caches.get(db) ?? new StaleCache<CountRow[]>({ ttlMs: 10_000, maxStaleMs: 60_000 });
  caches.set(db, cache);
  const { value, at } = await cache.get(`${prefix}|${keyLen}`, () => countByChild(db, prefix, keyLen));
  return { rows: value, asOf: new Date(at) };
}

const finish = (r: ProgressRow) => ({ ...r, completion: r.sources ? Math.round((r.visited / r.sources) * 10000) / 10000 : 0 });

export async function progress(db: Db, actor: Actor, code?: string) {
  const regionCode = code ?? actor.regionCode;
  const region = await db.selectFrom('regions').select(['code', 'name', 'level', 'scope_prefix']).where('code', '=', regionCode).executeTakeFirst();
  if (!region || !region.scope_prefix.startsWith(actor.scopePrefix)) throw new AppError('REGION_NOT_FOUND', { code: regionCode });
  const keyLen = CHILD_KEY[region.level];
  if (keyLen === undefined) throw new AppError('REGION_NOT_FOUND', { code: regionCode });
  const { rows: found, asOf } = await counts(db, region.scope_prefix, keyLen, region.level);
  const surveyed = new Set((await getStates(db)).filter((s) => s.toSurvey).map((s) => s.code));

  const rows = new Map<string, ProgressRow>();
  if (keyLen === 'zone') {
    const zones = await db.selectFrom('census_zones').select(['code', 'name']).where('region_code', '=', region.code).orderBy('code').execute();
    for (const z of zones) rows.set(z.code, empty(z.code, z.name, 'zone'));
  } else {
    const children = await db.selectFrom('regions').select(['code', 'name', 'level', 'scope_prefix']).where('parent_code', '=', region.code).where('level', '<>', 'village').orderBy('code').execute();
    for (const c of children) rows.set(c.scope_prefix, empty(c.code, c.name, c.level));
  }
  const total = empty(region.code, region.name, region.level);
  const unplaced = empty(null, '', keyLen === 'zone' ? 'zone' : 'unplaced');
  for (const c of found) {
    add(total, c, surveyed);
    add((c.key !== null && rows.get(c.key)) || unplaced, c, surveyed);
  }
  const list = [...rows.values()];
  if (unplaced.sources > 0) list.push(unplaced);
  return { region: { code: region.code, name: region.name, level: region.level }, asOf, total: finish(total), rows: list.map(finish) };
}
