// The lag score and the ranking, pure (docs/supervision-api.md "Metrics and the lag score").
import type { CensusPhase, RegionLevel } from '../../../core/db/schema.ts';
import { expectedShare, type PhaseDates } from './calendar.ts';

export type Metrics = Record<string, number | null>;

/** The metric that measures how much of a phase is done. */
export const PHASE_METRIC: Partial<Record<CensusPhase, string>> = {
  inventory: 'inventory.confirmed',
  'inventory-acceptance': 'inventory.accepted',
  survey: 'survey.submitted',
  review: 'survey.approved',
};

export interface LagInput { level: RegionLevel; on: string; metrics: Metrics; gaps: number; pilotStarts?: Partial<Record<CensusPhase, string>> }
export interface Lag { expected: number; progress: number; lagScore: number; behind: Array<{ phase: CensusPhase; metric: string; actual: number; expected: number }> }

const round1 = (n: number) => Math.round(n * 10) / 10;

export function lagOf(calendar: readonly PhaseDates[], x: LagInput): Lag {
  let w = 0; let exp = 0; let act = 0; let lag = 0;
  const behind: Lag['behind'] = [];
  for (const p of calendar) {
    const metric = PHASE_METRIC[p.phase];
    if (!metric || p.weight <= 0) continue;
    const e = expectedShare(p, x.level, x.on, x.pilotStarts?.[p.phase]);
    if (e <= 0) continue;
    const a = Math.max(0, Math.min(1, x.metrics[metric] ?? 0));
    w += p.weight; exp += p.weight * e; act += p.weight * a; lag += p.weight * Math.max(0, e - a);
    if (e - a > 0.1) behind.push({ phase: p.phase, metric, actual: a, expected: e });
  }
  // 85 for the calendar, 15 for the ten possible gaps: a region behind on everything still ranks by its guarantees.
  const score = Math.min(100, (w ? (85 * lag) / w : 0) + 1.5 * x.gaps);
  return { expected: w ? exp / w : 0, progress: w ? act / w : 0, lagScore: round1(score), behind };
}

export interface Rankable { code: string; lagScore: number; progress: number }
export interface Ranked { rank: number; previousRank: number | null; rankChange: number | null; laggard: boolean }

/** Rank 1 is best: lag score ascending, then progress descending, then code. */
export function rank<T extends Rankable>(rows: readonly T[]): Map<string, number> {
  const sorted = [...rows].sort((a, b) => a.lagScore - b.lagScore || b.progress - a.progress || a.code.localeCompare(b.code));
  return new Map(sorted.map((r, i) => [r.code, i + 1]));
}

export const LAGGARD_SCORE = 30;
export const TAIL_SCORE = 15;
export const ABOVE_MEDIAN = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * 点名: a lag score of 30 or more that also stands out from the peers (5 above their median; with
 * fewer than three peers the score alone); and, of six or more, the last three when they score 15
 * or more and worse than the median. When a whole country lags alike, the worst are still named,
 * and a tie at the median is never the one singled out.
 */
export function laggards<T extends Rankable>(rows: readonly T[], ranks: Map<string, number>): Set<string> {
  const n = rows.length;
  const med = n ? median(rows.map((r) => r.lagScore)) : 0;
  return new Set(rows.filter((r) => {
    const standsOut = r.lagScore >= LAGGARD_SCORE && (n < 3 || r.lagScore >= med + ABOVE_MEDIAN);
    const tail = n >= 6 && (ranks.get(r.code) ?? 0) > n - 3 && r.lagScore >= TAIL_SCORE && r.lagScore > med;
    return standsOut || tail;
  }).map((r) => r.code));
}

/** Ranks now and before, the change (positive: moved up) and the laggard flag, per code. */
export function rankWithChange<T extends Rankable>(now: readonly T[], before: readonly T[]): Map<string, Ranked> {
  const r = rank(now);
  const p = rank(before);
  const lag = laggards(now, r);
  return new Map(now.map((x) => {
    const prev = p.get(x.code) ?? null;
    const cur = r.get(x.code)!;
    return [x.code, { rank: cur, previousRank: prev, rankChange: prev === null ? null : prev - cur, laggard: lag.has(x.code) }];
  }));
}
