import { Alert, Button, Modal, Progress, Space, Statistic, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job, MatchResult } from '../../../api/types.ts';
import { useJob } from '../../jobs/hooks/use-job.ts';
import { isActiveJob } from '../../jobs/utils/is-active-job.ts';
import { jobErrorText } from '../../jobs/utils/job-error-text.ts';
import { jobPercent, PROGRESS_STATUS } from '../../jobs/utils/job-percent.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

const RESULT_KEYS = ['rowsRead', 'rowsLinked', 'sourcesCreated', 'queued', 'pairsScored'] as const;

/** The counts of a finished match job, when its result has them. */
function resultOf(result: unknown): MatchResult | null {
  const r = result as Partial<MatchResult> | null;
  return r && RESULT_KEYS.every((k) => typeof r[k] === 'number') ? (r as MatchResult) : null;
}

/** The matching job re-read every second; once it ends, its counts, and the directory and queue are re-read. */
export function DirectoryMatchModal({ started, onClose }: { started: Job; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const query = useJob(started.id, 1000);
  const job = query.data ?? started;
  const ended = !isActiveJob(job);
  const result = resultOf(job.result);

  useEffect(() => {
    if (ended) void qc.invalidateQueries({ queryKey: directoryKeys.all });
  }, [ended, qc]);

  return (
    <Modal
      open
      title={t('directory.matchTitle')}
      onCancel={onClose}
      footer={
        <Button type={ended ? 'primary' : 'default'} data-testid="directory-match-close" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
      width={560}
    >
      {!ended ? (
        <div data-testid="directory-match-progress" data-job-status={job.status}>
          <Typography.Paragraph>{job.status === 'queued' ? t('directory.matchQueued') : job.message ?? t('directory.matchRunning')}</Typography.Paragraph>
          <Progress percent={jobPercent(job)} status={PROGRESS_STATUS[job.status]} />
          <Typography.Text type="secondary" className="progress-count">
            {job.progressDone} / {job.progressTotal ?? '?'}
          </Typography.Text>
          <Typography.Paragraph type="secondary" className="register-hint">
            {t('directory.matchBackground')}
          </Typography.Paragraph>
        </div>
      ) : (
        <div data-testid="directory-match-result" data-job-status={job.status}>
          <Alert
            className="block-gap"
            showIcon
            type={job.status === 'succeeded' ? 'success' : 'error'}
            title={job.status === 'succeeded' ? t('directory.matchDone') : t('directory.matchFailed')}
            description={job.status === 'succeeded' ? undefined : jobErrorText(job.error, lang) ?? undefined}
          />
          {result && (
            <Space size="large" wrap>
              {RESULT_KEYS.map((k) => (
                <Statistic key={k} title={t(`directory.result.${k}`)} value={result[k]} data-testid={`directory-match-${k}`} />
              ))}
            </Space>
          )}
        </div>
      )}
      <QueryErrorAlert error={query.error} onRetry={query.refetch} />
    </Modal>
  );
}
