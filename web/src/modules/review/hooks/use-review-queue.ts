import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { QueueFilter, QueueItem, QueueSummary } from '../../../api/review-types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { REVIEW, reviewKeys } from '../utils/review-keys.ts';

/** What waits at the caller's level, oldest first, keyset-paged. */
export function useReviewQueue(filter: QueueFilter, limit = 50) {
  return useCursorList<QueueItem>(reviewKeys.queue, `${REVIEW}/queue`, { ...filter, limit });
}

/** Total, oldest and count per form of the same selection. */
export function useQueueSummary(filter: QueueFilter) {
  return useQuery({
    queryKey: reviewKeys.summary(filter),
    queryFn: () => api.get<QueueSummary>(`${REVIEW}/queue/summary`, { ...filter }),
  });
}
