// Shapes of the review chain and quality-control API (docs/review-api.md) as the console sees them.
import type { LocalizedText } from './types.ts';
import type { SubmissionDetail } from './survey-types.ts';

export const CHAIN_LEVELS = ['respondent', 'enumerator', 'instructor', 'county', 'city', 'province', 'nation'] as const;
export type ChainLevel = (typeof CHAIN_LEVELS)[number];

export interface ChainLevelRow {
  code: ChainLevel;
  index: number;
  enabled: boolean;
  nameZh: string;
  nameEn: string;
}

export interface ReviewComment {
  path: string;
  text: string;
}

/** The return in force while a submission is `returned`. */
export interface ReviewReturn {
  returnedFrom: ChainLevel | null;
  returnedTo: string | null;
  reason: string | null;
  comments: ReviewComment[];
  openPaths: string[] | null;
  by: string | null;
  at: string;
}

export interface ReviewStep {
  level: ChainLevel | null;
  action: string;
  reason: string | null;
  comments: ReviewComment[];
  rev: number | null;
  by: string | null;
  at: string;
}

/** GET /submissions/:id with the review chain's fields. */
export interface ReviewedSubmission extends SubmissionDetail {
  reviewLevel: ChainLevel | null;
  reviewVersion: number;
  waitingSince: string | null;
  review: ReviewReturn | null;
  steps: ReviewStep[];
}

export const ISSUE_FILTERS = ['blocking', 'warnings', 'explained', 'clean', 'permit'] as const;
export type IssueFilter = (typeof ISSUE_FILTERS)[number];

export interface QueueFilter {
  form?: string;
  township?: string;
  issues?: IssueFilter;
  minAgeDays?: number;
}

export interface QueueItem {
  id: string;
  sourceId: number;
  sourceName: string;
  regionCode: string;
  regionName: string;
  form: string;
  status: string;
  rev: number;
  reviewVersion: number;
  waitingSince: string | null;
  ageDays: number;
  warnings: number;
  unexplained: number;
  explained: number;
  /** Emission figures of the source far from its permit execution report. */
  permitFlags: number;
  filledBy: string | null;
}

export interface QueueSummary {
  level: ChainLevel | null;
  total: number;
  oldest: string | null;
  byForm: { form: string; count: number }[];
}

export interface ReviewBody {
  action: 'approve' | 'reject';
  reviewVersion: number;
  reason?: string;
  comments?: ReviewComment[];
}

export interface UnlockBody {
  reviewVersion: number;
  reason: string;
  paths?: string[];
}

export type Phase = 'inventory' | 'survey';
export const PHASES: readonly Phase[] = ['inventory', 'survey'];

export interface Blocker {
  code: string;
  params: Record<string, unknown>;
  zh: string;
  en: string;
}

export interface Acceptance {
  by: string | null;
  signedBy: string;
  statement: string | null;
  at: string;
  figures: Record<string, unknown> | null;
}

export interface PhaseChild {
  code: string;
  name: string;
  level?: string;
  /** Whether the child has anything to accept (a child with no sources holds nothing back). */
  hasWork?: boolean;
  accepted: boolean;
  blockers?: Blocker[];
}

export interface PhaseView {
  phase: Phase;
  region: { code: string; name: string; level: string };
  acceptance: Acceptance | null;
  canAccept: boolean;
  blockers: Blocker[];
  figures: Record<string, unknown> | null;
  children: PhaseChild[];
}

export interface QcSettings {
  errorRateMax: number;
  omissionRateMax: number;
  inventoryAdded: number;
  inventoryDeleted: number;
  surveyShare: number;
}

export type Verdict = 'right' | 'wrong';

export interface SampleResult {
  verdict: Verdict;
  fieldsChecked: number | null;
  fieldsWrong: number | null;
  missed: number | null;
  note: string | null;
  by: string | null;
  at: string;
}

export interface SampleItem {
  sourceId: number;
  sourceName: string;
  stratum: string | null;
  category?: string | null;
  state: string | null;
  result: SampleResult | null;
}

/** A sample as GET /review/samples lists it: its size and how many are re-checked, without the items. */
export interface SampleSummary {
  id: number;
  phase: Phase;
  regionCode: string;
  regionName: string | null;
  teamId: number | null;
  params?: Record<string, number>;
  drawnAt: string;
  drawnBy?: string | null;
  size: number;
  checked: number;
}

/** GET /review/samples/:id and the answer of drawing one. */
export interface Sample {
  id: number;
  phase: Phase;
  regionCode: string;
  regionName: string | null;
  teamId: number | null;
  params?: Record<string, number>;
  drawnAt: string;
  items: SampleItem[];
}

export interface SampleBody {
  phase: Phase;
  regionCode: string;
  teamId?: number;
  added?: number;
  deleted?: number;
  share?: number;
}

export interface SampleItemBody {
  verdict: Verdict;
  fieldsChecked?: number;
  fieldsWrong?: number;
  missed?: number;
  note?: string;
}

export interface RateRow {
  regionCode: string;
  regionName: string | null;
  /** A source category, or '*' for the county as a whole (the row the thresholds judge). */
  category: string;
  checked: number;
  wrong: number;
  fieldsChecked: number;
  fieldsWrong: number;
  missed: number;
  errorRate: number | null;
  omissionRate: number | null;
  overThreshold: boolean;
}

export interface RuleRow {
  rule: string;
  severity: 'blocking' | 'warning';
  form: string;
  count: number;
  regions: { code: string; name?: string | null; count: number }[];
}

/** A region whose share of forms with warnings stands out among its peers. */
export interface RegionCheck {
  check: string;
  metric: string;
  regionCode: string;
  regionName: string | null;
  forms: number;
  value: number;
  median: number | null;
  outlier: boolean;
}

/** `details` of 409 REVIEW_CHANGED. */
export interface ChangedDetails {
  current: ReviewedSubmission;
}

/** `details` of 409 PHASE_BLOCKED. */
export interface BlockedDetails {
  blockers: Blocker[];
}

export type { LocalizedText };
