// SQL of registers, their rows and errors, and the saved column mappings. Every
// read by a user carries the caller's visibility (scope prefix, and the
// department of a department reviewer): a row outside it is simply not found.
import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../../../core/db/index.ts';
import type { RegistersTable } from '../../../core/db/schema.ts';

export interface Visibility {
  scopePrefix: string;
  /** Set for a department reviewer: only that department's registers. */
  department?: string | null;
}

/*
 * A job cancelled before it started never runs, so its register still says
 * 'importing'; what users see (and what decides reimport and delete) is the
 * status read together with the job's.
 */
const EFFECTIVE_STATUS = sql<string>`CASE WHEN g.status = 'importing' AND j.status IN ('failed', 'cancelled') THEN j.status ELSE g.status END`;

const selectRegisters = (db: Db) =>
  db
    .selectFrom('registers as g')
    .innerJoin('regions as r', 'r.code', 'g.region_code')
    .leftJoin('jobs as j', 'j.id', 'g.job_id')
    .select([
      'g.id',
      'g.department',
      'g.region_code',
      'r.name as region_name',
      'g.file_name',
      'g.file_sha256',
      'g.file_size',
      'g.format',
      'g.encoding',
      'g.mapping',
      EFFECTIVE_STATUS.as('status'),
      'g.row_count',
      'g.valid_count',
      'g.error_count',
      'g.job_id',
      'g.created_by',
      'g.created_at',
      'g.imported_at',
    ]);

export type RegisterRow = Awaited<ReturnType<ReturnType<typeof selectRegisters>['executeTakeFirstOrThrow']>>;

/** The registers a caller may see. */
function visibleRegisters(db: Db, v: Visibility) {
  const q = selectRegisters(db).where('g.region_code', 'like', `${v.scopePrefix}%`);
  return v.department ? q.where('g.department', '=', v.department) : q;
}

export async function listRegisters(db: Db, v: Visibility, f: { department?: string; status?: string; before?: number; limit: number }) {
  let q = visibleRegisters(db, v);
  if (f.department) q = q.where('g.department', '=', f.department);
  if (f.status) q = q.where(EFFECTIVE_STATUS, '=', f.status);
  if (f.before) q = q.where('g.id', '<', f.before);
  return q.orderBy('g.id', 'desc').limit(f.limit + 1).execute();
}

export async function getRegister(db: Db, id: number, v: Visibility) {
  return visibleRegisters(db, v).where('g.id', '=', id).executeTakeFirst();
}

/** An imported register of the same file, department and region, or one still being imported. */
export async function findLiveDuplicate(db: Db, sha256: string, department: string, regionCode: string) {
  return selectRegisters(db)
    .where('g.file_sha256', '=', sha256)
    .where('g.department', '=', department)
    .where('g.region_code', '=', regionCode)
    .where(EFFECTIVE_STATUS, 'in', ['importing', 'imported'])
    .orderBy('g.id')
    .executeTakeFirst();
}

/** How many registers still name a stored file (it is removed at 0). */
export async function fileReferences(db: Db, sha256: string, format: string) {
  const r = await db
    .selectFrom('registers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('file_sha256', '=', sha256)
    .where('format', '=', format)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Which of these stored files' hashes some register still names (any format, any status). */
export async function knownUploadHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const rows = await db.selectFrom('registers').select('file_sha256').distinct().where('file_sha256', 'in', hashes.slice(i, i + 1000)).execute();
    for (const r of rows) known.add(r.file_sha256);
  }
  return known;
}

export interface NewRegister {
  department: string;
  regionCode: string;
  fileName: string;
  sha256: string;
  size: number;
  format: string;
  encoding: string;
  mapping: Record<string, string>;
  createdBy: number | null;
}

export async function insertRegister(trx: Tx, v: NewRegister) {
  const r = await trx
    .insertInto('registers')
    .values({
      department: v.department,
      region_code: v.regionCode,
      file_name: v.fileName,
      file_sha256: v.sha256,
      file_size: v.size,
      format: v.format,
      encoding: v.encoding,
      mapping: JSON.stringify(v.mapping),
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function setRegisterJob(db: Db, id: number, jobId: number) {
  await db.updateTable('registers').set({ job_id: jobId }).where('id', '=', id).execute();
}

/** The stored row, whatever its state, for the job. */
export async function registerForJob(db: Db, id: number): Promise<Selectable<RegistersTable> | undefined> {
  return db.selectFrom('registers').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The job takes its register: it must not be imported already, and must be
 * this job's (or no job's yet). Counts start again from zero.
 */
export async function claimForImport(db: Db, id: number, jobId: number) {
  return db
    .updateTable('registers')
    .set({ status: 'importing', job_id: jobId, row_count: 0, valid_count: 0, error_count: 0, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('status', '<>', 'imported')
    .where((eb) => eb.or([eb('job_id', 'is', null), eb('job_id', '=', jobId)]))
    .returningAll()
    .executeTakeFirst();
}

/** A failed or cancelled register goes back to 'importing' under a new job. */
export async function reopenRegister(trx: Tx, id: number) {
  const r = await trx
    .updateTable('registers')
    .set({ status: 'importing', job_id: null, row_count: 0, valid_count: 0, error_count: 0, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('status', '<>', 'imported')
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

export async function markImported(trx: Tx, id: number, jobId: number, c: { rows: number; valid: number; errors: number }) {
  const r = await trx
    .updateTable('registers')
    .set({ status: 'imported', row_count: c.rows, valid_count: c.valid, error_count: c.errors, imported_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('job_id', '=', jobId)
    .where('status', '=', 'importing')
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

export async function markEnded(trx: Tx, id: number, jobId: number, status: 'failed' | 'cancelled') {
  await trx
    .updateTable('registers')
    .set({ status, row_count: 0, valid_count: 0, error_count: 0, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('job_id', '=', jobId)
    .where('status', '=', 'importing')
    .execute();
}

/** Whether a user asked to cancel the job (a JobCancelled without it means the server is stopping). */
export async function cancelRequested(db: Db, jobId: number) {
  const r = await db.selectFrom('jobs').select('cancel_requested').where('id', '=', jobId).executeTakeFirst();
  return r?.cancel_requested ?? true;
}

/** A register whose job could not be queued. */
export async function failUnqueued(db: Db, id: number) {
  await db.updateTable('registers').set({ status: 'failed' }).where('id', '=', id).where('status', '=', 'importing').where('job_id', 'is', null).execute();
}

/** Removes a register's rows and errors, in slices so that PGlite's one connection is never held long. */
export async function deleteContent(db: Db, id: number) {
  for (;;) {
    const r = await sql`DELETE FROM register_rows WHERE register_id = ${id} AND row_number IN (
      SELECT row_number FROM register_rows WHERE register_id = ${id} ORDER BY row_number LIMIT 20000)`.execute(db);
    if (Number(r.numAffectedRows ?? 0) < 20000) break;
  }
  await db.deleteFrom('register_errors').where('register_id', '=', id).execute();
}

export async function deleteRegister(trx: Tx, id: number) {
  await trx.deleteFrom('registers').where('id', '=', id).execute();
}

export interface NewRow {
  rowNumber: number;
  regionCode: string;
  valid: boolean;
  creditCode: string | null;
  name: string | null;
  address: string | null;
  legalRep: string | null;
  industryCode: string | null;
  phone: string | null;
  extra: Record<string, string> | null;
}

/** One statement per batch: each column travels as one array (unnest), so the statement stays small
 *  and fast. A row sits in its own province (distribution.ts), the register's region's when its own is not valid. */
export async function insertRows(db: Db, registerId: number, rows: NewRow[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof NewRow>(k: K) => rows.map((r) => r[k]);
  await sql`
    INSERT INTO register_rows (register_id, row_number, province_code, region_code, valid, credit_code, name, address, legal_rep, industry_code, phone, extra)
    SELECT ${registerId}, t.n, left(t.region, 2) || '0000', t.region, t.valid, t.credit, t.name, t.address, t.legal, t.industry, t.phone, t.extra
    FROM unnest(
      ${col('rowNumber')}::int[], ${col('regionCode')}::text[], ${col('valid')}::boolean[], ${col('creditCode')}::text[],
      ${col('name')}::text[], ${col('address')}::text[], ${col('legalRep')}::text[], ${col('industryCode')}::text[],
      ${col('phone')}::text[], ${rows.map((r) => (r.extra ? JSON.stringify(r.extra) : null))}::jsonb[])
      AS t(n, region, valid, credit, name, address, legal, industry, phone, extra)`.execute(db);
}

export interface NewError {
  rowNumber: number;
  column: string | null;
  code: string;
  zh: string;
  en: string;
  value: string | null;
}

/** A register's errors sit in its own province (the nation's for a national register). */
export async function insertErrors(db: Db, registerId: number, provinceCode: string, errors: NewError[]) {
  if (errors.length === 0) return;
  const col = <K extends keyof NewError>(k: K) => errors.map((e) => e[k]);
  await sql`
    INSERT INTO register_errors (register_id, province_code, row_number, column_name, code, message_zh, message_en, value)
    SELECT ${registerId}, ${provinceCode}, * FROM unnest(${col('rowNumber')}::int[], ${col('column')}::text[], ${col('code')}::text[],
      ${col('zh')}::text[], ${col('en')}::text[], ${col('value')}::text[])`.execute(db);
}

export async function listRows(db: Db, id: number, f: { after?: number; valid?: boolean; limit: number }) {
  let q = db.selectFrom('register_rows').selectAll().where('register_id', '=', id);
  if (f.valid !== undefined) q = q.where('valid', '=', f.valid);
  if (f.after) q = q.where('row_number', '>', f.after);
  return q.orderBy('row_number').limit(f.limit + 1).execute();
}

export async function listErrors(db: Db, id: number, f: { after?: number; limit: number }) {
  let q = db.selectFrom('register_errors').selectAll().where('register_id', '=', id);
  if (f.after) q = q.where('id', '>', f.after);
  return q.orderBy('id').limit(f.limit + 1).execute();
}

/** The codes among `codes` that are in the region tree. */
export async function existingRegions(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('regions').select('code').where(sql<boolean>`code = ANY(${codes}::text[])`).execute();
  return new Set(rows.map((r) => r.code));
}

export async function regionName(db: Db, code: string) {
  return (await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst())?.name;
}

export async function getMapping(db: Db, department: string, name: string) {
  return db.selectFrom('register_mappings').selectAll().where('department', '=', department).where('name', '=', name).executeTakeFirst();
}

export async function listMappings(db: Db, department?: string) {
  let q = db.selectFrom('register_mappings').selectAll();
  if (department) q = q.where('department', '=', department);
  return q.orderBy('department').orderBy('updated_at', 'desc').execute();
}

export async function saveMapping(trx: Tx, department: string, name: string, columns: Record<string, string>, userId: number | null) {
  await sql`
    INSERT INTO register_mappings (department, name, columns, updated_by) VALUES (${department}, ${name}, ${JSON.stringify(columns)}, ${userId})
    ON CONFLICT (department, name) DO UPDATE SET columns = EXCLUDED.columns, updated_by = EXCLUDED.updated_by, updated_at = now()`.execute(trx);
}
