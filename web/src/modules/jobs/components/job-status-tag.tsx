import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job, JobStatus } from '../../../api/types.ts';

const COLOURS: Record<JobStatus, string> = { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error', cancelled: 'warning' };

export function JobStatusTag({ job }: { job: Job }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[job.status]} data-testid="job-status" data-status={job.status}>
      {job.cancelRequested && job.status === 'running' ? t('jobs.cancelRequested') : t(`jobs.statuses.${job.status}`)}
    </Tag>
  );
}
