// 产排污系数库 the coefficient library: a table imported whole or not at all as a draft
// version, read, compared, and put in force (the one before retired) in one transaction.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { checkIndustryCode, openTable, type RegisterFormat, type Upload } from '../../directory/index.ts';
import * as q from './coefficients.sql.ts';
import { diffRows, type VersionDiff } from './diff.ts';
import { checkTable, type CheckedTable } from './rules.ts';

export const IMPORT_LIMIT = 50 * 1024 * 1024;
export const SAMPLE_FILE = fileURLToPath(new URL('../../../../data/coefficients-sample.csv', import.meta.url));
export const SAMPLE_LABEL = '示例系数（非官方）/ Sample coefficients (not official)';

const industryOk = (code: string) => {
  const c = checkIndustryCode(code);
  return c.ok && c.level === 'class';
};

/** Reads and checks a stored CSV/XLSX table; the n-th record read is row n (the header is row 1 unless comments come first). */
export async function readCoefficientFile(file: string, format: RegisterFormat): Promise<CheckedTable> {
  const t = openTable(file, format);
  async function* numbered() {
    let row = 0;
    for await (const cells of t.rows) yield { row: ++row, cells };
  }
  try {
    return await checkTable(numbered(), industryOk);
  } finally {
    t.close();
  }
}

export interface ImportOptions {
  label: string;
  census: string;
  sample: boolean;
  fileName: string | null;
  fileSha256: string | null;
}

/** Imports a checked table as a draft version: one transaction, audited; any error refuses the whole table. */
export async function importTable(db: Db, actor: Actor, table: CheckedTable, o: ImportOptions): Promise<q.VersionView> {
  if (table.errors.length) {
    const count = table.truncated ? `${table.errors.length}+` : table.errors.length;
    throw new AppError('COEF_INVALID', { count }, { errors: table.errors, truncated: table.truncated });
  }
  const id = await db.transaction().execute(async (trx) => {
    const id = await q.insertVersion(trx, { ...o, rows: table.rows.length, importedBy: actor.id });
    await q.insertRows(trx, id, table.rows);
    await recordAudit(trx, actor, {
      action: 'coefficients.import', entity: 'coefficient-version', entityId: id, regionCode: null,
      after: { label: o.label, census: o.census, sample: o.sample, rows: table.rows.length, fileName: o.fileName, fileSha256: o.fileSha256 },
    });
    return id;
  });
  return (await q.getVersion(db, id))!;
}

function fieldsOf(f: Record<string, string>): Pick<ImportOptions, 'label' | 'census' | 'sample'> {
  const bad = (detail: string) => new AppError('COEF_FIELDS_INVALID', { detail });
  const label = (f.label ?? '').trim();
  if (!label || label.length > 200) throw bad('label (1–200 characters)');
  const census = (f.census ?? '2017').trim() || '2017';
  if (!/^\d{4}$/.test(census)) throw bad('census (a year such as 2017)');
  const s = (f.sample ?? 'false').trim().toLowerCase();
  if (s !== 'true' && s !== 'false' && s !== '') throw bad('sample (true or false)');
  return { label, census, sample: s === 'true' };
}

/** POST /accounting/coefficients/import: the uploaded file is read, checked and removed whatever happens. */
export async function importUpload(db: Db, actor: Actor, upload: Upload): Promise<q.VersionView> {
  let table: CheckedTable;
  let fields: ReturnType<typeof fieldsOf>;
  try {
    fields = fieldsOf(upload.fields);
    table = await readCoefficientFile(upload.file.path, upload.file.format);
  } finally {
    fs.rmSync(upload.file.path, { force: true });
  }
  return importTable(db, actor, table, { ...fields, fileName: upload.file.fileName, fileSha256: upload.file.sha256 });
}

export const listVersions = (db: Db) => q.listVersions(db).then((items) => ({ items }));

async function versionOrThrow(db: Db, id: number) {
  const v = await q.getVersion(db, id);
  if (!v) throw new AppError('COEF_VERSION_NOT_FOUND');
  return v;
}

export async function versionRows(db: Db, id: number, f: { industry?: string; pollutant?: string; cursor?: string; limit?: number }) {
  await versionOrThrow(db, id);
  return q.listRows(db, id, { industry: f.industry, pollutant: f.pollutant, cursor: f.cursor ? Number(f.cursor) : undefined, limit: f.limit ?? 100 });
}

/** The version against another (default: the version in force of its census; none: everything is added). */
export async function diffVersions(db: Db, id: number, against?: number): Promise<VersionDiff & { against: number | null }> {
  const v = await versionOrThrow(db, id);
  const other = against ?? (await q.inForceId(db, v.census)) ?? null;
  if (other !== null) await versionOrThrow(db, other);
  const [before, after] = await Promise.all([other === null ? [] : q.allRows(db, other), q.allRows(db, id)]);
  return { against: other, ...diffRows(before, after) };
}

function isInForceRace(e: unknown): boolean {
  const pe = e as { code?: string; constraint?: string; message?: string } | null;
  return pe?.code === '23505' && (pe.constraint === 'coefficient_versions_in_force_uq' || (pe.message ?? '').includes('coefficient_versions_in_force_uq'));
}

/** Puts a version in force; the census's one before is retired in the same transaction. Again on the version in force: nothing changes. */
export async function putInForce(db: Db, actor: Actor, id: number): Promise<q.VersionView> {
  try {
    await db.transaction().execute(async (trx) => {
      const v = await q.lockVersion(trx, id);
      if (!v) throw new AppError('COEF_VERSION_NOT_FOUND');
      if (v.status === 'in-force') return;
      const retired = await q.switchInForce(trx, id, v.census, actor.id);
      await recordAudit(trx, actor, {
        action: 'coefficients.in-force', entity: 'coefficient-version', entityId: id, regionCode: null,
        before: { status: v.status, inForce: retired ?? null }, after: { status: 'in-force', census: v.census, retired: retired ?? null },
      });
    });
  } catch (e) {
    if (isInForceRace(e)) throw new AppError('COEF_IN_FORCE_CONFLICT');
    throw e;
  }
  return versionOrThrow(db, id);
}

/**
 * The shipped sample table (data/coefficients-sample.csv, our own numbers), imported once as a
 * sample version and put in force when its census has none in force: the demo computes with it.
 */
export async function loadSampleCoefficients(db: Db, actor: Actor, census = '2017'): Promise<q.VersionView> {
  const sha256 = createHash('sha256').update(fs.readFileSync(SAMPLE_FILE)).digest('hex');
  let id = await q.sampleVersionOf(db, census, sha256);
  if (id === undefined) {
    const table = await readCoefficientFile(SAMPLE_FILE, 'csv');
    id = (await importTable(db, actor, table, { label: SAMPLE_LABEL, census, sample: true, fileName: path.basename(SAMPLE_FILE), fileSha256: sha256 })).id;
  }
  if ((await q.inForceId(db, census)) === undefined) return putInForce(db, actor, id);
  return versionOrThrow(db, id);
}
