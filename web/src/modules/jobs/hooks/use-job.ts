import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../../api/client.ts';
import type { Job } from '../../../api/types.ts';
import { isActiveJob } from '../utils/is-active-job.ts';

/**
 * One job, re-read every `intervalMs` while it is queued or running. Polling
 * stops once it has ended, or when the server refuses (403/404): asking again
 * would not change that answer.
 */
export function useJob(id: number | null | undefined, intervalMs: number) {
  return useQuery({
    queryKey: ['jobs', 'one', id ?? 0],
    queryFn: () => api.get<Job>(`/api/v1/jobs/${id}`),
    enabled: id != null,
    refetchInterval: (q) => {
      const { data, error } = q.state;
      if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
      return data && !isActiveJob(data) ? false : intervalMs;
    },
  });
}
