import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyIssue } from '../../../api/survey-types.ts';
import { focusField } from '../../survey/utils/focus-field.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';

interface Props {
  issues: SurveyIssue[];
  explanations: Record<string, string>;
  label: (path: string) => string;
}

/** The server's issues of the submission, each warning with the filler's explanation beside it. */
export function ReviewIssues({ issues, explanations, label }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card size="small" title={t('review.view.warningsTitle')} className="sf-side-card" data-testid="review-issues">
      {issues.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.view.noIssues')} />
      ) : (
        <ul className="plain-list sf-list">
          {issues.map((i) => {
            const key = `${i.rule}@${i.path}`;
            const text = i.explanation ?? explanations[key];
            return (
              <li key={`${i.form}|${key}`}>
                <button type="button" className={`sf-list-issue sf-note-${i.severity}`} data-testid="review-issue" data-key={key} data-severity={i.severity} onClick={() => focusField(i.form, i.path)}>
                  {i.severity === 'blocking' ? <CloseCircleFilled /> : text ? <CheckCircleFilled /> : <ExclamationCircleFilled />}
                  <span>
                    <span className="sf-list-where">{label(i.path) || t('survey.wholeForm')}</span>
                    {lang === 'en' ? i.message.en : i.message.zh}
                    {i.severity === 'warning' && (
                      <Typography.Text type={text ? undefined : 'warning'} className="rv-explanation" data-testid="review-explanation">
                        {text ? t('review.view.explanation', { text }) : t('review.view.unexplained')}
                      </Typography.Text>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
