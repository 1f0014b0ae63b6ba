// The verdict the server stored with a submission, cut the way the survey form renderer reads it
// (issues by path, a summary), each warning carrying its explanation from the stored answers.
import type { Issue } from '../../../../../src/domains/survey/engine/index.ts';
import type { SurveyIssue } from '../../../api/survey-types.ts';
import { summarise, type FormVerdict } from '../../survey/utils/verdict.ts';

export function serverFormVerdict(all: readonly SurveyIssue[], form: string, explanations: Record<string, string>): FormVerdict {
  const issues: Issue[] = all
    .filter((i) => i.form === form)
    .map((i) => {
      const explanation = i.explanation ?? explanations[`${i.rule}@${i.path}`];
      return explanation ? { ...i, explanation } : { ...i };
    });
  const byPath = new Map<string, Issue[]>();
  for (const i of issues) {
    const list = byPath.get(i.path) ?? [];
    list.push(i);
    byPath.set(i.path, list);
  }
  return { issues, byPath, summary: summarise(issues) };
}
