import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { WorkPackage, WorkPackageDetail } from '../../../api/inventory-types.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

/** The work packages of a region. */
export function usePackages(region: string | undefined) {
  return useQuery({
    queryKey: inventoryKeys.packages(region),
    queryFn: async () => (await api.get<{ items: WorkPackage[] }>(`${INV}/packages`, { region })).items,
    enabled: !!region,
  });
}

/** One package with its assignment history. */
export function usePackage(id: number | null) {
  return useQuery({
    queryKey: inventoryKeys.pkg(id ?? 0),
    queryFn: () => api.get<WorkPackageDetail>(`${INV}/packages/${id}`),
    enabled: id != null,
    staleTime: 0,
  });
}

export interface PackageCreate {
  name: string;
  teamId: number;
  zoneId?: number;
  sourceIds?: number[];
}

export function useCreatePackage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: PackageCreate) => api.post<WorkPackage>(`${INV}/packages`, p),
    onSettled: () => void qc.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}

/** Give a package to another team, with the reason kept in its history. */
export function useReassignPackage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, teamId, reason }: { id: number; version: number; teamId: number; reason: string }) =>
      api.post<WorkPackage>(`${INV}/packages/${id}/reassign`, { version, teamId, reason }),
    onSettled: () => void qc.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}
