import type { Job } from '../../../api/types.ts';

/** Queued or running: the job may still change, so the list keeps polling. */
export const isActiveJob = (j: Pick<Job, 'status'>) => j.status === 'queued' || j.status === 'running';
