import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Region } from '../../../api/types.ts';
import { REGION_STALE_MS, regionKeys } from '../utils/regions-api.ts';

/** Regions matching a name, pinyin, initials or code prefix; idle while the text is empty. */
export function useRegionSearch(q: string, limit = 20) {
  const text = q.trim();
  return useQuery({
    queryKey: regionKeys.search(text, limit),
    queryFn: () => api.get<{ items: Region[] }>('/api/v1/regions', { q: text, limit }).then((r) => r.items),
    enabled: text.length > 0,
    staleTime: REGION_STALE_MS,
  });
}
