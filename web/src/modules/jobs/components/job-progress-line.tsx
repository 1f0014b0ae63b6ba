import { Progress, Typography } from 'antd';
import type { Job } from '../../../api/types.ts';
import { jobPercent, PROGRESS_STATUS } from '../utils/job-percent.ts';

/** A job's bar with "done / total · message" under it. */
export function JobProgressLine({ job }: { job: Job }) {
  return (
    <>
      <Progress percent={jobPercent(job)} size="small" status={PROGRESS_STATUS[job.status]} />
      <Typography.Text type="secondary" className="progress-count">
        {job.progressDone} / {job.progressTotal ?? '?'}
        {job.message ? ` · ${job.message}` : ''}
      </Typography.Text>
    </>
  );
}
