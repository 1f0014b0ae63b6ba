import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { InventoryRecordDetail } from '../../../api/inventory-types.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

/** One record with its source, form, verdicts, remarks and photos; always re-read when opened. */
export function useRecord(id: number) {
  return useQuery({
    queryKey: inventoryKeys.record(id),
    queryFn: () => api.get<InventoryRecordDetail>(`${INV}/records/${id}`),
    enabled: Number.isInteger(id) && id > 0,
    staleTime: 0,
  });
}
