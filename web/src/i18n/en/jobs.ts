// English for the background jobs page: statuses and job kinds. Typed by zh/jobs.ts, so the keys
// must match.
import type { Strings } from '../strings.ts';
import type * as zh from '../zh/jobs.ts';

export const jobs: Strings<typeof zh.jobs> = {
  title: 'Jobs',
  id: 'ID',
  kind: 'Kind',
  status: 'Status',
  progress: 'Progress',
  message: 'Message',
  createdAt: 'Created',
  startedAt: 'Started',
  finishedAt: 'Finished',
  attempts: 'Attempts',
  params: 'Parameters',
  result: 'Result',
  error: 'Error',
  cancel: 'Cancel',
  resume: 'Resume',
  cancelRequested: 'Cancelling',
  cancelSent: 'Cancellation requested',
  resumed: 'The job is queued again',
  autoRefresh: 'Jobs are running; refreshing every 2 seconds',
  anyStatus: 'Any status',
  statuses: {
    queued: 'Queued',
    running: 'Running',
    succeeded: 'Succeeded',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },
  kinds: {
    'users.import': 'Bulk user import',
    'registers.import': 'Department register import',
    'directory.match': 'Directory matching',
    'demo.load': 'Demo data load',
  },
};
