import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SourceDetail } from '../../../api/types.ts';
import { directoryKeys } from '../utils/directory-keys.ts';

/** One source with its register rows and merges; always re-read when opened. */
export function useSource(id: number) {
  return useQuery({
    queryKey: directoryKeys.source(id),
    queryFn: () => api.get<SourceDetail>(`/api/v1/sources/${id}`),
    enabled: Number.isInteger(id) && id > 0,
    staleTime: 0,
  });
}
