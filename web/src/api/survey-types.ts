// Shapes of the survey API (docs/survey-api.md) as the console sees them.
import type { LocalizedText } from './types.ts';

export type FormApplicability = 'required' | 'undetermined' | 'not-required';
/** `returned`, `approved` and `locked` are the review chain's; `approved` and `locked` cannot be changed. */
export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'locked';
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = ['draft', 'submitted', 'returned'];

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
  /** The directory's category (industrial, livestock, …). */
  category: string;
  /** The engine's kind of source (enterprise, livestock-farm, …), from the category and industry. */
  kind: string;
  /** The census category letter the forms belong to (G, N, S, J, Y). */
  formCategory: string;
  industryCode: string | null;
  regionCode: string;
  inventoryState: string | null;
  /** False for a deleted or merged source, or an inventory state that does not go on to the survey. */
  surveyed: boolean;
}

export interface SourceForm {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Whether the form has fields yet (a form not defined cannot be filled). */
  defined: boolean;
  /** The submission's version, else the latest defined; null for a form not defined yet. */
  version: number | null;
  status: FormApplicability;
  submission: SubmissionSummary | null;
}

/** GET /sources/:id/survey: which forms the source fills, and what it has sent. */
export interface SourceSurvey {
  source: SurveySource;
  forms: SourceForm[];
  /** The legal representative's confirmation, while it covers exactly the current revisions. */
  confirmation: SurveyConfirmation | null;
}

/** 法定代表人确认 (POST /sources/:id/survey/confirm). */
export interface SurveyConfirmation {
  by: string | null;
  byRole: string | null;
  legalRep: string;
  statement: string;
  at: string;
  revisions: Record<string, number>;
}

/** POST /sources/:id/invitations: the only answer that shows the code. */
export interface IssuedInvitation {
  id: number;
  sourceId: number;
  code: string;
  expiresAt: string;
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
  updatedAt: string;
  verdict: { issues: SurveyIssue[]; summary: SurveySummary };
}

/** The stored copy a 409 SURVEY_CONFLICT carries in `details.server` (null: the server has no such submission). */
export interface StoredSubmission extends SubmissionResult {
  answers: Record<string, unknown>;
  explanations: Record<string, string>;
}

/** GET /submissions/:id. */
export interface SubmissionDetail extends StoredSubmission {
  regionCode: string;
  /** The engine's reading of the answers (coerced, irrelevant ones dropped, calculations filled). */
  values: Record<string, unknown>;
  createdAt: string;
  submittedAt: string | null;
  revisions: { rev: number; status: SubmissionStatus; at: string; by: string }[];
}

/** `details` of the survey's refusals of PUT /submissions/:id. */
export interface ConflictDetails { server: StoredSubmission | null }
export interface FormTakenDetails { id: string }
export interface InvalidDetails { issues: SurveyIssue[] }
export interface NotReadyDetails { verdict: { issues: SurveyIssue[]; summary: SurveySummary } }
