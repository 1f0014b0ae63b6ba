import { describe, expect, it } from 'vitest';
import { groupIssues } from './qa.ts';
import type { QaIssue } from './radioactive-api.ts';

describe('groupIssues', () => {
  it('groups by check in the contract\'s order, keeping each group\'s order', () => {
    const issues: QaIssue[] = [
      { enterpriseId: 1, name: 'A', check: 'no-original-record', detail: '' },
      { sourceId: 7, name: 'S', check: 'missing-from-list', detail: '' },
      { enterpriseId: 2, name: 'B', check: 'no-original-record', detail: '' },
      { enterpriseId: 3, name: 'C', check: 'not-measured', detail: '' },
    ];
    const g = groupIssues(issues);
    expect(g.map((x) => x.check)).toEqual(['missing-from-list', 'not-measured', 'no-original-record']);
    expect(g[2].issues.map((i) => i.name)).toEqual(['A', 'B']);
  });

  it('gives nothing for no issues', () => {
    expect(groupIssues([])).toEqual([]);
  });
});
