import { Card } from 'antd';
import { useMemo } from 'react';
import { FormContext, useFormContext, type FormContextValue } from '../contexts/form-context.ts';
import { anchorId } from '../utils/answer-paths.ts';
import { levelStates, rootScope, sections, type FieldState } from '../utils/field-state.ts';
import { issuesAt } from '../utils/verdict.ts';
import { FieldControl, useFieldSeverity } from './field-control.tsx';
import { GroupTable } from './group-table.tsx';
import { IssueNotes } from './issue-notes.tsx';

/**
 * A form rendered from its definition: sections of label-and-input rows, repeat groups as
 * editable tables; irrelevant fields hidden, calculated ones read-only, issues beside their field.
 */
export function SurveyForm(props: FormContextValue) {
  const { form, values, env } = props;
  const scope = useMemo(() => rootScope(form, values), [form, values]);
  const states = useMemo(() => levelStates(form.root, scope, env).filter((s) => s.relevant), [form, scope, env]);
  const formIssues = issuesAt(props.verdict, '');
  return (
    <FormContext.Provider value={props}>
      <div className="sf-form" id={anchorId(form.code, '')} data-testid="survey-form" data-form={form.code}>
        {formIssues.length > 0 && <IssueNotes issues={formIssues} />}
        {sections(states).map((sec) =>
          sec.kind === 'group' ? (
            <GroupTable key={sec.items[0].field.id} state={sec.items[0]} path={sec.items[0].field.id} parent={scope} />
          ) : (
            <Card key={sec.items[0].field.id} size="small" className="sf-section">
              <div className="sf-grid">
                {sec.items.map((s) => (
                  <FieldRow key={s.field.id} state={s} path={s.field.id} prefix="" />
                ))}
              </div>
            </Card>
          ),
        )}
      </div>
    </FormContext.Provider>
  );
}

interface RowProps {
  state: FieldState;
  path: string;
  /** The path of the level the field is in (a number's unit may be a sibling's answer). */
  prefix: string;
}

/** One field: its label on the left, its control and issues on the right. */
function FieldRow({ state, path, prefix }: RowProps) {
  const { form, lang } = useFormContext();
  const severity = useFieldSeverity(path);
  const def = state.def;
  const id = anchorId(form.code, path);
  const hint = def.hint ? (lang === 'en' ? def.hint.en : def.hint.zh) : undefined;
  return (
    <div className="sf-row" id={id} data-testid={`sf-field-${path}`} data-severity={severity}>
      <label htmlFor={`${id}-input`} className="sf-label" title={hint}>
        {state.required && <span className="sf-required">*</span>}
        {lang === 'en' ? def.label.en : def.label.zh}
        {hint && <span className="sf-hint">{hint}</span>}
      </label>
      <div className="sf-control">
        <FieldControl state={state} path={path} prefix={prefix} />
      </div>
    </div>
  );
}
