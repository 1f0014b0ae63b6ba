import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SplitOutcome } from '../../../api/types.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

export interface SplitInput {
  id: number;
  version: number;
  rows: { registerId: number; rowNumber: number }[];
}

/** 拆分: moves register rows of a source to a new source (undone from the merge history). The directory is re-read either way. */
export function useSplitSource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, rows }: SplitInput) => api.post<SplitOutcome>(`/api/v1/sources/${id}/split`, { version, rows }),
    onSettled: () => void qc.invalidateQueries({ queryKey: directoryKeys.all }),
  });
}
