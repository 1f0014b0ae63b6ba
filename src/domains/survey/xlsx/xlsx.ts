// 离线填报: a form's XLSX template (blank, or filled with a source's stored answers) and its
// upload, which goes through the very save path of PUT /submissions/:id — validation,
// idempotency, revisions and audit alike — with every problem pointing to its cell.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { AppError, isAppError } from '../../../core/errors.ts';
import type { Actor } from '../../access/index.ts';
import type { Upload } from '../../directory/index.ts';
import type { Issue } from '../engine/index.ts';
import { getForm } from '../submissions/forms.ts';
import * as sub from '../submissions/submissions.ts';
import * as q from '../submissions/submissions.sql.ts';
import type { Db } from '../../../core/db/index.ts';
import type { CellMap } from './layout.ts';
import { readTemplate } from './read-workbook.ts';
import { templateWorkbook } from './template.ts';

export const IMPORT_LIMIT = 5 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function reachable(db: Db, actor: Actor, sourceId: number) {
  const src = await q.surveySource(db, sourceId, actor);
  if (!src || !sub.reaches(actor, src)) throw new AppError('SURVEY_SOURCE_NOT_FOUND', { id: sourceId });
  return src;
}

/** The template of a form; with a source, filled with its stored submission of that form (if any, and of that version). */
export async function formTemplate(db: Db, actor: Actor, code: string, version?: number, sourceId?: number): Promise<{ fileName: string; body: Buffer }> {
  let form = getForm(code, version);
  let stored: q.SubmissionRow | undefined;
  if (sourceId !== undefined) {
    await reachable(db, actor, sourceId);
    const id = await q.idOfSourceForm(db, sourceId, form.code);
    stored = id ? await q.getSubmission(db, id) : undefined;
    if (stored && version === undefined) form = getForm(code, stored.version);
    if (stored && stored.version !== form.version) stored = undefined;
  }
  const meta = { form: form.code, version: form.version, sourceId: sourceId ?? null, submissionId: stored?.id ?? null, rev: stored?.rev ?? null };
  const body = await templateWorkbook(form, meta, (stored?.answers as Record<string, unknown>) ?? {});
  return { fileName: `${form.code}-v${form.version}${sourceId ? `-${sourceId}` : ''}.xlsx`, body };
}

const withCells = (issues: Issue[], cells: CellMap) => issues.map((i) => ({ ...i, cell: cells.find(i.path) }));

interface ImportFields {
  sourceId: number;
  status: 'draft' | 'submitted';
  id?: string;
  baseRev?: number | null;
}

function fieldsOf(f: Record<string, string>): ImportFields {
  const bad = (detail: string) => new AppError('REQUEST_INVALID', { detail });
  const sourceId = /^\d{1,15}$/.test(f.sourceId ?? '') ? Number(f.sourceId) : NaN;
  if (!(sourceId >= 1)) throw bad('sourceId');
  if (f.status !== 'draft' && f.status !== 'submitted') throw bad('status');
  const id = f.id?.trim().toLowerCase();
  if (id && !UUID.test(id)) throw bad('id');
  const b = f.baseRev?.trim();
  if (b && !/^\d{1,9}$/.test(b) && b !== 'null') throw bad('baseRev');
  return { sourceId, status: f.status, ...(id ? { id } : {}), ...(b ? { baseRev: b === 'null' ? null : Number(b) } : {}) };
}

/** Reads an uploaded template and saves it as PUT /submissions/:id would; the file is removed whatever happens. */
export async function importWorkbook(db: Db, actor: Actor, upload: Upload) {
  let read;
  try {
    if (upload.file.format !== 'xlsx') throw new AppError('UPLOAD_TYPE', { expected: '.xlsx' });
    const fields = fieldsOf(upload.fields);
    read = { fields, wb: await readTemplate(upload.file.path) };
  } finally {
    fs.rmSync(upload.file.path, { force: true });
  }
  const { fields, wb } = read;
  const { meta, cells } = wb;
  if (meta.sourceId !== null && meta.sourceId !== fields.sourceId) {
    throw new AppError('SURVEY_XLSX_TAMPERED', { whyZh: `这是普查对象 ${meta.sourceId} 的模板`, whyEn: `it is the template of source ${meta.sourceId}` });
  }
  if (wb.problems.length) throw new AppError('SURVEY_XLSX_INVALID', { count: wb.problems.length }, { cells: wb.problems });

  await reachable(db, actor, fields.sourceId);
  const id = fields.id ?? meta.submissionId ?? (await q.idOfSourceForm(db, fields.sourceId, meta.form)) ?? randomUUID();
  const stored = await q.getSubmission(db, id);
  const own = stored && stored.source_id === fields.sourceId && stored.form === meta.form ? stored : undefined;
  // Files and explanations do not travel through the sheet: the stored ones are kept.
  const answers = { ...wb.answers };
  for (const f of wb.layout.main) if (f.type === 'file' && own && (own.answers as Record<string, unknown>)[f.id] !== undefined) answers[f.id] = (own.answers as Record<string, unknown>)[f.id];
  const body: sub.SaveBody = {
    sourceId: fields.sourceId, form: meta.form, version: meta.version, answers, explanations: own?.explanations ?? {}, status: fields.status,
    baseRev: fields.baseRev !== undefined ? fields.baseRev : meta.submissionId === id ? meta.rev : null,
  };
  try {
    const { created, result } = await sub.saveSubmission(db, actor, id, body);
    return { created, result: { ...result, verdict: { ...result.verdict, issues: withCells(result.verdict.issues, cells) } } };
  } catch (e) {
    if (!isAppError(e)) throw e;
    const details = e.details as { issues?: Issue[]; verdict?: { issues: Issue[] } } | undefined;
    if (e.code === 'SURVEY_INVALID' && details?.issues) {
      const list = withCells(details.issues, cells);
      throw new AppError('SURVEY_XLSX_INVALID', { count: list.length }, { cells: list.map((i) => ({ cell: i.cell, path: i.path, message: i.message })), issues: list });
    }
    if (e.code === 'SURVEY_NOT_READY' && details?.verdict) {
      const issues = withCells(details.verdict.issues, cells);
      throw new AppError('SURVEY_NOT_READY', e.params, {
        verdict: { ...details.verdict, issues },
        cells: issues.filter((i) => i.severity === 'blocking' || !i.explanation).map((i) => ({ cell: i.cell, path: i.path, message: i.message })),
      });
    }
    throw e;
  }
}
