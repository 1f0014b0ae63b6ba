import { QA_CHECKS, type QaCheck, type QaIssue } from './radioactive-api.ts';

/** The QA issues grouped by check, in the contract's order of checks (an unknown check last), empty groups left out. */
export function groupIssues(issues: QaIssue[]): Array<{ check: QaCheck; issues: QaIssue[] }> {
  const by = new Map<QaCheck, QaIssue[]>();
  for (const i of issues) {
    const list = by.get(i.check) ?? [];
    list.push(i);
    by.set(i.check, list);
  }
  const order = (c: QaCheck) => {
    const k = QA_CHECKS.indexOf(c);
    return k < 0 ? QA_CHECKS.length : k;
  };
  return [...by].sort(([a], [b]) => order(a) - order(b)).map(([check, list]) => ({ check, issues: list }));
}
