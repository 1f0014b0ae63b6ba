// All SQL of the coefficient library: versions, their rows (inserted in batches), the switch
// of the version in force, and the reads of the console and the diff.
import { sql } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { CoefficientRow } from './rules.ts';

export type VersionStatus = 'draft' | 'in-force' | 'retired';

export interface VersionView {
  id: number;
  label: string;
  census: string;
  status: VersionStatus;
  rows: number;
  sample: boolean;
  fileName: string | null;
  fileSha256: string | null;
  importedAt: string;
  importedBy: string | null;
  inForceAt: string | null;
  inForceBy: string | null;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

function versions(db: Db | Tx) {
  return db
    .selectFrom('coefficient_versions as v')
    .leftJoin('users as ib', 'ib.id', 'v.imported_by')
    .leftJoin('users as fb', 'fb.id', 'v.in_force_by')
    .select(['v.id', 'v.label', 'v.census', 'v.status', 'v.rows', 'v.sample', 'v.file_name', 'v.file_sha256', 'v.imported_at', 'v.in_force_at', 'ib.username as imported_by', 'fb.username as in_force_by']);
}

type VersionSelect = Awaited<ReturnType<ReturnType<typeof versions>['executeTakeFirstOrThrow']>>;
const view = (r: VersionSelect): VersionView => ({
  id: Number(r.id), label: r.label, census: r.census, status: r.status, rows: Number(r.rows), sample: r.sample,
  fileName: r.file_name, fileSha256: r.file_sha256, importedAt: iso(r.imported_at)!, importedBy: r.imported_by ?? null,
  inForceAt: iso(r.in_force_at), inForceBy: r.in_force_by ?? null,
});

export async function listVersions(db: Db): Promise<VersionView[]> {
  return (await versions(db).orderBy('v.id', 'desc').limit(1000).execute()).map(view);
}

export async function getVersion(db: Db | Tx, id: number): Promise<VersionView | undefined> {
  const r = await versions(db).where('v.id', '=', id).executeTakeFirst();
  return r && view(r);
}

export async function inForceId(db: Db | Tx, census: string): Promise<number | undefined> {
  const r = await db.selectFrom('coefficient_versions').select('id').where('census', '=', census).where('status', '=', 'in-force').executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

/** A sample version already imported from the same bytes (the demo reloads without duplicating it). */
export async function sampleVersionOf(db: Db | Tx, census: string, sha256: string): Promise<number | undefined> {
  const r = await db.selectFrom('coefficient_versions').select('id').where('census', '=', census).where('sample', '=', true)
    .where('file_sha256', '=', sha256).orderBy('id', 'desc').executeTakeFirst();
  return r ? Number(r.id) : undefined;
}

export interface NewVersion {
  label: string;
  census: string;
  sample: boolean;
  rows: number;
  fileName: string | null;
  fileSha256: string | null;
  importedBy: number | null;
}

export async function insertVersion(trx: Tx, v: NewVersion): Promise<number> {
  const r = await trx.insertInto('coefficient_versions').values({
    label: v.label, census: v.census, sample: v.sample, rows: v.rows, file_name: v.fileName, file_sha256: v.fileSha256, imported_by: v.importedBy,
  }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** 16 parameters a row: 1000 rows stay far below PostgreSQL's 65,535 parameters a statement. */
const BATCH = 1000;
const num = (n: number | null) => (n === null ? null : String(n));

export async function insertRows(trx: Tx, versionId: number, rows: CoefficientRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx.insertInto('coefficients').values(rows.slice(i, i + BATCH).map((r) => ({
      version_id: versionId, row_no: r.rowNo, industry_code: r.industryCode, product: r.product, material: r.material, process: r.process, scale: r.scale,
      pollutant: r.pollutant, activity_unit: r.activityUnit, gen_coefficient: num(r.genCoefficient), gen_formula: r.genFormula, coefficient_unit: r.coefficientUnit,
      treatment: r.treatment, efficiency: num(r.efficiency), discharge_coefficient: num(r.dischargeCoefficient), op_params: sql`${JSON.stringify(r.opParams)}::jsonb`,
    }))).execute();
  }
}

function rowsOf(db: Db | Tx, versionId: number) {
  return db.selectFrom('coefficients').selectAll().where('version_id', '=', versionId);
}
type RowSelect = Awaited<ReturnType<ReturnType<typeof rowsOf>['executeTakeFirstOrThrow']>>;
const toNum = (v: string | null) => (v === null ? null : Number(v));
const rowView = (r: RowSelect): CoefficientRow => ({
  rowNo: r.row_no, industryCode: r.industry_code, product: r.product, material: r.material, process: r.process, scale: r.scale, pollutant: r.pollutant,
  activityUnit: r.activity_unit, genCoefficient: toNum(r.gen_coefficient), genFormula: r.gen_formula, coefficientUnit: r.coefficient_unit, treatment: r.treatment,
  efficiency: toNum(r.efficiency), dischargeCoefficient: toNum(r.discharge_coefficient), opParams: (typeof r.op_params === 'string' ? JSON.parse(r.op_params) : r.op_params) as string[],
});

export interface RowFilter {
  industry?: string;
  pollutant?: string;
  cursor?: number;
  limit: number;
}

/** Rows by row number, keyset-paged. */
export async function listRows(db: Db, versionId: number, f: RowFilter): Promise<{ items: CoefficientRow[]; nextCursor: string | null }> {
  let q = rowsOf(db, versionId);
  // An industry filter is a prefix: 33 finds every class of division 33.
  if (f.industry) q = q.where('industry_code', 'like', `${f.industry}%`);
  if (f.pollutant) q = q.where('pollutant', '=', f.pollutant);
  if (f.cursor) q = q.where('row_no', '>', f.cursor);
  const rows = await q.orderBy('row_no').limit(f.limit + 1).execute();
  const items = rows.slice(0, f.limit).map(rowView);
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1].rowNo) : null };
}

export async function allRows(db: Db, versionId: number): Promise<CoefficientRow[]> {
  return (await rowsOf(db, versionId).orderBy('row_no').execute()).map(rowView);
}

/** Locks the version's row for the switch; undefined when there is none. */
export async function lockVersion(trx: Tx, id: number): Promise<{ census: string; status: VersionStatus } | undefined> {
  return trx.selectFrom('coefficient_versions').select(['census', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Retires the census's version in force (if another), then puts this one in force. The partial unique index refuses a second one. */
export async function switchInForce(trx: Tx, id: number, census: string, by: number | null): Promise<number | undefined> {
  const retired = await trx.updateTable('coefficient_versions').set({ status: 'retired' })
    .where('census', '=', census).where('status', '=', 'in-force').where('id', '<>', id).returning('id').executeTakeFirst();
  await trx.updateTable('coefficient_versions').set({ status: 'in-force', in_force_by: by, in_force_at: sql`now()` }).where('id', '=', id).execute();
  return retired ? Number(retired.id) : undefined;
}
