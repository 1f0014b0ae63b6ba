// 审核链, pure: the levels of the chain bottom to top, the level a person fills or reviews at,
// where a submitted form enters the chain, and who may unlock what an approval locked.
// No database and no survey imports: the survey's save path reads it (no circular import).
import type { RegionLevel, ReviewLevel } from '../../../core/db/schema.ts';

export const LEVELS: readonly ReviewLevel[] = ['respondent', 'enumerator', 'instructor', 'county', 'city', 'province', 'nation'];
export const levelIndex = (l: ReviewLevel): number => LEVELS.indexOf(l);
export const isLevel = (v: unknown): v is ReviewLevel => typeof v === 'string' && (LEVELS as readonly string[]).includes(v);

export const LEVEL_NAMES: Record<ReviewLevel, { zh: string; en: string }> = {
  respondent: { zh: '普查对象确认', en: 'Respondent confirmation' },
  enumerator: { zh: '普查员审核', en: 'Census taker' },
  instructor: { zh: '普查指导员审核', en: 'Instructor' },
  county: { zh: '县级普查机构审核', en: 'County office' },
  city: { zh: '地市级审核', en: 'City office' },
  province: { zh: '省级审核', en: 'Provincial office' },
  nation: { zh: '国家级审核', en: 'National office' },
};

/** Who a person is in the chain: the role and the level of the region scope. */
export interface ChainPerson {
  role: string;
  scopeLevel: RegionLevel;
}

const OFFICE_ROLES = new Set(['national-office', 'regional-office', 'reviewer']);
const BY_SCOPE: Partial<Record<RegionLevel, ReviewLevel>> = { nation: 'nation', province: 'province', prefecture: 'city', county: 'county' };

/**
 * The levels at which a person reviews (none: a respondent only confirms). A third-party agency's
 * professional staff carry both field checks — the census taker's and, as the agency's internal
 * panel (census-facts §5), the instructor's: agency teams have no instructor of their own.
 */
export function reviewLevelsOf(p: ChainPerson): ReviewLevel[] {
  if (p.role === 'enumerator') return ['enumerator'];
  if (p.role === 'agency-staff') return ['enumerator', 'instructor'];
  if (p.role === 'instructor') return ['instructor'];
  const office = OFFICE_ROLES.has(p.role) ? BY_SCOPE[p.scopeLevel] : undefined;
  return office ? [office] : [];
}

/** The highest level at which a person reviews (null: none). */
export function reviewLevelOf(p: ChainPerson): ReviewLevel | null {
  return reviewLevelsOf(p).at(-1) ?? null;
}

/** The level a person fills at: their own level counts as passed when they submit. A township office is a census taker. */
export function fillerLevel(p: ChainPerson): ReviewLevel {
  if (p.role === 'respondent') return 'respondent';
  return reviewLevelOf(p) ?? 'enumerator';
}

/** The next enabled level above `from` (null: none above, the chain ends). */
export function nextLevel(enabled: readonly ReviewLevel[], from: ReviewLevel): ReviewLevel | null {
  const i = levelIndex(from);
  return LEVELS.find((l, j) => j > i && enabled.includes(l)) ?? null;
}

/** The enabled level at or above `from`. */
export function levelAtOrAbove(enabled: readonly ReviewLevel[], from: ReviewLevel): ReviewLevel | null {
  return enabled.includes(from) ? from : nextLevel(enabled, from);
}

/**
 * Where a submitted form waits first. A respondent's waits for its legal representative's
 * confirmation (when that level is on); anyone else's own level counts as passed. A form sent
 * back (returned) goes straight to the level that returned it: those below passed it already.
 */
export function entryLevel(enabled: readonly ReviewLevel[], filler: ReviewLevel, returnedFrom: ReviewLevel | null): ReviewLevel | null {
  if (returnedFrom) return levelAtOrAbove(enabled, returnedFrom);
  if (filler === 'respondent') return levelAtOrAbove(enabled, 'respondent');
  return nextLevel(enabled, filler);
}

/** After an approval at `at`: the status and the level the form waits at next. */
export function afterApproval(enabled: readonly ReviewLevel[], at: ReviewLevel): { status: 'approved' | 'locked'; level: ReviewLevel | null } {
  const next = nextLevel(enabled, at);
  return next ? { status: 'approved', level: next } : { status: 'locked', level: null };
}

/** The level that approved it last, from the level it waits at now (null when none has). */
export function lastApprover(enabled: readonly ReviewLevel[], status: string, waitingAt: ReviewLevel | null): ReviewLevel | null {
  if (status === 'locked') return [...LEVELS].reverse().find((l) => enabled.includes(l)) ?? null;
  if (status !== 'approved' || !waitingAt) return null;
  const i = levelIndex(waitingAt);
  return [...LEVELS].reverse().find((l) => levelIndex(l) < i && enabled.includes(l)) ?? null;
}

/** The level that approved it last, or one above, may unlock it. */
export function mayUnlock(actorLevel: ReviewLevel | null, approver: ReviewLevel | null): boolean {
  return !!actorLevel && !!approver && levelIndex(actorLevel) >= levelIndex(approver) && actorLevel !== 'respondent';
}
