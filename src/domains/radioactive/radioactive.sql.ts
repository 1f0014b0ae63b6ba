// All SQL of the associated radioactive mines: minerals, the initial list, measurements, files.
import type { Db, Tx } from '../../core/db/index.ts';
import { inScopeOf } from '../../core/db/distribution.ts';

const like = (prefix: string) => `${prefix}%`;
export { provinceOf } from '../../core/db/distribution.ts';

export async function minerals(db: Db | Tx) {
  return db.selectFrom('radio_minerals').selectAll().orderBy('position').orderBy('code').execute();
}

export async function getEnterprise(db: Db | Tx, id: number, prefix: string) {
  return db.selectFrom('radio_enterprises').selectAll().where('id', '=', id).where(inScopeOf('radio_enterprises', prefix)).executeTakeFirst();
}
export type EnterpriseRow = NonNullable<Awaited<ReturnType<typeof getEnterprise>>>;

export interface EnterpriseFilter { prefix: string; region?: string; stage?: string; mineral?: string; q?: string; limit: number; after?: number }

export async function listEnterprises(db: Db, f: EnterpriseFilter) {
  let q = db.selectFrom('radio_enterprises').selectAll().where(inScopeOf('radio_enterprises', f.prefix));
  if (f.region) q = q.where('region_code', 'like', like(f.region));
  if (f.mineral) q = q.where((eb) => eb(eb.val(f.mineral!), '=', eb.fn.any('minerals')));
  if (f.stage === 'listed') q = q.where('screening_above', 'is', null);
  if (f.stage === 'measured') q = q.where('screening_above', '=', false);
  if (f.stage === 'detailed-required') q = q.where('screening_above', '=', true).where('detailed_done_at', 'is', null);
  if (f.stage === 'detailed-done') q = q.where('screening_above', '=', true).where('detailed_done_at', 'is not', null);
  if (f.q) {
    const term = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', term), eb('credit_code', 'like', term)]));
  }
  if (f.after) q = q.where('id', '>', f.after);
  return q.orderBy('id').limit(f.limit).execute();
}

export async function inInventory(db: Db, sourceIds: number[]) {
  if (!sourceIds.length) return new Set<number>();
  const rows = await db.selectFrom('inventory_records').select('source_id').where('source_id', 'in', sourceIds).execute();
  return new Set(rows.map((r) => r.source_id));
}

export async function measurementsOf(db: Db, enterpriseId: number) {
  return db.selectFrom('radio_measurements').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('measured_on', 'desc').orderBy('id', 'desc').execute();
}

export async function filesOf(db: Db, measurementIds: number[]) {
  if (!measurementIds.length) return [];
  return db.selectFrom('radio_files').select(['id', 'measurement_id', 'file_name', 'mime', 'bytes', 'uploaded_at']).where('measurement_id', 'in', measurementIds).orderBy('id').execute();
}

export async function getMeasurement(db: Db | Tx, id: number, prefix: string) {
  return db.selectFrom('radio_measurements').selectAll().where('id', '=', id).where(inScopeOf('radio_measurements', prefix)).executeTakeFirst();
}

export async function sourceOf(db: Db | Tx, id: number, prefix: string) {
  return db.selectFrom('sources').select(['id', 'name', 'credit_code', 'region_code', 'industry_code', 'radioactive']).where('id', '=', id).where(inScopeOf('sources', prefix)).executeTakeFirst();
}

export async function sourceByCredit(db: Db | Tx, creditCode: string, prefix: string) {
  return db.selectFrom('sources').select(['id', 'name', 'credit_code', 'region_code']).where('credit_code', '=', creditCode).where(inScopeOf('sources', prefix)).executeTakeFirst();
}

/** Inventory sources flagged radioactive-mineral that are not on the initial list. */
export async function flaggedNotListed(db: Db, prefix: string, limit = 1000) {
  return db.selectFrom('sources').innerJoin('inventory_records', 'inventory_records.source_id', 'sources.id')
    .select(['sources.id', 'sources.name', 'sources.credit_code', 'sources.region_code', 'sources.industry_code'])
    .where('sources.region_code', 'like', like(prefix)).where('sources.radioactive', '=', true)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('radio_enterprises').select('radio_enterprises.id').whereRef('radio_enterprises.source_id', '=', 'sources.id'))))
    .orderBy('sources.id').limit(limit).execute();
}

/** Listed enterprises that are not a source with an inventory record. */
export async function listedNotInInventory(db: Db, prefix: string, limit = 1000) {
  return db.selectFrom('radio_enterprises').selectAll()
    .where(inScopeOf('radio_enterprises', prefix))
    .where((eb) => eb.or([
      eb('source_id', 'is', null),
      eb.not(eb.exists(eb.selectFrom('inventory_records').select('inventory_records.source_id').whereRef('inventory_records.source_id', '=', 'radio_enterprises.source_id'))),
    ]))
    .orderBy('id').limit(limit).execute();
}
