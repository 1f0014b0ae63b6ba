import { Alert, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../api/types.ts';
import { JsonView } from '../../ui/components/json-view.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { jobErrorText } from '../utils/job-error-text.ts';

/** The expanded row of a job: timing, parameters, and its result or error. */
export function JobDetails({ job }: { job: Job }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = jobErrorText(job.error, lang);
  return (
    <div data-testid="job-details">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 4 }}
        className="block-gap"
        items={[
          { key: 'created', label: t('jobs.createdAt'), children: formatDateTime(job.createdAt, lang) },
          { key: 'started', label: t('jobs.startedAt'), children: formatDateTime(job.startedAt, lang) },
          { key: 'finished', label: t('jobs.finishedAt'), children: formatDateTime(job.finishedAt, lang) },
          { key: 'attempts', label: t('jobs.attempts'), children: job.attempts },
        ]}
      />
      {job.error != null && (
        <Alert type="error" showIcon className="block-gap" data-testid="job-error" title={errorText ?? t('jobs.error')} description={errorText ? undefined : <JsonView value={job.error} />} />
      )}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('jobs.params')}</Typography.Text>
          <JsonView value={job.params} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('jobs.result')}</Typography.Text>
          <JsonView value={job.result} testId="job-result" />
        </Col>
      </Row>
    </div>
  );
}
