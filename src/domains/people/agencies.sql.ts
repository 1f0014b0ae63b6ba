// SQL of third-party agencies (第三方机构).
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/index.ts';
import { containing } from './common.sql.ts';

const selectAgencies = (db: Db) =>
  db
    .selectFrom('agencies as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .select([
      'a.id',
      'a.name',
      'a.region_code',
      'r.name as region_name',
      'a.credit_code',
      'a.contact',
      'a.phone',
      'a.contract_ref',
      'a.version',
      'a.created_at',
    ]);

export type AgencyRow = Awaited<ReturnType<ReturnType<typeof selectAgencies>['executeTakeFirstOrThrow']>>;

export async function listAgencies(db: Db, f: { scopePrefix: string; q?: string; before?: number; limit: number }) {
  let q = selectAgencies(db).where('a.region_code', 'like', `${f.scopePrefix}%`);
  if (f.q) {
    const pattern = containing(f.q);
    q = q.where((eb) => eb.or([eb('a.name', 'ilike', pattern), eb('a.credit_code', 'ilike', pattern)]));
  }
  if (f.before) q = q.where('a.id', '<', f.before);
  return q.orderBy('a.id', 'desc').limit(f.limit + 1).execute();
}

export async function getAgency(db: Db, id: number, scopePrefix: string) {
  return selectAgencies(db).where('a.id', '=', id).where('a.region_code', 'like', `${scopePrefix}%`).executeTakeFirst();
}

/** Whether another agency of the region already has the name (the unique index would refuse it). */
export async function nameTaken(db: Db, regionCode: string, name: string, exceptId?: number) {
  let q = db.selectFrom('agencies').select('id').where('region_code', '=', regionCode).where('name', '=', name);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export interface AgencyFields {
  name: string;
  regionCode: string;
  creditCode: string | null;
  contact: string | null;
  phone: string | null;
  contractRef: string | null;
}

export async function insertAgency(trx: Tx, a: AgencyFields) {
  const r = await trx
    .insertInto('agencies')
    .values({ name: a.name, region_code: a.regionCode, credit_code: a.creditCode, contact: a.contact, phone: a.phone, contract_ref: a.contractRef })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The whitelisted update, guarded by the version the caller read; undefined when the version moved. */
export async function updateAgency(trx: Tx, id: number, version: number, c: Partial<AgencyFields>) {
  const r = await trx
    .updateTable('agencies')
    .set({
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.regionCode !== undefined ? { region_code: c.regionCode } : {}),
      ...(c.creditCode !== undefined ? { credit_code: c.creditCode } : {}),
      ...(c.contact !== undefined ? { contact: c.contact } : {}),
      ...(c.phone !== undefined ? { phone: c.phone } : {}),
      ...(c.contractRef !== undefined ? { contract_ref: c.contractRef } : {}),
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return r && Number(r.id);
}
