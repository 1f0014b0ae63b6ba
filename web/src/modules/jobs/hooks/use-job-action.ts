import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Job } from '../../../api/types.ts';

/** Cancel or resume a job; either way the list is re-read for its new state. */
export function useJobAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'cancel' | 'resume' }) => api.post<Job>(`/api/v1/jobs/${id}/${action}`),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
