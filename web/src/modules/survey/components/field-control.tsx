import { useFormContext } from '../contexts/form-context.ts';
import { anchorId, getAt, joinPath } from '../utils/answer-paths.ts';
import type { FieldState } from '../utils/field-state.ts';
import { inputStatus, issuesAt, severityOf } from '../utils/verdict.ts';
import { FieldInput } from './field-input.tsx';
import { IssueNotes } from './issue-notes.tsx';

interface Props {
  state: FieldState;
  path: string;
  /** The path of the level the field is in (a number's unit may be a sibling's answer). */
  prefix: string;
  compact?: boolean;
}

/** The severity an element around a field carries (data-severity), for styling and tests. */
export function useFieldSeverity(path: string): 'blocking' | 'warning' | undefined {
  return severityOf(issuesAt(useFormContext().verdict, path));
}

/** A field's control and, under it, its issues: the same in a form row and in a table cell. */
export function FieldControl({ state, path, prefix, compact }: Props) {
  const { form, answers, verdict, explanations, lang, readOnly, fieldLocked, fieldNote, onAnswer } = useFormContext();
  const def = state.def;
  if (def.type === 'group') return null;
  const issues = issuesAt(verdict, path);
  const unitCode = (def.type === 'integer' || def.type === 'decimal') && def.unitField ? (getAt(answers, joinPath(prefix, def.unitField)) as string | undefined) : undefined;
  return (
    <>
      <FieldInput
        def={def}
        id={`${anchorId(form.code, path)}-input`}
        value={state.computed !== undefined ? state.computed : getAt(answers, path)}
        computed={state.computed !== undefined}
        onChange={(v) => onAnswer(path, v)}
        status={inputStatus(issues, explanations)}
        lang={lang}
        unitCode={unitCode}
        readOnly={readOnly || !!fieldLocked?.(path)}
        compact={compact}
      />
      <IssueNotes issues={issues} />
      {fieldNote?.(path)}
    </>
  );
}
