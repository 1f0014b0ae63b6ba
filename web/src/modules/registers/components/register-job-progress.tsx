import { JobProgressLine } from '../../jobs/components/job-progress-line.tsx';
import { useJob } from '../../jobs/hooks/use-job.ts';

/** The import job of a register still importing: a small bar, re-read every 2 s. */
export function RegisterJobProgress({ jobId }: { jobId: number }) {
  const job = useJob(jobId, 2000).data;
  if (!job) return null;
  return (
    <div data-testid="register-job-progress" data-job-status={job.status}>
      <JobProgressLine job={job} />
    </div>
  );
}
