// The survey forms' part of a sync, after the inventory's (so a unit added in the field has its
// server id by now): each form marked for sending goes up alone with PUT /submissions/:id under
// the id made on the device — a resend of the same content is answered from what is stored —
// after the files it names (survey-attachments.ts), and each answer is applied to the local copy
// in its own transaction.
import { api, isApiError, type ApiError } from '../../../api/client.ts';
import type { SubmissionResult } from '../../../api/survey-types.ts';
import type { LocalSubmission, LocalUnit, ServerSubmission, SurveyIssueLite } from '../types.ts';
import { STORES, get, getAll, notify, tx } from './field-db.ts';
import { afterConflict, afterRefused, afterStored, sendableSubmission } from './survey-rules.ts';
import { uploadAttachments } from './survey-attachments.ts';

export interface SurveySyncCounts {
  surveys: number;
  surveyConflicts: number;
  surveyRefused: number;
}

type Outcome = { kind: 'stored'; res: SubmissionResult } | { kind: 'conflict'; server: ServerSubmission } | { kind: 'refused'; failed: NonNullable<LocalSubmission['failed']>; serverStatus?: string };

export async function sendSubmissions(): Promise<SurveySyncCounts> {
  const counts: SurveySyncCounts = { surveys: 0, surveyConflicts: 0, surveyRefused: 0 };
  const waiting = await tx([STORES.submissions, STORES.units], 'readonly', async (t) => {
    const subs = (await getAll<LocalSubmission>(t, STORES.submissions)).filter((s) => s.pending);
    const out: Array<{ sub: LocalSubmission; sourceId: number | null }> = [];
    for (const sub of subs) out.push({ sub, sourceId: (await get<LocalUnit>(t, STORES.units, sub.unitKey))?.sourceId ?? null });
    return out.sort((a, b) => a.sub.savedAt.localeCompare(b.sub.savedAt));
  });
  for (const { sub, sourceId } of waiting) {
    if (!sendableSubmission(sub, sourceId)) continue; // a unit the server does not know yet waits for the next sync
    const outcome = await send(sub, sourceId!);
    await apply(sub, outcome);
    if (outcome.kind === 'stored') counts.surveys++;
    else if (outcome.kind === 'conflict') counts.surveyConflicts++;
    else counts.surveyRefused++;
  }
  if (waiting.length) notify(STORES.submissions);
  return counts;
}

async function put(sub: LocalSubmission, sourceId: number): Promise<SubmissionResult> {
  const body = { sourceId, form: sub.form, version: sub.version, answers: sub.answers, explanations: sub.explanations, status: sub.status, baseRev: sub.baseRev };
  return api.put<SubmissionResult>(`/api/v1/submissions/${sub.id}`, body);
}

/**
 * One form sent, after the files it names that wait on the device; a refusal of the form (or of
 * one of its files) is an outcome, anything else (network, session) stops the sync.
 */
async function send(sub: LocalSubmission, sourceId: number): Promise<Outcome> {
  try {
    await uploadAttachments(sub, sourceId);
    return { kind: 'stored', res: await put(sub, sourceId) };
  } catch (e) {
    if (!isApiError(e) || e.status === 0 || e.status === 401 || e.code === 'AUTH_CSRF' || e.status >= 500) throw e;
    return refusal(e, sub.id);
  }
}

/** The stored status of a submission (approved or locked after SURVEY_LOCKED); unknown when unreadable. */
async function statusOf(id: string): Promise<string | undefined> {
  try {
    return (await api.get<{ status: string }>(`/api/v1/submissions/${id}`)).status;
  } catch {
    return undefined;
  }
}

async function refusal(e: ApiError, id: string): Promise<Outcome> {
  const d = (e.details && typeof e.details === 'object' ? e.details : {}) as Record<string, unknown>;
  if (e.code === 'SURVEY_CONFLICT' && d.server && typeof d.server === 'object') return { kind: 'conflict', server: d.server as ServerSubmission };
  if (e.code === 'SURVEY_FORM_TAKEN' && typeof d.id === 'string') {
    // The form was begun elsewhere under another id: that submission is the server's copy.
    return { kind: 'conflict', server: await api.get<ServerSubmission>(`/api/v1/submissions/${d.id}`) };
  }
  if (e.code === 'SURVEY_LOCKED' || e.code === 'SURVEY_FIELD_LOCKED') {
    // Refused by the review chain: not resent; the form shows why (and, approved, stays read-only).
    const paths = Array.isArray(d.paths) ? (d.paths as unknown[]).filter((p): p is string => typeof p === 'string') : undefined;
    return { kind: 'refused', failed: { code: e.code, message: e.text, issues: [], ...(paths ? { paths } : {}) }, serverStatus: e.code === 'SURVEY_LOCKED' ? await statusOf(id) : undefined };
  }
  const verdict = (d.verdict && typeof d.verdict === 'object' ? d.verdict : {}) as Record<string, unknown>;
  const issues = (Array.isArray(d.issues) ? d.issues : Array.isArray(verdict.issues) ? verdict.issues : []) as SurveyIssueLite[];
  return { kind: 'refused', failed: { code: e.code, message: e.text, issues } };
}

async function apply(sent: LocalSubmission, o: Outcome): Promise<void> {
  await tx([STORES.submissions], 'readwrite', async (t) => {
    const current = await get<LocalSubmission>(t, STORES.submissions, sent.key);
    if (!current) return;
    const next = o.kind === 'stored' ? afterStored(current, sent, o.res) : o.kind === 'conflict' ? afterConflict(current, o.server) : afterRefused(current, sent, o.failed, o.serverStatus);
    t.objectStore(STORES.submissions).put(next);
  });
}
