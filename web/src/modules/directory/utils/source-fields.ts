import type { FieldOrigin, Source } from '../../../api/types.ts';

/** The fields of a source that come from register rows, and their keys in fieldOrigins (the server's column names). */
export const ORIGIN_KEYS = {
  name: 'name',
  creditCode: 'credit_code',
  address: 'address',
  legalRep: 'legal_rep',
  phone: 'phone',
  industryCode: 'industry_code',
} as const;
export type OriginField = keyof typeof ORIGIN_KEYS;
export const ORIGIN_FIELDS = Object.keys(ORIGIN_KEYS) as OriginField[];

/** Where a field's current value came from, if from a register row. */
export function originOf(source: Pick<Source, 'fieldOrigins'>, field: OriginField): FieldOrigin | null {
  const origins = source.fieldOrigins ?? {};
  return origins[ORIGIN_KEYS[field]] ?? origins[field] ?? null;
}
