import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Job } from '../../../api/types.ts';

/** Starts the matching job of the caller's region (202 { job }). */
export function useRunMatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ job: Job }>('/api/v1/directory/match', {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['jobs', 'list'] }),
  });
}
