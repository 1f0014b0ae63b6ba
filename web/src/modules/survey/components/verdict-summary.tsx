import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../utils/verdict.ts';

interface Props {
  /** The form on screen (it is submitted alone). */
  summary: Summary;
  /** The whole set of the source's forms. */
  set?: Summary;
  ms?: number;
}

/** Ready or not, and how many blocking issues, warnings and unexplained warnings stand. */
export function VerdictSummary({ summary, set, ms }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="sf-side-card"
      data-testid="survey-summary"
      data-ready={summary.ready}
      data-blocking={summary.blocking}
      data-warnings={summary.warnings}
      data-unexplained={summary.unexplained}
    >
      <Space wrap size={4}>
        <Tag color={summary.ready ? 'success' : 'error'} data-testid="survey-summary-state">
          {summary.ready ? t('survey.summary.ready') : t('survey.summary.notReady')}
        </Tag>
        <Tag color={summary.blocking ? 'red' : undefined}>{t('survey.summary.blocking', { count: summary.blocking })}</Tag>
        <Tag color={summary.warnings ? 'orange' : undefined}>{t('survey.summary.warnings', { count: summary.warnings })}</Tag>
        <Tag color={summary.unexplained ? 'orange' : undefined}>{t('survey.summary.unexplained', { count: summary.unexplained })}</Tag>
      </Space>
      {set && (
        <Typography.Text type="secondary" className="sf-summary-set">
          {t('survey.summary.setLine', { blocking: set.blocking, warnings: set.warnings, unexplained: set.unexplained })}
          {ms !== undefined && ` · ${t('survey.summary.checkedIn', { ms: ms.toFixed(1) })}`}
        </Typography.Text>
      )}
    </Card>
  );
}
