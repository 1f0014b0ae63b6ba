// 部门名录 registers: reading them (lists, rows, errors, saved mappings) and
// deleting one. Import lives in register-import.ts and import-job.ts.
import fs from 'node:fs';
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import { scopePrefixOf, type Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { storedPath } from './register-upload.ts';
import * as q from './registers.sql.ts';

export function registerView(r: q.RegisterRow) {
  return {
    id: Number(r.id),
    department: r.department,
    regionCode: r.region_code,
    regionName: r.region_name,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    fileSize: Number(r.file_size),
    format: r.format,
    encoding: r.encoding,
    mapping: r.mapping as Record<string, string>,
    status: r.status,
    rowCount: r.row_count,
    validCount: r.valid_count,
    errorCount: r.error_count,
    jobId: r.job_id === null ? null : Number(r.job_id),
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: r.created_at,
    importedAt: r.imported_at,
  };
}
export type RegisterView = ReturnType<typeof registerView>;

/** What the audit keeps of a register. */
export const registerSnapshot = (r: RegisterView) => ({
  department: r.department,
  regionCode: r.regionCode,
  fileName: r.fileName,
  fileSha256: r.fileSha256,
  fileSize: r.fileSize,
  status: r.status,
  rowCount: r.rowCount,
  validCount: r.validCount,
  errorCount: r.errorCount,
});

/** A department reviewer sees its own department's registers only. */
export function visibilityOf(actor: Actor): q.Visibility {
  return { scopePrefix: actor.scopePrefix, department: actor.role === 'department-reviewer' ? actor.department ?? '-' : null };
}

export interface RegisterListQuery {
  department?: string;
  region?: string;
  status?: string;
  cursor?: string;
  limit?: number;
}

export async function listRegisters(db: Db, actor: Actor, f: RegisterListQuery) {
  const v = visibilityOf(actor);
  // A region filter narrows the caller's scope; one outside it gives an empty list.
  if (f.region !== undefined) {
    const p = scopePrefixOf(f.region);
    if (p.startsWith(v.scopePrefix)) v.scopePrefix = p;
    else if (!v.scopePrefix.startsWith(p)) return { items: [], nextCursor: null };
  }
  const limit = f.limit ?? 50;
  const rows = await q.listRegisters(db, v, { department: f.department, status: f.status, before: f.cursor ? Number(f.cursor) : undefined, limit });
  const items = rows.slice(0, limit).map(registerView);
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
}

export async function getRegister(db: Db, actor: Actor, id: number) {
  const r = await q.getRegister(db, id, visibilityOf(actor));
  if (!r) throw new AppError('REGISTER_NOT_FOUND');
  return registerView(r);
}

/** Rows and errors are read of imported registers only: an import under way shows nothing yet. */
async function importedRegister(db: Db, actor: Actor, id: number) {
  const reg = await getRegister(db, actor, id);
  return reg.status === 'imported' ? reg : undefined;
}

export async function listRows(db: Db, actor: Actor, id: number, f: { cursor?: string; limit?: number; valid?: boolean }) {
  const limit = f.limit ?? 100;
  if (!(await importedRegister(db, actor, id))) return { items: [], nextCursor: null };
  const rows = await q.listRows(db, id, { after: f.cursor ? Number(f.cursor) : undefined, valid: f.valid, limit });
  const items = rows.slice(0, limit).map((r) => ({
    rowNumber: r.row_number,
    valid: r.valid,
    creditCode: r.credit_code,
    name: r.name,
    address: r.address,
    legalRep: r.legal_rep,
    industryCode: r.industry_code,
    phone: r.phone,
    regionCode: r.region_code,
    extra: (r.extra ?? null) as Record<string, string> | null,
  }));
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].rowNumber) : null };
}

const errorView = (e: Awaited<ReturnType<typeof q.listErrors>>[number]) => ({
  rowNumber: e.row_number,
  column: e.column_name,
  code: e.code,
  message: { zh: e.message_zh, en: e.message_en },
  value: e.value,
});

export async function listErrors(db: Db, actor: Actor, id: number, f: { cursor?: string; limit?: number }) {
  const limit = f.limit ?? 100;
  if (!(await importedRegister(db, actor, id))) return { items: [], nextCursor: null };
  const rows = await q.listErrors(db, id, { after: f.cursor ? Number(f.cursor) : undefined, limit });
  const page = rows.slice(0, limit);
  return { items: page.map(errorView), nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
}

/** Every error of a register, in row order, a slice at a time (for the XLSX export). */
export async function* allErrors(db: Db, actor: Actor, id: number) {
  if (!(await importedRegister(db, actor, id))) return;
  let after = 0;
  for (;;) {
    const rows = await q.listErrors(db, id, { after, limit: 5000 });
    for (const r of rows.slice(0, 5000)) yield errorView(r);
    if (rows.length <= 5000) return;
    after = Number(rows[4999].id);
  }
}

/** Removes a stored upload that no register names any more. */
export async function discardFileIfUnused(db: Db, file: { sha256: string; format: string; path: string }) {
  if ((await q.fileReferences(db, file.sha256, file.format)) > 0) return;
  fs.rmSync(file.path, { force: true });
}

/** Deletes a register with its rows and errors (not while its import runs); audited. */
export async function deleteRegister(db: Db, actor: Actor, id: number, uploads: string) {
  const reg = await getRegister(db, actor, id);
  if (reg.status === 'importing') throw new AppError('REGISTER_BUSY');
  // One transaction (rows go by cascade): a reader never sees an imported register with part of its rows.
  await db.transaction().execute(async (trx) => {
    await q.deleteRegister(trx, id);
    await recordAudit(trx, actor, { action: 'register.delete', entity: 'register', entityId: id, regionCode: reg.regionCode, before: registerSnapshot(reg) });
  });
  await discardFileIfUnused(db, { sha256: reg.fileSha256, format: reg.format, path: storedPath(uploads, reg.fileSha256, reg.format as 'csv') });
}

export async function listMappings(db: Db, actor: Actor, department?: string) {
  const own = visibilityOf(actor).department;
  if (own && department && department !== own) return { items: [] };
  const rows = await q.listMappings(db, own ?? department);
  return {
    items: rows.map((m) => ({ department: m.department, name: m.name, columns: m.columns as Record<string, string>, updatedAt: m.updated_at })),
  };
}
