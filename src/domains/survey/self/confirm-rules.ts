// 法定代表人确认 rules, pure: what must hold before the legal representative confirms a source's
// forms, which revisions a confirmation covers, and whether a stored confirmation still stands.
// A confirmation covers the exact revision of every form sent; any later save of one of them
// (even back to draft) voids it, and the forms must be confirmed again.

export interface FormState {
  code: string;
  defined: boolean;
  status: 'required' | 'undetermined' | 'not-required';
  submission: null | { rev: number; status: string; ready: boolean };
}

export type Missing = { form: string; reason: 'missing' | 'draft' | 'returned' | 'not-defined' };

const SENT = new Set(['submitted', 'approved', 'locked']);

/** What stands between the source and its confirmation (empty when it may confirm). */
export function missingForConfirm(forms: FormState[]): Missing[] {
  const out: Missing[] = [];
  for (const f of forms) {
    if (f.status === 'not-required') continue; // sent but no longer applying: not part of the set
    const s = f.submission;
    if (s && !SENT.has(s.status)) out.push({ form: f.code, reason: s.status === 'returned' ? 'returned' : 'draft' });
    else if (!s && f.status === 'required') out.push({ form: f.code, reason: f.defined ? 'missing' : 'not-defined' });
  }
  // A form not defined yet cannot be filled on line; it does not hold the confirmation back.
  return out.filter((m) => m.reason !== 'not-defined');
}

/** The revision of every applicable form sent: what a confirmation now would cover. */
export function currentRevisions(forms: FormState[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of forms) if (f.status !== 'not-required' && f.submission && SENT.has(f.submission.status)) out[f.code] = f.submission.rev;
  return out;
}

export function sameRevisions(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** A stored confirmation stands while nothing is missing and it covers exactly the current revisions. */
export function confirmationStands(revisions: Record<string, number>, forms: FormState[]): boolean {
  return missingForConfirm(forms).length === 0 && sameRevisions(revisions, currentRevisions(forms));
}
