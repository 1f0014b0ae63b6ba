import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { InventoryRecordDetail } from '../../../api/inventory-types.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

/**
 * The server's detail carries the unit's name, region and zone inside `source` and `zone`
 * rather than beside the record as the list does; one shape for the drawer either way.
 */
function normalise(r: InventoryRecordDetail): InventoryRecordDetail {
  return {
    ...r,
    name: r.name ?? r.source?.name ?? '',
    creditCode: r.creditCode ?? r.source?.creditCode ?? null,
    address: r.address ?? r.source?.address ?? null,
    regionName: r.regionName ?? r.regionCode,
    zoneCode: r.zoneCode ?? r.zone?.code ?? null,
    enumerator: r.enumerator ?? null,
    verdicts: r.verdicts ?? [],
    remarks: r.remarks ?? [],
    photos: r.photos ?? [],
    data: r.data ?? {},
  };
}

/** One record with its source, form, verdicts, remarks and photos; always re-read when opened. */
export function useRecord(id: number) {
  return useQuery({
    queryKey: inventoryKeys.record(id),
    queryFn: async () => normalise(await api.get<InventoryRecordDetail>(`${INV}/records/${id}`)),
    enabled: Number.isInteger(id) && id > 0,
    staleTime: 0,
  });
}
