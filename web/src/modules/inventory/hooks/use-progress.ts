import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Pilot, Progress } from '../../../api/inventory-types.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

/** Progress of a region by child region (by zone under a township); the caller's own region without a code. */
export function useProgress(region: string | undefined) {
  return useQuery({
    queryKey: inventoryKeys.progress(region),
    queryFn: () => api.get<Progress>(`${INV}/progress`, { region }),
    staleTime: 0,
  });
}

/** Pilot counties within the caller's scope. */
export function usePilots() {
  return useQuery({ queryKey: inventoryKeys.pilots, queryFn: () => api.get<Pilot[]>(`${INV}/pilots`) });
}
