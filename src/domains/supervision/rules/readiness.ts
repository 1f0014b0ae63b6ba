// 组织与保障, pure: the gaps of a region's readiness report, as the meeting of 2018-04-25 named
// them (too few staff, no office, dedicated network not connected, funds not arrived) and the
// organisation every level must have (leading group, office, plan, mobilisation meeting).
import type { RegionLevel } from '../../../core/db/schema.ts';

export const GAPS = ['leadingGroup', 'office', 'plan', 'meeting', 'staff', 'officeSpace', 'network', 'funds', 'agency', 'assessment'] as const;
export type Gap = (typeof GAPS)[number];

export interface Meeting { level: 'province' | 'prefecture' | 'county'; heldOn: string; document?: string | null }

export interface Readiness {
  leadingGroupOn: string | null;
  officeOn: string | null;
  planOn: string | null;
  meetings: Meeting[];
  inAssessment: boolean;
  staffNeeded: number;
  staffOwn: number;
  staffSeconded: number;
  officeSpace: boolean;
  networkConnected: boolean;
  fundsBudgeted: number;
  fundsArrived: number;
  agencyContracted: boolean;
}

/** The gaps of a report; a region that has reported nothing has them all. */
export function gapsOf(r: Readiness | null, level: RegionLevel): Gap[] {
  if (!r) return level === 'county' || level === 'prefecture' ? [...GAPS] : GAPS.filter((g) => g !== 'agency');
  const out: Gap[] = [];
  if (!r.leadingGroupOn) out.push('leadingGroup');
  if (!r.officeOn) out.push('office');
  if (!r.planOn) out.push('plan');
  if (!r.meetings.some((m) => m.level === level)) out.push('meeting');
  if (r.staffOwn + r.staffSeconded < Math.max(1, r.staffNeeded)) out.push('staff');
  if (!r.officeSpace) out.push('officeSpace');
  if (!r.networkConnected) out.push('network');
  if (r.fundsBudgeted <= 0 || r.fundsArrived < r.fundsBudgeted) out.push('funds');
  if ((level === 'county' || level === 'prefecture') && !r.agencyContracted) out.push('agency');
  if (!r.inAssessment) out.push('assessment');
  return out;
}

/** Mobilisation meetings held at province, prefecture and county level (三级动员). */
export function threeLevelMeetings(r: Readiness | null): boolean {
  if (!r) return false;
  const levels = new Set(r.meetings.map((m) => m.level));
  return levels.has('province') && levels.has('prefecture') && levels.has('county');
}
