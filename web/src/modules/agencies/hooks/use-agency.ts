import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Agency } from '../../../api/types.ts';
import { agencyKeys } from '../utils/agency-keys.ts';

export function useAgency(id: number | null | undefined) {
  return useQuery({ queryKey: agencyKeys.one(id ?? 0), queryFn: () => api.get<Agency>(`/api/v1/agencies/${id}`), enabled: !!id, staleTime: 60_000 });
}
