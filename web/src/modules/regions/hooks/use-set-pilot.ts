import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Region, RegionChild, RegionDetail } from '../../../api/types.ts';
import { regionKeys } from '../utils/regions-api.ts';

/** Marks or unmarks a pilot county, and updates the cached region and its row in the tree. */
export function useSetPilot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, pilot }: { code: string; pilot: boolean }) =>
      api.patch<Region>(`/api/v1/regions/${encodeURIComponent(code)}`, { pilot }),
    onSuccess: (region) => {
      qc.setQueryData<RegionDetail>(regionKeys.one(region.code), (old) => (old ? { ...old, pilot: region.pilot } : old));
      if (region.parentCode) {
        qc.setQueryData<RegionChild[]>(regionKeys.children(region.parentCode), (old) =>
          old?.map((c) => (c.code === region.code ? { ...c, pilot: region.pilot } : c)),
        );
      }
      void qc.invalidateQueries({ queryKey: ['regions', 'search'] });
    },
  });
}
