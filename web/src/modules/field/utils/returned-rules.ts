// Forms the review chain sent back (退回), as pure steps over the device's copy (tested without
// IndexedDB). A copy with no local edit takes the server's answers and revision; one edited here
// keeps its content: over the same revision it simply goes up again when submitted, over another
// it waits for the taker's choice, as any conflict does. Which fields an unlock left open.
import type { LocalSubmission, ReturnedItem, ServerSubmission } from '../types.ts';
import { submissionKey } from './survey-rules.ts';

/** Changed on the device and not yet stored by the server (copies older than the flag: a draft counts). */
export function editedHere(s: LocalSubmission): boolean {
  return s.pending || (s.edited ?? s.status === 'draft');
}

const asServer = (i: ReturnedItem): ServerSubmission => ({ id: i.id, form: i.form, version: i.version, rev: i.rev, status: 'returned', answers: i.answers, explanations: i.explanations });

/** The device's copy after the sync learnt the form is returned. */
export function applyReturned(prev: LocalSubmission | undefined, item: ReturnedItem, unitKey: string, packageId: number, now: string): LocalSubmission {
  const taken: LocalSubmission = {
    key: submissionKey(unitKey, item.form), unitKey, packageId, id: item.id, form: item.form, version: item.version,
    answers: item.answers, explanations: item.explanations, status: 'draft', pending: false, baseRev: item.rev, serverStatus: 'returned',
    savedAt: now, edited: false, review: item.review,
  };
  if (!prev) return taken;
  if (!editedHere(prev) && !prev.conflict) {
    // Pulled again unchanged: the copy stays as it is (no write, no reload of the form on screen).
    const same = prev.id === item.id && prev.baseRev === item.rev && prev.serverStatus === 'returned' && !prev.failed && json(prev.review) === json(item.review);
    return same ? prev : taken;
  }
  // An edit made here stays. Over the very revision returned, nothing to choose; otherwise the taker chooses.
  const same = prev.id === item.id && prev.baseRev === item.rev;
  // Refused earlier as locked (approved meanwhile), the copy may go again now that it is returned.
  const { failed, ...rest } = prev;
  const kept = failed && failed.code !== 'SURVEY_LOCKED' ? { failed } : {};
  const next: LocalSubmission = { ...rest, ...kept, serverStatus: 'returned', review: item.review, ...(same ? {} : { conflict: asServer(item) }) };
  return json(next) === json(prev) ? prev : next;
}

/** The device's copy of a form no longer returned (submitted again, from here or elsewhere): the return is over. */
export function returnEnded(s: LocalSubmission): LocalSubmission {
  if (!s.review) return s;
  const { review: _r, ...rest } = s;
  return rest;
}

/** Is the field at `path` locked (an unlock opened only `open`)? A path under an open one (a group, a row) is open. */
export function lockedPath(open: string[] | null | undefined, path: string): boolean {
  if (!open) return false;
  return !open.some((o) => path === o || path.startsWith(`${o}.`) || path.startsWith(`${o}[`));
}

/** Pasted or typed answers restricted to what may change: every locked field keeps its stored value. */
export function onlyOpen(open: string[] | null | undefined, answers: Record<string, unknown>): Record<string, unknown> {
  if (!open) return answers;
  return Object.fromEntries(Object.entries(answers).filter(([k]) => !lockedPath(open, k)));
}

function json(v: unknown): string {
  return JSON.stringify(v ?? null);
}
