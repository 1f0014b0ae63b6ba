import type { Confirmation, InventoryRecord, RecordStatus } from '../../../api/inventory-types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

export interface RecordFilters {
  region?: string;
  zone?: string;
  state?: string;
  status?: RecordStatus;
  confirmation?: Confirmation;
  department?: string;
  /** With department: the records that department has not judged yet. */
  pending?: 1;
}

/** Inventory records, keyset-paged. */
export function useRecordList(filters: RecordFilters, enabled = true) {
  return useCursorList<InventoryRecord>(inventoryKeys.records, `${INV}/records`, { ...filters, limit: 50 }, { enabled });
}
