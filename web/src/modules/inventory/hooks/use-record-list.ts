import type { Confirmation, InventoryRecord, RecordStatus } from '../../../api/inventory-types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';
import { useZones } from './use-zones.ts';

export interface RecordFilters {
  region?: string;
  /** A zone's 16-digit code, as people and the progress table know it. */
  zone?: string;
  state?: string;
  status?: RecordStatus;
  confirmation?: Confirmation;
  department?: string;
  /** With department: the records that department has not judged yet. Sent as `true`: the server refuses the contract's `1`. */
  pending?: true;
}

/**
 * The server filters records by the zone's id, not its code: the code is looked up among
 * its township's zones (the first 9 digits of a zone code are the township's) before the list is read.
 */
function useZoneId(code: string | undefined) {
  const zones = useZones(code ? code.slice(0, 9) : undefined);
  if (!code) return { ready: true, id: undefined };
  return { ready: zones.isSuccess, id: zones.data?.find((z) => z.code === code)?.id };
}

/** Inventory records, keyset-paged. */
export function useRecordList({ zone, ...filters }: RecordFilters, enabled = true) {
  const z = useZoneId(zone);
  // An unknown zone has no records: nothing is asked rather than everything.
  const known = !zone || z.id !== undefined;
  const list = useCursorList<InventoryRecord>(inventoryKeys.records, `${INV}/records`, { ...filters, zone: z.id, limit: 50 }, { enabled: enabled && z.ready && known });
  return z.ready && !known ? { ...list, items: [], isPending: false } : list;
}
