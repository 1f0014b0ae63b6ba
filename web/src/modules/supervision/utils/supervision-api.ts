// The supervision reads and writes this console uses (docs/supervision-api.md): progress and lag,
// trend, readiness, calendar, cases and the map's GeoJSON.
import { withQuery } from '../../../api/client.ts';

export type Level = 'nation' | 'province' | 'prefecture' | 'county' | 'township';
export type Gap = 'leadingGroup' | 'office' | 'plan' | 'meeting' | 'staff' | 'officeSpace' | 'network' | 'funds' | 'agency' | 'assessment';
export const GAPS: Gap[] = ['leadingGroup', 'office', 'plan', 'meeting', 'staff', 'officeSpace', 'network', 'funds', 'agency', 'assessment'];

export interface ProgressRow {
  code: string;
  name: string;
  level: Level;
  metrics: Record<string, number | null>;
  expected: number;
  progress: number;
  lagScore: number;
  rank: number;
  previousRank: number | null;
  rankChange: number | null;
  laggard: boolean;
  gaps: Gap[];
}
export interface Progress {
  region: { code: string; name: string; level: Level };
  asOf: string;
  previousOn: string;
  self: ProgressRow;
  rows: ProgressRow[];
}
export interface Trend { region: string; metric: string; points: Array<{ on: string; value: number | null }> }

export interface Meeting { level: 'province' | 'prefecture' | 'county'; heldOn: string; document?: string | null }
export interface ReadinessReport {
  id?: number;
  regionCode?: string;
  reportedOn: string;
  leadingGroupOn: string | null;
  officeOn: string | null;
  planOn: string | null;
  planDocument: string | null;
  meetings: Meeting[];
  inAssessment: boolean;
  staffNeeded: number;
  staffOwn: number;
  staffSeconded: number;
  officeSpace: boolean;
  networkConnected: boolean;
  /** Yuan; the server may send numeric columns as strings. */
  fundsBudgeted: number | string;
  fundsArrived: number | string;
  agencyContracted: boolean;
  note: string;
  reportedBy?: { id: number; name: string } | number | null;
  createdAt?: string;
}
export type ReadinessBody = Partial<Omit<ReadinessReport, 'id' | 'regionCode' | 'reportedBy' | 'createdAt' | 'fundsBudgeted' | 'fundsArrived'>> & { fundsBudgeted?: number; fundsArrived?: number };
export interface ReadinessItem { code: string; name: string; level: Level; report: ReadinessReport | null; gaps: Gap[] }
export interface Readiness {
  region: string | { code: string; name: string; level: Level };
  asOf: string;
  summary: {
    regions: number; leadingGroup: number; office: number; plan: number; threeLevelMeetings: number; networkConnected: number;
    fundsArrivedYuan: number; fundsBudgetedYuan: number; gaps: Partial<Record<Gap, number>>;
  };
  items: ReadinessItem[];
}
export interface ReadinessHistory { region: string | { code: string; name: string }; current: ReadinessReport | null; history: ReadinessReport[] }

export type CalendarLevel = 'province' | 'prefecture' | 'county' | 'township';
export const CALENDAR_LEVELS: CalendarLevel[] = ['province', 'prefecture', 'county', 'township'];
export interface Phase {
  phase: string; position: number; startsOn: string; endsOn: string; weight: number; nameZh: string; nameEn: string;
  deadlines: Partial<Record<CalendarLevel, string>>;
}
export interface Calendar { phases: Phase[]; pilots: Array<{ regionCode: string; name: string; phase: string; startsOn: string; endsOn: string }> }
export interface CalendarBody { phases: Array<{ phase: string; startsOn: string; endsOn: string; weight?: number; deadlines?: Partial<Record<CalendarLevel, string>> }> }

export interface Case {
  id: number; type: string; number: string | null; title: string; reasons: string; measures: string | null; dueOn: string | null; status: string;
  issuer: { code: string; name: string }; target: { code: string; name: string }; lagScore: number | null; createdAt: string; overdue: boolean; version: number;
}

export const SUP = '/api/v1/supervision';
export const supervisionKeys = {
  all: ['supervision'] as const,
  progress: (region: string, asOf: string) => ['supervision', 'progress', region, asOf] as const,
  trend: (region: string, metric: string, to: string) => ['supervision', 'trend', region, metric, to] as const,
  readiness: (region: string, asOf: string) => ['supervision', 'readiness', region, asOf] as const,
  history: (code: string) => ['supervision', 'readiness-history', code] as const,
  calendar: ['supervision', 'calendar'] as const,
  openCases: ['supervision', 'cases', 'issued', 'open'] as const,
  geo: (code: string) => ['geo', code] as const,
};

export const progressPath = (region: string, asOf: string) => withQuery(`${SUP}/progress`, { region, asOf });
export const trendPath = (region: string, metric: string, to: string) => withQuery(`${SUP}/trend`, { region, metric, to });
export const readinessPath = (region: string, asOf: string) => withQuery(`${SUP}/readiness`, { region, asOf });
export const geoPath = (code: string) => `/api/v1/geo/${code}`;

/** Yuan → 万元 with up to two decimals. */
export const wan = (yuan: number | string | null | undefined) => {
  const v = Number(yuan ?? 0) / 10000;
  return Number.isFinite(v) ? Number(v.toFixed(2)) : 0;
};
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
/** The region code whether the server sends a code or `{ code, name }`. */
export const codeOf = (r: string | { code: string }) => (typeof r === 'string' ? r : r.code);
