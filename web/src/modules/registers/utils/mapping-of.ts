import { REGISTER_FIELDS, type RegisterField, type RegisterMapping } from '../../../api/types.ts';

/**
 * A mapping from the server (guessed or saved) limited to known fields and to
 * headers this file has; `missing` counts the entries that had to be dropped.
 */
export function mappingOf(columns: Record<string, string>, headers: string[]): { mapping: RegisterMapping; missing: number } {
  const mapping: RegisterMapping = {};
  let missing = 0;
  for (const field of REGISTER_FIELDS) {
    const header = columns[field];
    if (!header) continue;
    if (headers.includes(header)) mapping[field] = header;
    else missing++;
  }
  return { mapping, missing };
}

/** The field a header is mapped to, for labelling the sample's columns. */
export function fieldOfHeader(mapping: RegisterMapping, header: string): RegisterField | undefined {
  return REGISTER_FIELDS.find((f) => mapping[f] === header);
}
