// The queue's filters live in the URL, so the review view (J/K) walks the same queue the list showed.
import { ISSUE_FILTERS, type IssueFilter, type QueueFilter } from '../../../api/review-types.ts';

export function filterFromParams(p: URLSearchParams): QueueFilter {
  const issues = p.get('issues');
  const age = Number(p.get('minAgeDays'));
  return {
    form: p.get('form') || undefined,
    township: p.get('township') || undefined,
    issues: ISSUE_FILTERS.includes(issues as IssueFilter) ? (issues as IssueFilter) : undefined,
    minAgeDays: Number.isInteger(age) && age > 0 ? age : undefined,
  };
}

export function filterToParams(f: QueueFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.form) out.form = f.form;
  if (f.township) out.township = f.township;
  if (f.issues) out.issues = f.issues;
  if (f.minAgeDays) out.minAgeDays = String(f.minAgeDays);
  return out;
}

/** The filter as the server reads it: only what is set. */
export function filterBody(f: QueueFilter): QueueFilter {
  const out: QueueFilter = {};
  if (f.form) out.form = f.form;
  if (f.township) out.township = f.township;
  if (f.issues) out.issues = f.issues;
  if (f.minAgeDays) out.minAgeDays = f.minAgeDays;
  return out;
}
