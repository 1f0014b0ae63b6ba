import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { UndoOutcome } from '../../../api/types.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

/** 撤销 a merge: the other source comes back with its rows, and its queued pair is pending again. */
export function useUndoMerge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (event: number) => api.post<UndoOutcome>(`/api/v1/directory/merges/${event}/undo`),
    onSettled: () => void qc.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}
