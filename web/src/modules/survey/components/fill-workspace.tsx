import { Alert } from 'antd';
import { useCallback, useMemo, type Dispatch, type ReactNode } from 'react';
import type { Issue } from '../../../../../src/domains/survey/engine/index.ts';
import { censusEngine } from '../../../../../src/domains/survey/forms/index.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { evalEnv } from '../utils/field-state.ts';
import type { FillAction, FillState } from '../utils/fill-state.ts';
import { focusField } from '../utils/focus-field.ts';
import { pathLabel } from '../utils/path-label.ts';
import { formVerdict, type SetVerdict } from '../utils/verdict.ts';
import { IssueList } from './issue-list.tsx';
import { SurveyForm } from './survey-form.tsx';
import { VerdictSummary } from './verdict-summary.tsx';

interface Props {
  /** The form on screen. */
  code: string;
  state: FillState;
  dispatch: Dispatch<FillAction>;
  verdict: SetVerdict | null;
  readOnly?: boolean;
  /** See FormContextValue: fields locked in a form that may change, and notes under fields. */
  fieldLocked?: (path: string) => boolean;
  fieldNote?: (path: string) => ReactNode;
  /** Switches the form on screen (an issue of another form was clicked). */
  onOpenForm: (code: string) => void;
  /** Above the form: the form's name, buttons. */
  toolbar?: ReactNode;
  /** Below the summary in the side column. */
  side?: ReactNode;
}

/** The form with its live checks: the form on the left, the summary and the list of issues on the right. */
export function FillWorkspace({ code, state, dispatch, verdict, readOnly = false, fieldLocked, fieldNote, onOpenForm, toolbar, side }: Props) {
  const lang = useLang();
  const fill = state.forms[code];
  const resolved = fill ? censusEngine().resolveForm(code, fill.version) : null;
  const values = verdict?.verdict.values;
  const env = useMemo(() => evalEnv(values ?? {}), [values]);
  const fv = formVerdict(verdict, code);

  const onAnswer = useCallback((path: string, value: unknown) => dispatch({ type: 'answer', form: code, path, value }), [dispatch, code]);
  const onAddRow = useCallback((path: string) => dispatch({ type: 'add-row', form: code, path }), [dispatch, code]);
  const onRemoveRow = useCallback((path: string, index: number) => dispatch({ type: 'remove-row', form: code, path, index }), [dispatch, code]);
  const onExplain = useCallback((key: string, text: string) => dispatch({ type: 'explain', form: code, key, text }), [dispatch, code]);

  const onOpenIssue = useCallback(
    (i: Issue) => {
      if (i.form === code || !state.forms[i.form]) {
        focusField(i.form, i.path);
        return;
      }
      onOpenForm(i.form);
      setTimeout(() => focusField(i.form, i.path), 200);
    },
    [code, state.forms, onOpenForm],
  );
  const describe = useCallback(
    (i: Issue) => {
      const def = i.form && state.forms[i.form] ? censusEngine().resolveForm(i.form, state.forms[i.form].version) : null;
      const where = pathLabel(def && 'form' in def ? def.form.def : undefined, i.path, lang);
      return i.form === code ? where : `${i.form}${where ? ` · ${where}` : ''}`;
    },
    [state.forms, lang, code],
  );

  return (
    <div className="sf-layout">
      <div className="sf-main">
        {toolbar}
        {!fill || !resolved ? null : 'error' in resolved ? (
          <Alert type="warning" showIcon title={lang === 'en' ? resolved.message.en : resolved.message.zh} />
        ) : (
          <SurveyForm
            form={resolved.form}
            answers={fill.answers}
            values={values?.[code] ?? {}}
            explanations={fill.explanations}
            verdict={fv}
            env={env}
            lang={lang}
            readOnly={readOnly}
            fieldLocked={fieldLocked}
            fieldNote={fieldNote}
            onAnswer={onAnswer}
            onAddRow={onAddRow}
            onRemoveRow={onRemoveRow}
            onExplain={onExplain}
          />
        )}
      </div>
      <div className="sf-side">
        <VerdictSummary summary={fv.summary} set={verdict?.summary} ms={verdict?.ms} />
        {side}
        <IssueList issues={verdict?.verdict.issues ?? []} current={code} lang={lang} onOpen={onOpenIssue} describe={describe} />
      </div>
    </div>
  );
}
