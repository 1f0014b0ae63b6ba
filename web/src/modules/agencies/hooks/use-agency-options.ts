import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Agency, Page } from '../../../api/types.ts';
import { agencyKeys } from '../utils/agency-keys.ts';

/** One page of agencies for a picker; the picker searches rather than pages. */
export function useAgencyOptions(q: string) {
  return useQuery({
    queryKey: agencyKeys.options(q),
    queryFn: () => api.get<Page<Agency>>('/api/v1/agencies', { q, limit: 30 }).then((p) => p.items),
    staleTime: 60_000,
  });
}
