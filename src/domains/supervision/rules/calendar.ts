// The census calendar, pure: how far along a phase a region is expected to be on a day.
// Expected progress rises linearly from the phase's start (a pilot county's own start) to the
// deadline of the region's level (the phase's end when the level has none), then stays at 1.
import type { CensusPhase, RegionLevel } from '../../../core/db/schema.ts';

export interface PhaseDates {
  phase: CensusPhase;
  startsOn: string;
  endsOn: string;
  weight: number;
  deadlines: Partial<Record<'province' | 'prefecture' | 'county' | 'township', string>>;
}

export const PHASES: readonly CensusPhase[] = ['preparation', 'pilot', 'inventory', 'inventory-acceptance', 'survey', 'review', 'accounting', 'aggregation', 'acceptance', 'publication'];

export const PHASE_NAMES: Record<CensusPhase, { zh: string; en: string }> = {
  preparation: { zh: '前期准备', en: 'preparation' },
  pilot: { zh: '试点', en: 'pilots' },
  inventory: { zh: '清查建库', en: 'inventory and directory' },
  'inventory-acceptance': { zh: '清查检查验收', en: 'inventory acceptance' },
  survey: { zh: '入户调查', en: 'household survey' },
  review: { zh: '审核', en: 'review' },
  accounting: { zh: '核算', en: 'accounting' },
  aggregation: { zh: '汇总审核', en: 'aggregation' },
  acceptance: { zh: '总结验收', en: 'final acceptance' },
  publication: { zh: '发布', en: 'publication' },
};

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** YYYY-MM-DD plus n days (n may be negative). */
export function addDays(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * DAY).toISOString().slice(0, 10);
}

/** The same day one month before (the 31st falls back to the month's last day). */
export function monthBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  return `${py}-${String(pm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/** The day by which a region at `level` must finish the phase. */
export function deadlineOf(p: PhaseDates, level: RegionLevel): string {
  const own = level === 'nation' || level === 'village' ? undefined : p.deadlines[level];
  return own ?? p.endsOn;
}

/**
 * Expected share of the phase done at the end of day `on`, 0–1. `pilotStart` moves the start
 * earlier for a pilot county (its own dates); the deadline stays the level's.
 */
export function expectedShare(p: PhaseDates, level: RegionLevel, on: string, pilotStart?: string): number {
  const start = dayNumber(pilotStart && pilotStart < p.startsOn ? pilotStart : p.startsOn);
  const due = dayNumber(deadlineOf(p, level));
  const d = dayNumber(on) + 1; // the end of the day
  if (d <= start) return 0;
  if (d > due) return 1;
  return Math.min(1, (d - start) / (due + 1 - start));
}

/** Problems of a calendar as written by the national office; empty when it is sound. */
export function calendarProblems(phases: readonly PhaseDates[]): string[] {
  const out: string[] = [];
  for (const p of phases) {
    if (!isIsoDate(p.startsOn) || !isIsoDate(p.endsOn)) { out.push(`${p.phase}: dates must be YYYY-MM-DD`); continue; }
    if (p.endsOn < p.startsOn) out.push(`${p.phase}: ends ${p.endsOn} before it starts ${p.startsOn}`);
    for (const [level, due] of Object.entries(p.deadlines)) {
      if (!due) continue;
      if (!isIsoDate(due)) out.push(`${p.phase}.${level}: date must be YYYY-MM-DD`);
      else if (due < p.startsOn || due > p.endsOn) out.push(`${p.phase}.${level}: deadline ${due} outside ${p.startsOn}…${p.endsOn}`);
    }
    const { county, prefecture, province } = p.deadlines;
    if (county && prefecture && county > prefecture) out.push(`${p.phase}: the county deadline falls after the prefecture's`);
    if (prefecture && province && prefecture > province) out.push(`${p.phase}: the prefecture deadline falls after the province's`);
  }
  return out;
}
