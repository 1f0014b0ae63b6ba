import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { InventoryRecord } from '../../../api/inventory-types.ts';
import type { Page } from '../../../api/types.ts';
import { inventoryKeys } from '../utils/inventory-keys.ts';

/** The record as a loaded list page has it: the detail answer lacks a few of its fields (the enumerator). */
export function useListedRecord(id: number): InventoryRecord | undefined {
  const qc = useQueryClient();
  for (const [, data] of qc.getQueriesData<InfiniteData<Page<InventoryRecord>>>({ queryKey: inventoryKeys.records })) {
    const hit = data?.pages.flatMap((p) => p.items).find((r) => r.sourceId === id);
    if (hit) return hit;
  }
  return undefined;
}
