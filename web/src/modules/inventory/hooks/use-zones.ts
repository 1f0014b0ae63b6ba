import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CensusZone, ZoneAssignStart } from '../../../api/inventory-types.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

/** The census zones of a township (or of every township under a region). */
export function useZones(region: string | undefined) {
  return useQuery({
    queryKey: inventoryKeys.zones(region),
    queryFn: async () => (await api.get<{ items: CensusZone[] }>(`${INV}/zones`, { region })).items,
    enabled: !!region,
  });
}

export type ZoneSave =
  | { id?: undefined; regionCode: string; name: string; keywords: string[] }
  | { id: number; version: number; name: string; keywords: string[] };

/** Create a zone in a township, or rename it / change its address keywords. */
export function useSaveZone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (z: ZoneSave) =>
      z.id === undefined
        ? api.post<CensusZone>(`${INV}/zones`, { regionCode: z.regionCode, name: z.name, keywords: z.keywords })
        : api.patch<CensusZone>(`${INV}/zones/${z.id}`, { version: z.version, name: z.name, keywords: z.keywords }),
    onSettled: () => void qc.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}

/** Put sources into a zone by hand (creates or moves their records). */
export function useZoneSources() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ zoneId, sourceIds }: { zoneId: number; sourceIds: number[] }) =>
      api.post<{ assigned: number }>(`${INV}/zones/${zoneId}/sources`, { sourceIds }),
    onSettled: () => void qc.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}

/** Start the job that places every unzoned source of a region by its address. */
export function useAssignByAddress() {
  return useMutation({
    mutationFn: (regionCode: string) => api.post<ZoneAssignStart>(`${INV}/zones/assign`, { regionCode }),
  });
}
