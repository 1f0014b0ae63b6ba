import { Progress, Typography } from 'antd';
import { useJob } from '../../jobs/hooks/use-job.ts';
import { jobPercent, PROGRESS_STATUS } from '../../jobs/utils/job-percent.ts';

/** The import job of a register still importing: a small bar, re-read every 2 s. */
export function RegisterJobProgress({ jobId }: { jobId: number }) {
  const job = useJob(jobId, 2000).data;
  if (!job) return null;
  return (
    <div data-testid="register-job-progress" data-job-status={job.status}>
      <Progress percent={jobPercent(job)} size="small" status={PROGRESS_STATUS[job.status]} />
      <Typography.Text type="secondary" className="progress-count">
        {job.progressDone} / {job.progressTotal ?? '?'}
        {job.message ? ` · ${job.message}` : ''}
      </Typography.Text>
    </div>
  );
}
