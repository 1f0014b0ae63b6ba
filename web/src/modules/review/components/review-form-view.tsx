import { Alert } from 'antd';
import { useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewedSubmission } from '../../../api/review-types.ts';
import { censusEngine } from '../../../../../src/domains/survey/forms/index.ts';
import { SurveyForm } from '../../survey/components/survey-form.tsx';
import { evalEnv } from '../../survey/utils/field-state.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { serverFormVerdict } from '../utils/server-verdict.ts';

interface Props {
  submission: ReviewedSubmission;
  /** Paths that carry a comment (pinned or returned with): outlined on the form. */
  marked: string[];
  /** The field chosen for the next comment. */
  picked: string | null;
  onPick: (path: string) => void;
}

const noop = () => {};
const FIELD = 'sf-field-';

/**
 * The submission read-only, drawn by the survey's own renderer over the stored answers and the
 * server's verdict; a click anywhere on a field picks it for a comment.
 */
export function ReviewFormView({ submission: s, marked, picked, onPick }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const resolved = useMemo(() => censusEngine().resolveForm(s.form, s.version), [s.form, s.version]);
  const values = s.values ?? {};
  const env = useMemo(() => evalEnv({ [s.form]: values }), [s.form, values]);
  const verdict = useMemo(() => serverFormVerdict(s.verdict?.issues ?? [], s.form, s.explanations ?? {}), [s.verdict, s.form, s.explanations]);

  if ('error' in resolved) return <Alert type="warning" showIcon title={t('review.view.formMissing', { form: s.form, version: s.version })} />;

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest(`[data-testid^="${FIELD}"]`);
    const path = el?.getAttribute('data-testid')?.slice(FIELD.length);
    if (path) onPick(path);
  };
  // Outlines drawn by attribute, since the renderer's rows know nothing of comments.
  const css = [...marked.map((p) => `.rv-form [data-testid="${FIELD}${CSS.escape(p)}"]{outline:2px solid #faad14;outline-offset:1px}`),
    picked ? `.rv-form [data-testid="${FIELD}${CSS.escape(picked)}"]{outline:2px solid #1f4e8c;outline-offset:1px}` : ''].join('');
  return (
    <div className="rv-form" onClick={onClick} data-testid="review-form">
      <style>{css}</style>
      <SurveyForm
        form={resolved.form}
        answers={s.answers ?? {}}
        values={values}
        explanations={s.explanations ?? {}}
        verdict={verdict}
        env={env}
        lang={lang}
        readOnly
        onAnswer={noop}
        onAddRow={noop}
        onRemoveRow={noop}
        onExplain={noop}
      />
    </div>
  );
}
