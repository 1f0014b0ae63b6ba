import type { ProgressRow } from '../../../api/inventory-types.ts';

/** Under a township the rows are census zones (16-digit codes), which open as a record list, not a deeper level. */
export const isZoneRow = (r: Pick<ProgressRow, 'code' | 'level'>) => r.level === 'zone' || (r.code?.length ?? 0) === 16;
