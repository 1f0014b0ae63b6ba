import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { DirectorySignOff } from '../../../api/types.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

/** 增补完成确认 of the caller's region and every region under it; re-read whenever the drawer opens. */
export function useSignOffs(enabled = true) {
  return useQuery({
    queryKey: directoryKeys.signOffs,
    queryFn: () => api.get<{ items: DirectorySignOff[] }>('/api/v1/directory/signoffs'),
    enabled,
    staleTime: 0,
  });
}

/** Signs off the caller's own region (again = re-sign: a new time and note). */
export function useSignOff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: string | undefined) => api.post<{ regionCode: string; note: string | null }>('/api/v1/directory/signoffs', note ? { note } : {}),
    onSettled: () => void qc.invalidateQueries({ queryKey: directoryKeys.signOffs }),
  });
}
