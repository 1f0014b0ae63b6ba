import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Statistic, Typography } from 'antd';
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Register, RegisterImport } from '../../../api/types.ts';
import { useJob } from '../../jobs/hooks/use-job.ts';
import { isActiveJob } from '../../jobs/utils/is-active-job.ts';
import { jobErrorText } from '../../jobs/utils/job-error-text.ts';
import { jobPercent, PROGRESS_STATUS } from '../../jobs/utils/job-percent.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useRegister } from '../hooks/use-register.ts';
import { registerErrorsUrl } from '../utils/register-errors-url.ts';
import { registerKeys } from '../utils/register-keys.ts';

type Counts = Pick<Register, 'rowCount' | 'validCount' | 'errorCount'>;

/** The job's result when it carries the counts itself. */
function countsIn(result: unknown): Counts | null {
  const r = result as Partial<Counts> | null;
  return r && typeof r.rowCount === 'number' && typeof r.validCount === 'number' && typeof r.errorCount === 'number'
    ? { rowCount: r.rowCount, validCount: r.validCount, errorCount: r.errorCount }
    : null;
}

interface Props {
  started: RegisterImport;
  onViewRows: (r: Register) => void;
}

/** Step 3 of the wizard: the import job's progress (re-read every second), then what came of it. */
export function RegisterImportResult({ started, onViewRows }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const jobQuery = useJob(started.job.id, 1000);
  const job = jobQuery.data ?? started.job;
  const ended = !isActiveJob(job);
  const registerQuery = useRegister(started.register.id, ended);
  const register = registerQuery.data;
  const found = register ?? countsIn(job.result);
  // A failed import that read nothing has no counts worth showing.
  const counts = found && (job.status === 'succeeded' || found.rowCount > 0) ? found : null;

  // The list behind the wizard shows the new register's final state.
  useEffect(() => {
    if (ended) void qc.invalidateQueries({ queryKey: registerKeys.list });
  }, [ended, qc]);

  if (!ended) {
    return (
      <div data-testid="register-progress" data-job-status={job.status}>
        <Typography.Paragraph>{job.status === 'queued' ? t('registers.queued') : job.message ?? t('registers.progress')}</Typography.Paragraph>
        <Progress percent={jobPercent(job)} status={PROGRESS_STATUS[job.status]} />
        <Typography.Text type="secondary" className="progress-count">
          {job.progressDone} / {job.progressTotal ?? '?'}
        </Typography.Text>
        <QueryErrorAlert error={jobQuery.error} onRetry={jobQuery.refetch} />
        <Typography.Paragraph type="secondary" className="register-hint">{t('registers.background')}</Typography.Paragraph>
      </div>
    );
  }

  const failed = job.status !== 'succeeded';
  const title = job.status === 'succeeded' ? t('registers.done') : job.status === 'cancelled' ? t('registers.cancelled') : t('registers.failed');
  return (
    <div data-testid="register-result" data-job-status={job.status}>
      <Alert
        className="block-gap"
        type={failed ? 'error' : counts && counts.errorCount > 0 ? 'warning' : 'success'}
        showIcon
        title={title}
        description={failed ? jobErrorText(job.error, lang) ?? undefined : undefined}
      />
      {counts && (
        <div className="block-gap">
          <Space size="large">
            <Statistic title={t('registers.rowCount')} value={counts.rowCount} data-testid="register-result-rows" />
            <Statistic title={t('registers.validCount')} value={counts.validCount} data-testid="register-result-valid" />
            <Statistic
              title={t('registers.errorCount')}
              value={counts.errorCount}
              data-testid="register-result-errors"
              styles={counts.errorCount > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          </Space>
        </div>
      )}
      {!counts && <QueryErrorAlert error={registerQuery.error} onRetry={registerQuery.refetch} />}
      <Space wrap>
        {counts && counts.errorCount > 0 && (
          <Button icon={<DownloadOutlined />} href={registerErrorsUrl(started.register.id)} download data-testid="register-result-errors-download">
            {t('registers.downloadErrors')}
          </Button>
        )}
        {register && counts && (
          <Button data-testid="register-result-rows-open" onClick={() => onViewRows(register)}>
            {t('registers.viewRows')}
          </Button>
        )}
      </Space>
    </div>
  );
}
