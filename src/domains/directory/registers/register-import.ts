// Starting a register import: the uploaded file's head is read in the request
// (type, encoding, header, mapping), so a bad file is refused at once; the rows
// are read, checked and stored by the job (import-job.ts).
import fs from 'node:fs';
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import { DEPARTMENTS, type Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import type { JobRunner } from '../../jobs/index.ts';
import { IMPORT_JOB, type ImportParams } from './import-job.ts';
import { guessMapping, parseMapping, resolveMapping } from './mapping-rules.ts';
import { readHead, type FileHead } from './register-file.ts';
import { storedPath, type StoredFile, type Upload } from './register-upload.ts';
import { discardFileIfUnused, getRegister, registerSnapshot, registerView, visibilityOf } from './registers.ts';
import * as q from './registers.sql.ts';

function departmentOf(v: string | undefined): string {
  const d = (v ?? '').trim();
  if (!(DEPARTMENTS as readonly string[]).includes(d)) throw new AppError('REGISTER_DEPARTMENT_UNKNOWN', { department: d || '—' });
  return d;
}

/** The region must exist and lie in the caller's scope. */
async function regionOf(db: Db, actor: Actor, v: string | undefined): Promise<string> {
  const code = (v ?? '').trim();
  if (!/^\d{6,12}$/.test(code) || (await q.existingRegions(db, [code])).size === 0) throw new AppError('REGION_UNKNOWN', { code: code || '—' });
  if (!code.startsWith(actor.scopePrefix)) throw new AppError('REGISTER_REGION_OUTSIDE', { code });
  return code;
}

async function savedMappings(db: Db, actor: Actor, department?: string) {
  if (!department) return [];
  const own = visibilityOf(actor).department;
  if (own && own !== department) return [];
  return (await q.listMappings(db, department)).map((m) => ({ name: m.name, columns: m.columns as Record<string, string> }));
}

/** The head of the file, the guessed mapping and the department's saved ones, for the page to show before importing. */
export async function previewRegister(db: Db, actor: Actor, upload: Upload) {
  try {
    const department = upload.fields.department ? departmentOf(upload.fields.department) : undefined;
    const head = await readHead(upload.file.path, upload.file.format);
    const guessedMapping = guessMapping(head.headers);
    const preview = {
      encoding: head.encoding,
      format: upload.file.format,
      headers: head.headers,
      sample: head.sample,
      guessedMapping,
      savedMappings: await savedMappings(db, actor, department),
    };
    // No name column guessed: nothing could be imported as it stands, but the
    // error carries the preview, so the page can still offer to map by hand.
    if (!guessedMapping.name) {
      throw new AppError('REGISTER_NO_USABLE_COLUMNS', { headers: head.headers.filter(Boolean).slice(0, 30).join(', ') || '—' }, preview);
    }
    return preview;
  } finally {
    fs.rmSync(upload.file.path, { force: true });
  }
}

/** The mapping a request asks for: given outright, saved under a name, or guessed. */
async function chosenMapping(db: Db, department: string, fields: Record<string, string>, head: FileHead) {
  if (fields.mapping?.trim()) return parseMapping(fields.mapping);
  const name = fields.mappingName?.trim();
  if (name) {
    const saved = await q.getMapping(db, department, name);
    if (!saved) throw new AppError('REGISTER_MAPPING_NOT_FOUND', { department, name });
    return parseMapping(saved.columns);
  }
  return guessMapping(head.headers);
}

function saveAsOf(v: string | undefined): string | null {
  const name = (v ?? '').trim();
  if (name === '') return null;
  if (name.length > 64) throw new AppError('REGISTER_MAPPING_INVALID', { detail: 'a mapping name has at most 64 characters' });
  return name;
}

async function enqueue(db: Db, jobs: JobRunner, actor: Actor, id: number, params: Omit<ImportParams, 'registerId'>) {
  const reg = await getRegister(db, actor, id);
  try {
    const job = await jobs.enqueue(actor, IMPORT_JOB, { ...params, registerId: id } satisfies ImportParams, reg.regionCode);
    await q.setRegisterJob(db, id, job.id);
    return { register: { ...reg, jobId: job.id }, job };
  } catch (e) {
    await q.failUnqueued(db, id);
    throw e;
  }
}

/**
 * Checks an upload and queues its import: 202 { register, job }. On any refusal
 * the stored file is removed, unless another register uses the same bytes.
 */
export async function startRegisterImport(db: Db, jobs: JobRunner, actor: Actor, upload: Upload) {
  const { file, fields } = upload;
  try {
    const department = departmentOf(fields.department);
    const regionCode = await regionOf(db, actor, fields.regionCode);
    const saveMappingAs = saveAsOf(fields.saveMappingAs);
    const head = await readHead(file.path, file.format);
    const { mapping } = resolveMapping(head.headers, await chosenMapping(db, department, fields, head));

    const dup = await q.findLiveDuplicate(db, file.sha256, department, regionCode);
    if (dup) {
      const date = (dup.imported_at ?? dup.created_at).toISOString().slice(0, 10);
      throw new AppError('REGISTER_DUPLICATE_FILE', { id: Number(dup.id), fileName: dup.file_name, date }, { register: registerView(dup) });
    }
    const id = await db.transaction().execute(async (trx) => {
      const newId = await q.insertRegister(trx, {
        department, regionCode, fileName: file.fileName, sha256: file.sha256, size: file.size, format: file.format,
        encoding: head.encoding, mapping: mapping as Record<string, string>, createdBy: actor.id,
      });
      await recordAudit(trx, actor, {
        action: 'register.upload', entity: 'register', entityId: newId, regionCode,
        after: { department, regionCode, fileName: file.fileName, fileSha256: file.sha256, fileSize: file.size, mapping },
      });
      return newId;
    });
    return await enqueue(db, jobs, actor, id, { actor, filePath: file.path, saveMappingAs });
  } catch (e) {
    await discardFileIfUnused(db, file);
    throw e;
  }
}

/** Runs a failed or cancelled import again, from the stored file: 202 { register, job }. */
export async function reimportRegister(db: Db, jobs: JobRunner, actor: Actor, id: number, uploads: string) {
  const reg = await getRegister(db, actor, id);
  if (reg.status !== 'failed' && reg.status !== 'cancelled') throw new AppError('REGISTER_NOT_REIMPORTABLE');
  const filePath = storedPath(uploads, reg.fileSha256, reg.format as StoredFile['format']);
  if (!fs.existsSync(filePath)) throw new AppError('REGISTER_FILE_MISSING');
  const dup = await q.findLiveDuplicate(db, reg.fileSha256, reg.department, reg.regionCode);
  if (dup && Number(dup.id) !== id) {
    throw new AppError('REGISTER_DUPLICATE_FILE', { id: Number(dup.id), fileName: dup.file_name, date: (dup.imported_at ?? dup.created_at).toISOString().slice(0, 10) });
  }
  await db.transaction().execute(async (trx) => {
    if (!(await q.reopenRegister(trx, id))) throw new AppError('REGISTER_NOT_REIMPORTABLE');
    await recordAudit(trx, actor, { action: 'register.reimport', entity: 'register', entityId: id, regionCode: reg.regionCode, before: registerSnapshot(reg) });
  });
  return enqueue(db, jobs, actor, id, { actor, filePath, saveMappingAs: null });
}
