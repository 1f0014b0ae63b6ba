// The survey forms kept on the device, as pure steps (tested without IndexedDB): a save as the
// taker types, "submit", and what each answer of the server does to the local copy. An answer
// applies fully only to the copy that was sent; a copy edited meanwhile keeps its new content
// and takes only the server's revision as its base.
import type { LocalSubmission, ServerSubmission } from '../types.ts';

export const submissionKey = (unitKey: string, form: string) => `${unitKey}|${form}`;

export interface FillInput {
  unitKey: string;
  packageId: number;
  form: string;
  version: number;
  answers: Record<string, unknown>;
  explanations: Record<string, string>;
}

/** A save as the taker types: the answers change, the copy is a draft again (a new submit sends it). */
export function draftChange(prev: LocalSubmission | undefined, fill: FillInput, now: string, makeId: () => string): LocalSubmission {
  const base: LocalSubmission = prev ?? {
    key: submissionKey(fill.unitKey, fill.form), unitKey: fill.unitKey, packageId: fill.packageId, id: makeId(), form: fill.form,
    version: fill.version, answers: {}, explanations: {}, status: 'draft', pending: false, baseRev: null, serverStatus: null, savedAt: now,
  };
  const same = prev && prev.version === fill.version && json(prev.answers) === json(fill.answers) && json(prev.explanations) === json(fill.explanations);
  if (same) return prev;
  const { failed: _failed, ...rest } = base;
  return { ...rest, version: fill.version, answers: fill.answers, explanations: fill.explanations, status: 'draft', pending: false, savedAt: now, edited: true };
}

/** "Submit": the copy is marked for sending (the page allows it only when its verdict is ready). */
export function markSubmitted(s: LocalSubmission, now: string): LocalSubmission {
  const { failed: _failed, ...rest } = s;
  return { ...rest, status: 'submitted', pending: true, savedAt: now };
}

/** What the sync sends: marked, not waiting for the taker's choice, and its unit known to the server. */
export function sendableSubmission(s: LocalSubmission, sourceId: number | null): boolean {
  return s.pending && !s.conflict && sourceId !== null;
}

const unchanged = (current: LocalSubmission, sent: LocalSubmission) => current.savedAt === sent.savedAt && current.id === sent.id;

/** The server stored it (or had it already: a resend): the new revision is the base of the next send. */
export function afterStored(current: LocalSubmission, sent: LocalSubmission, res: { rev: number; status: string }): LocalSubmission {
  // Submitted again, a returned form goes back up the chain: the return is over.
  const { review, ...kept } = current;
  const still = res.status === 'returned' && review ? { review } : {};
  if (!unchanged(current, sent)) return { ...kept, ...still, baseRev: res.rev, serverStatus: res.status };
  const { failed: _f, conflict: _c, ...rest } = kept;
  return { ...rest, ...still, baseRev: res.rev, serverStatus: res.status, pending: false, edited: false };
}

/** The server holds another revision (or the form under another id): the taker chooses. */
export function afterConflict(current: LocalSubmission, server: ServerSubmission): LocalSubmission {
  return { ...current, conflict: server };
}

/** The server refused the copy sent (not ready, malformed): shown at the form, not resent until submitted again. */
export function afterRefused(current: LocalSubmission, sent: LocalSubmission, failed: NonNullable<LocalSubmission['failed']>, serverStatus?: string): LocalSubmission {
  const status = serverStatus ? { serverStatus } : {};
  if (!unchanged(current, sent)) return { ...current, ...status };
  return { ...current, ...status, pending: false, failed };
}

/** Keep mine: the local copy goes again, over the server's revision (and under its id). */
export function keepMineSubmission(s: LocalSubmission): LocalSubmission {
  if (!s.conflict) return s;
  const { conflict, ...rest } = s;
  return { ...rest, id: conflict.id, baseRev: conflict.rev, serverStatus: conflict.status, pending: true };
}

/** Take the server's: its answers replace the local copy, nothing is sent. */
export function takeServerSubmission(s: LocalSubmission, now: string): LocalSubmission {
  if (!s.conflict) return s;
  const { conflict: c, failed: _f, ...rest } = s;
  return {
    ...rest, id: c.id, version: c.version, answers: c.answers, explanations: c.explanations, baseRev: c.rev, serverStatus: c.status,
    status: c.status === 'submitted' ? 'submitted' : 'draft', pending: false, savedAt: now, edited: false,
  };
}

function json(v: unknown): string {
  return JSON.stringify(v ?? null);
}
