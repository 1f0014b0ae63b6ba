// The survey forms on the device (IndexedDB store `submissions`): read a unit's forms, save as
// the taker types, submit, list what waits or needs a choice, settle a conflict.
import type { LocalSubmission, LocalUnit, OutboxEntry } from '../types.ts';
import { STORES, get, getAll, notify, tx } from './field-db.ts';
import { draftChange, keepMineSubmission, markSubmitted, submissionKey, takeServerSubmission, type FillInput } from './survey-rules.ts';

export interface SurveyData {
  unit: LocalUnit;
  entry?: OutboxEntry;
  submissions: LocalSubmission[];
}

/** A unit, its unsent inventory edit and its survey forms, in one transaction. */
export async function surveyData(unitKey: string): Promise<SurveyData | null> {
  return tx([STORES.units, STORES.outbox, STORES.submissions], 'readonly', async (t) => {
    const [unit, entry, submissions] = await Promise.all([
      get<LocalUnit>(t, STORES.units, unitKey),
      get<OutboxEntry>(t, STORES.outbox, unitKey),
      getAll<LocalSubmission>(t, STORES.submissions, unitKey, 'unitKey'),
    ]);
    return unit ? { unit, entry, submissions } : null;
  });
}

async function change(key: string, fn: (prev: LocalSubmission | undefined) => LocalSubmission | undefined): Promise<LocalSubmission | undefined> {
  const next = await tx([STORES.submissions], 'readwrite', async (t) => {
    const prev = await get<LocalSubmission>(t, STORES.submissions, key);
    const n = fn(prev);
    if (n && n !== prev) t.objectStore(STORES.submissions).put(n);
    return n;
  });
  notify(STORES.submissions);
  return next;
}

/** One save as the taker types (the page debounces); an unchanged form writes nothing. */
export function saveSurveyDraft(fill: FillInput): Promise<LocalSubmission | undefined> {
  return change(submissionKey(fill.unitKey, fill.form), (prev) => draftChange(prev, fill, new Date().toISOString(), () => crypto.randomUUID()));
}

/** Saves the form and marks it for sending. */
export function submitSurvey(fill: FillInput): Promise<LocalSubmission | undefined> {
  const now = new Date().toISOString();
  return change(submissionKey(fill.unitKey, fill.form), (prev) => markSubmitted(draftChange(prev, fill, now, () => crypto.randomUUID()), now));
}

export async function resolveSurveyConflict(key: string, choice: 'mine' | 'server'): Promise<void> {
  await change(key, (prev) => (prev ? (choice === 'mine' ? keepMineSubmission(prev) : takeServerSubmission(prev, new Date().toISOString())) : prev));
}

export interface SurveyProblem {
  sub: LocalSubmission;
  unit: LocalUnit | undefined;
}

export interface SurveySummary {
  pending: number;
  problems: SurveyProblem[];
}

/** What the sync tab shows: forms waiting to go up, and those the server refused or holds otherwise. */
export async function surveySummary(): Promise<SurveySummary> {
  return tx([STORES.submissions, STORES.units], 'readonly', async (t) => {
    const subs = await getAll<LocalSubmission>(t, STORES.submissions);
    const problems: SurveyProblem[] = [];
    for (const sub of subs) if (sub.conflict || sub.failed) problems.push({ sub, unit: await get<LocalUnit>(t, STORES.units, sub.unitKey) });
    return { pending: subs.filter((s) => s.pending).length, problems };
  });
}
