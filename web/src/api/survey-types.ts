// Shapes of the survey API (docs/survey-api.md) as the console sees them.
import type { LocalizedText } from './types.ts';

export type FormApplicability = 'required' | 'undetermined' | 'not-required';
export type SubmissionStatus = 'draft' | 'submitted';

export interface SurveyIssue {
  form: string;
  path: string;
  rule: string;
  severity: 'blocking' | 'warning';
  message: LocalizedText;
  explanation?: string;
}

export interface SurveySummary {
  ready: boolean;
  blocking: number;
  warnings: number;
  unexplained: number;
}

export interface SubmissionSummary extends SurveySummary {
  id: string;
  rev: number;
  status: SubmissionStatus;
  updatedAt: string;
}

export interface SurveySource {
  id: number;
  name: string;
  /** A census category letter (G, N, S, J, Y) or the directory's word (industrial, …). */
  category: string;
  kind?: string | null;
  industryCode: string | null;
  regionCode: string;
  inventoryState: string | null;
}

/** GET /sources/:id/survey: which forms the source fills, and what it has sent. */
export interface SourceSurvey {
  source: SurveySource;
  forms: { code: string; version: number; status: FormApplicability; submission: SubmissionSummary | null }[];
}

export interface SubmissionBody {
  sourceId: number;
  form: string;
  version: number;
  answers: Record<string, unknown>;
  explanations: Record<string, string>;
  status: SubmissionStatus;
  baseRev: number | null;
}

export interface SubmissionResult {
  id: string;
  sourceId: number;
  form: string;
  version: number;
  rev: number;
  status: SubmissionStatus;
  verdict: { issues: SurveyIssue[]; summary: SurveySummary };
}

/** GET /submissions/:id, also the stored copy a 409 carries in its details. */
export interface SubmissionDetail extends SubmissionResult {
  answers: Record<string, unknown>;
  explanations: Record<string, string>;
  revisions?: { rev: number; status: SubmissionStatus; at: string; by: string }[];
}
