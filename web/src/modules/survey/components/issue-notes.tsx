import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../../../src/domains/survey/engine/index.ts';
import { useFormContext } from '../contexts/form-context.ts';
import { explanationKey } from '../utils/answer-paths.ts';

/** The issues of one field, under it: blocking in red; warnings in orange with their explanation. */
export function IssueNotes({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation();
  const { lang, explanations, onExplain, readOnly } = useFormContext();
  if (issues.length === 0) return null;
  return (
    <div className="sf-notes">
      {issues.map((i) => {
        const key = explanationKey(i);
        const explained = i.severity === 'warning' && !!explanations[key]?.trim();
        return (
          <div key={key} className={`sf-note sf-note-${i.severity}`} data-testid={`sf-issue-${key}`} data-severity={i.severity} data-explained={explained || undefined}>
            <span className="sf-note-text">
              {i.severity === 'blocking' ? <CloseCircleFilled /> : explained ? <CheckCircleFilled /> : <ExclamationCircleFilled />} {lang === 'en' ? i.message.en : i.message.zh}
            </span>
            {i.severity === 'warning' && (
              <Input
                size="small"
                className="sf-explain"
                data-testid={`sf-explain-${key}`}
                status={explained ? '' : 'warning'}
                disabled={readOnly}
                prefix={<span className="muted">{t('survey.explain')}</span>}
                placeholder={t('survey.explainPlaceholder')}
                maxLength={500}
                value={explanations[key] ?? ''}
                onChange={(e) => onExplain(key, e.target.value)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

