import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { QueueFilter } from '../../../api/review-types.ts';
import { filterBody } from '../utils/queue-filter-url.ts';
import { REVIEW } from '../utils/review-keys.ts';

/** Starts the job approving what the filter selects; `expected` is the count the page showed. */
export function useBulkApprove() {
  return useMutation({
    mutationFn: ({ filter, expected }: { filter: QueueFilter; expected: number }) =>
      api.post<{ jobId: number }>(`${REVIEW}/bulk-approve`, { filter: filterBody(filter), expected }),
  });
}
