import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { SimilarSource } from '../../../api/types.ts';
import { directoryKeys } from '../utils/directory-keys.ts';
import type { SourceFilters } from './use-source-list.ts';

/** 相似结果: the sources with names like `q` (fuzzy, best 20), asked only when the exact search found none. */
export function useSimilarSources(filters: SourceFilters, enabled: boolean) {
  return useQuery({
    queryKey: [...directoryKeys.sources, 'similar', filters],
    queryFn: () => api.get<{ items: SimilarSource[] }>('/api/v1/sources', { ...filters, fuzzy: '1', limit: 20 }),
    enabled: enabled && (filters.q?.length ?? 0) >= 2,
  });
}
