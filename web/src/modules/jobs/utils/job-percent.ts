import type { Job } from '../../../api/types.ts';

/** How far a job is, 0–100, from its progress counters. */
export function jobPercent(job: Pick<Job, 'status' | 'progressDone' | 'progressTotal'>): number {
  if (job.status === 'succeeded') return 100;
  if (!job.progressTotal) return 0;
  return Math.min(100, Math.floor((job.progressDone / job.progressTotal) * 100));
}

/** The antd Progress status that matches a job's status. */
export const PROGRESS_STATUS = { failed: 'exception', cancelled: 'exception', succeeded: 'success', running: 'active', queued: 'normal' } as const;
