// What a refused PUT /submissions/:id means for the page, read from the error's code and its
// `details` as the API sends them (docs/survey-api.md): the conflict's stored copy sits in
// `details.server`, the form's holder in `details.id`, the structural issues in `details.issues`,
// the not-ready verdict in `details.verdict`.
import { isApiError } from '../../../api/client.ts';
import type { ConflictDetails, FormTakenDetails, InvalidDetails, NotReadyDetails, StoredSubmission, SurveyIssue } from '../../../api/survey-types.ts';
import { sameIssues } from './verdict.ts';

export type Refusal =
  /** Someone saved a newer revision: offer theirs (reload) or keep editing over it. */
  | { kind: 'conflict'; server: StoredSubmission }
  /** The base named does not exist on the server (a stale base): the next save starts anew. */
  | { kind: 'conflict-gone' }
  /** The source's form already has a submission under another id: edit that one. */
  | { kind: 'taken'; id: string }
  /** Approved or locked by review: nothing can be changed. */
  | { kind: 'locked' }
  /** The id belongs to another source, form or version: a new id is needed. */
  | { kind: 'mismatch' }
  | { kind: 'not-ready' | 'invalid'; issues: SurveyIssue[]; same: boolean }
  | { kind: 'other' };

type Keyed = Pick<SurveyIssue, 'form' | 'path' | 'rule' | 'severity'>;

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const list = (v: unknown): SurveyIssue[] => (Array.isArray(v) ? (v as SurveyIssue[]) : []);

/** `pageIssues`: the page's own verdict of the form, to say whether the server's differs. */
export function readRefusal(err: unknown, pageIssues: readonly Keyed[]): Refusal {
  if (!isApiError(err)) return { kind: 'other' };
  const d = obj(err.details);
  switch (err.code) {
    case 'SURVEY_CONFLICT': {
      const server = (d as Partial<ConflictDetails>).server;
      return server && typeof server === 'object' ? { kind: 'conflict', server } : { kind: 'conflict-gone' };
    }
    case 'SURVEY_FORM_TAKEN': {
      const id = (d as Partial<FormTakenDetails>).id;
      return typeof id === 'string' && id ? { kind: 'taken', id } : { kind: 'other' };
    }
    case 'SURVEY_LOCKED':
      return { kind: 'locked' };
    case 'SURVEY_ID_MISMATCH':
      return { kind: 'mismatch' };
    case 'SURVEY_INVALID': {
      const issues = list((d as Partial<InvalidDetails>).issues);
      return { kind: 'invalid', issues, same: sameIssues(issues, pageIssues) };
    }
    case 'SURVEY_NOT_READY': {
      const issues = list(obj((d as Partial<NotReadyDetails>).verdict).issues);
      return { kind: 'not-ready', issues, same: sameIssues(issues, pageIssues) };
    }
    default:
      return { kind: 'other' };
  }
}
