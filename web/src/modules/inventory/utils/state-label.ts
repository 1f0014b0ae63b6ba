import type { Lang } from '../../../api/client.ts';
import type { InventoryDepartment, InventoryState } from '../../../api/inventory-types.ts';

/** A configured state or department in the user's language. */
export const nameIn = (x: Pick<InventoryState | InventoryDepartment, 'nameZh' | 'nameEn'>, lang: Lang) => (lang === 'en' ? x.nameEn : x.nameZh);

/** Grey for a state the configuration no longer has (or a record not visited yet). */
export const UNKNOWN_COLOUR = '#bfbfbf';
