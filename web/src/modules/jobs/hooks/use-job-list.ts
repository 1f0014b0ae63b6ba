import type { InfiniteData } from '@tanstack/react-query';
import type { Job, JobStatus, Page } from '../../../api/types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { isActiveJob } from '../utils/is-active-job.ts';

/** Re-read every 2 s while anything shown is still queued or running, and not otherwise. */
const pollWhileActive = (data: InfiniteData<Page<Job>> | undefined) =>
  data?.pages.some((p) => p.items.some(isActiveJob)) ? 2000 : false;

export function useJobList(filters: { status?: JobStatus; kind?: string }) {
  return useCursorList<Job>(['jobs', 'list'], '/api/v1/jobs', { ...filters, limit: 50 }, { refetchInterval: pollWhileActive });
}
