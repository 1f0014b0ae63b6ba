// Progress, lag and ranking of the children of a region on a day, from Pucha's own data
// (metrics.sql.ts) and the pure rules (rules/). Figures for a day are cached ten seconds: a
// dashboard polled by many offices reads the database once, and a change shows within seconds.
import type { Db } from '../../core/db/index.ts';
import type { CensusPhase, RegionLevel } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { addDays, isIsoDate, type PhaseDates } from './rules/calendar.ts';
import { lagOf, rankWithChange, type Lag, type Metrics } from './rules/lag.ts';
import { gapsOf, type Gap, type Readiness } from './rules/readiness.ts';
import { calendarRows, children, rawCounts, readinessOn, region, sumRaw, type Raw, type ReadinessRow, type RegionRow } from './metrics.sql.ts';
import { StaleCache } from '../../core/stale-cache.ts';
import { onChange } from '../../core/db/changes.ts';

export function metricsOf(r: Raw, gaps: number): Metrics {
  const share = (a: number, b: number) => (b ? Math.min(1, a / b) : null);
  return {
    'directory.signedOff': share(r.signed, r.counties),
    'inventory.records': r.records,
    'inventory.visited': share(r.visited, r.records),
    'inventory.confirmed': share(r.confirmed, r.records),
    'inventory.accepted': share(r.accepted, r.counties),
    'survey.forms': r.submitted,
    'survey.submitted': share(r.sourcesSubmitted, r.toSurvey),
    'survey.approved': share(r.approved, r.submitted),
    'review.passRate': share(r.approvals, r.approvals + r.rejections),
    'qc.errorRate': share(r.qcWrong, r.qcChecked),
    'qc.omissionRate': share(r.qcDropped + r.qcMissed, r.qcChecked + r.qcMissed),
    'readiness.gaps': gaps,
  };
}

export function readinessOf(r: ReadinessRow | undefined): Readiness | null {
  if (!r) return null;
  return {
    leadingGroupOn: r.leading_group_on, officeOn: r.office_on, planOn: r.plan_on,
    meetings: Array.isArray(r.meetings) ? r.meetings as Readiness['meetings'] : [],
    inAssessment: r.in_assessment, staffNeeded: r.staff_needed, staffOwn: r.staff_own, staffSeconded: r.staff_seconded,
    officeSpace: r.office_space, networkConnected: r.network_connected, fundsBudgeted: Number(r.funds_budgeted), fundsArrived: Number(r.funds_arrived),
    agencyContracted: r.agency_contracted,
  };
}

export async function loadCalendar(db: Db) {
  const { phases, deadlines, pilots } = await calendarRows(db);
  const calendar: PhaseDates[] = phases.map((p) => ({
    phase: p.phase, startsOn: p.starts_on, endsOn: p.ends_on, weight: p.weight,
    deadlines: Object.fromEntries(deadlines.filter((d) => d.phase === p.phase).map((d) => [d.level, d.due_on])),
  }));
  return { calendar, pilots };
}

export interface ProgressRow extends Lag {
  code: string; name: string; level: RegionLevel; metrics: Metrics; gaps: Gap[];
  rank: number; previousRank: number | null; rankChange: number | null; laggard: boolean;
}

interface Snapshot { self: Omit<ProgressRow, 'rank' | 'previousRank' | 'rankChange' | 'laggard'>; rows: Array<Omit<ProgressRow, 'rank' | 'previousRank' | 'rankChange' | 'laggard'>> }

/** The figures of a region and its children on each day asked, before ranking. */
async function snapshots(db: Db, parent: { code: string; name: string; level: string; scope_prefix: string }, kids: RegionRow[], days: readonly string[]): Promise<Snapshot[]> {
  const { calendar, pilots } = await loadCalendar(db);
  const n = kids.length ? kids[0]!.scope_prefix.length : parent.scope_prefix.length;
  const raws = await rawCounts(db, parent.scope_prefix, n, days);
  const out: Snapshot[] = [];
  for (const [i, on] of days.entries()) {
    const raw = raws[i]!;
    const reports = new Map((await readinessOn(db, [parent.code, ...kids.map((k) => k.code)], on)).map((r) => [r.region_code, r]));
    const one = (code: string, name: string, level: RegionLevel, r: Raw) => {
      const gaps = gapsOf(readinessOf(reports.get(code)), level);
      const metrics = metricsOf(r, gaps.length);
      const pilotStarts: Partial<Record<CensusPhase, string>> = {};
      for (const p of pilots) if (p.region_code === code) pilotStarts[p.phase] = p.starts_on;
      return { code, name, level, metrics, gaps, ...lagOf(calendar, { level, on, metrics, gaps: gaps.length, pilotStarts }) };
    };
    out.push({
      self: one(parent.code, parent.name, parent.level as RegionLevel, sumRaw(raw.values())),
      rows: kids.map((k) => one(k.code, k.name, k.level as RegionLevel, raw.get(k.scope_prefix) ?? sumRaw([]))),
    });
  }
  return out;
}

// A county's or a city's ranking is ten seconds fresh; the nation's and a province's, whose
// recount reads every review step of millions of forms (seconds of a core at national size, and
// each process keeps its own), five minutes. After that an answer is served (up to 5 or 30
// minutes old, the page shows its day) while one recomputation runs behind it, so a ranking is
// never in a request's way once computed. An office's own act that the figures show at once (a
// directory sign-off, a readiness report, a phase accepted or revoked) drops them in every
// process ('supervision-figures'). One cache per database: tests open several in one process.
let caches = new WeakMap<Db, { narrow: StaleCache<Snapshot[]>; wide: StaleCache<Snapshot[]> }>();
onChange('supervision-figures', () => void (caches = new WeakMap()));
const WIDE = new Set(['nation', 'province']);

async function cached(db: Db, level: string, key: string, make: () => Promise<Snapshot[]>, fresh: boolean): Promise<Snapshot[]> {
  const c = caches.get(db) ?? {
    narrow: new StaleCache<Snapshot[]>({ ttlMs: 10_000, maxStaleMs: 300_000 }),
    wide: new StaleCache<Snapshot[]>({ ttlMs: 300_000, maxStaleMs: 1_800_000 }),
  };
  caches.set(db, c);
  return (await (WIDE.has(level) ? c.wide : c.narrow).get(key, make, fresh)).value;
}

/** Today in China. */
export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function scopedRegion(db: Db, actor: Actor, code: string | undefined) {
  const r = await region(db, code ?? actor.regionCode);
  if (!r || !r.scope_prefix.startsWith(actor.scopePrefix)) throw new AppError('REGION_NOT_FOUND', { code: (code ?? '').slice(0, 20) });
  return r;
}

export function checkDay(on: string | undefined, fallback = today()): string {
  const d = on ?? fallback;
  if (!isIsoDate(d)) throw new AppError('REQUEST_INVALID', { detail: `date ${d.slice(0, 20)} is not YYYY-MM-DD` });
  return d;
}

/**
 * The children of a region on a day, ranked, with the change since `previousOn`. `fresh` skips
 * the cache (dispatches are generated from the database itself).
 */
export async function progress(db: Db, r: { code: string; name: string; level: string; scope_prefix: string }, on: string, previousOn: string, fresh = false) {
  const kids = await children(db, r.code);
  const [now, before] = await cached(db, r.level, `${r.code}|${on}|${previousOn}`, () => snapshots(db, r, kids, [on, previousOn]), fresh) as [Snapshot, Snapshot];
  const ranks = rankWithChange(now.rows, before.rows);
  const rows: ProgressRow[] = now.rows.map((x) => ({ ...x, ...ranks.get(x.code)! })).sort((a, b) => a.rank - b.rank);
  return { region: { code: r.code, name: r.name, level: r.level }, asOf: on, previousOn, self: now.self, rows };
}

export async function progressFor(db: Db, actor: Actor, q: { region?: string; asOf?: string }) {
  const r = await scopedRegion(db, actor, q.region);
  const on = checkDay(q.asOf);
  return progress(db, r, on, addDays(on, -14));
}

/** One metric of a region every 14 days back from `to`. */
export async function trend(db: Db, actor: Actor, q: { region?: string; metric: string; to?: string; points?: number }) {
  const r = await scopedRegion(db, actor, q.region);
  const to = checkDay(q.to);
  const points = Math.max(2, Math.min(26, q.points ?? 12));
  const kids = await children(db, r.code);
  const days = Array.from({ length: points }, (_, i) => addDays(to, -14 * (points - 1 - i)));
  const all = await cached(db, r.level, `${r.code}|${days.join('|')}`, () => snapshots(db, r, kids, days), false);
  const out = days.map((on, i) => {
    const s = all[i]!;
    const v = q.metric === 'lagScore' ? s.self.lagScore : q.metric === 'progress' ? s.self.progress : q.metric === 'expected' ? s.self.expected : s.self.metrics[q.metric];
    return { on, value: v ?? null };
  });
  return { region: { code: r.code, name: r.name, level: r.level }, metric: q.metric, points: out };
}
