// SQL of editing a source by hand: the row locked for the edit, and the one UPDATE.
import { sql } from 'kysely';
import type { Tx } from '../../../core/db/index.ts';
import type { NamePinyin } from '../rules/name-pinyin.ts';
import type { EditableColumns } from './edit-rules.ts';
import { inScopeOf } from '../../../core/db/distribution.ts';

export interface EditRow extends EditableColumns {
  id: number;
  state: string;
  version: number;
  field_origins: Record<string, unknown>;
}

/** The source in the scope, locked until the edit commits (a merge or split waits for it). */
export async function lockForEdit(trx: Tx, id: number, scopePrefix: string) {
  const r = await sql<EditRow>`
    SELECT id, state, version, field_origins, name, former_names, address, region_code, industry_code, category,
           lat, lng, legal_rep, phone, permit_no, radioactive
    FROM sources WHERE id = ${id} AND ${inScopeOf('sources', scopePrefix)} FOR UPDATE`.execute(trx);
  return r.rows[0];
}

/** Writes the edited columns; the pinyin keys go with the name (name_grams and former_grams are generated). */
export async function writeEdit(trx: Tx, id: number, c: EditableColumns, origins: Record<string, unknown>, py: NamePinyin) {
  await sql`
    UPDATE sources SET name = ${c.name}, former_names = ${c.former_names}::text[], address = ${c.address}, region_code = ${c.region_code},
      industry_code = ${c.industry_code}, category = ${c.category}, lat = ${c.lat}, lng = ${c.lng}, legal_rep = ${c.legal_rep},
      phone = ${c.phone}, permit_no = ${c.permit_no}, radioactive = ${c.radioactive}, field_origins = ${JSON.stringify(origins)}::jsonb,
      name_pinyin = ${py.pinyin}, name_initials = ${py.initials}, version = version + 1, updated_at = now()
    WHERE id = ${id}`.execute(trx);
}
