// Region scope: every user and every row belongs to a region; a user sees the
// rows whose region code starts with the user's scope prefix. Pure.
import type { RegionLevel } from '../../core/db/schema.ts';

export const NATION_CODE = '100000';

/** The code prefix shared by a region and all of its descendants. */
export function scopePrefixOf(code: string): string {
  if (code === NATION_CODE) return '';
  if (code.length === 6) {
    if (code.endsWith('0000')) return code.slice(0, 2);
    if (code.endsWith('00')) return code.slice(0, 4);
    return code;
  }
  return code; // township (9) and village (12) codes are their own prefix
}

export function levelOf(code: string): RegionLevel {
  if (code === NATION_CODE) return 'nation';
  if (code.length === 6) {
    if (code.endsWith('0000')) return 'province';
    if (code.endsWith('00')) return 'prefecture';
    return 'county';
  }
  return code.length === 9 ? 'township' : 'village';
}

export function inScope(scopePrefix: string, regionCode: string): boolean {
  return regionCode.startsWith(scopePrefix);
}

export const LEVEL_RANK: Record<RegionLevel, number> = {
  nation: 0,
  province: 1,
  prefecture: 2,
  county: 3,
  township: 4,
  village: 5,
};

/** True when `level` is `min` or higher up the tree (nation is highest). */
export function atLeastLevel(level: RegionLevel, min: RegionLevel): boolean {
  return LEVEL_RANK[level] <= LEVEL_RANK[min];
}
