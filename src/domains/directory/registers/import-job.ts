// The job `registers.import`: reads the stored file from the top, checks each
// row, inserts rows and errors in batches, and only at the end marks the
// register imported (one transaction with its audit row and the saved mapping).
// A failure or a cancel deletes what was inserted; a job resumed after a stop
// deletes its partial rows and starts again from the top (the simplest correct
// resume: a batch is cheap next to the risk of a half-counted register).
import type { Selectable } from 'kysely';
import type { RegistersTable } from '../../../core/db/schema.ts';
import { provinceOf } from '../../../core/db/distribution.ts';
import { AppError, isAppError } from '../../../core/errors.ts';
import { scopePrefixOf, type Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { JobCancelled, type JobContext, type JobHandler } from '../../jobs/index.ts';
import { checkHeaders, resolveMapping, type Mapping } from './mapping-rules.ts';
import { openTable, type RegisterFormat } from './register-file.ts';
import { checkRow, isBlankRow, messageOf, normaliseRegionCode, rowSignature, type RowEnv, type RowLayout } from './row-rules.ts';
import * as q from './registers.sql.ts';

export const IMPORT_JOB = 'registers.import';

/** Rows per insert statement (and per progress report). */
export const BATCH = 2000;

export interface ImportParams {
  registerId: number;
  actor: Actor;
  /** The stored upload, PUCHA_DATA_DIR/uploads/<sha256>.<ext>. */
  filePath: string;
  /** Also save the mapping under this name (it is always saved as 'last'). */
  saveMappingAs: string | null;
}

type Register = Selectable<RegistersTable>;

const summaryOf = (r: Register) => ({ registerId: Number(r.id), rows: r.row_count, valid: r.valid_count, errors: r.error_count });

function isDuplicateFile(e: unknown) {
  const pe = e as { code?: string; constraint?: string; message?: string };
  return pe?.code === '23505' && (pe.constraint === 'registers_file_uq' || (pe.message ?? '').includes('registers_file_uq'));
}

async function importRows(ctx: JobContext<ImportParams>, reg: Register) {
  const id = Number(reg.id);
  const table = openTable(ctx.params.filePath, reg.format as RegisterFormat);
  const known = new Map<string, boolean>(); // region code → in the tree
  let layout: RowLayout | undefined;
  let mapping: Mapping = {};
  let env: RowEnv | undefined;
  let batch: Array<{ n: number; cells: string[] }> = [];
  let rowNumber = 0;
  let valid = 0;
  let errors = 0;

  const lookUpRegions = async () => {
    const i = layout!.fields.region_code;
    if (i === undefined) return;
    const need = new Set<string>();
    for (const b of batch) {
      const c = normaliseRegionCode(b.cells[i] ?? '');
      for (const k of c ? (c.length === 12 ? [c, c.slice(0, 9)] : [c]) : []) if (!known.has(k)) need.add(k);
    }
    const found = await q.existingRegions(ctx.db, [...need]);
    for (const k of need) known.set(k, found.has(k));
  };

  // One batch is written while the next is read and checked (on the server the two overlap).
  let writing: Promise<void> = Promise.resolve();
  const write = async (rows: q.NewRow[], errs: q.NewError[], done: number, invalid: number) => {
    await q.insertRows(ctx.db, id, rows);
    await q.insertErrors(ctx.db, id, provinceOf(reg.region_code), errs);
    const share = table.progress();
    const total = share > 0 && share < 1 ? Math.max(done, Math.round(done / share)) : null;
    await ctx.progress(done, { total, checkpoint: { rowsRead: done }, message: `${reg.file_name}: ${invalid} with errors` });
  };
  const flush = async () => {
    await lookUpRegions();
    const rows: q.NewRow[] = [];
    const errs: q.NewError[] = [];
    for (const { n, cells } of batch) {
      const { errors: rowErrors, ...r } = checkRow(cells, layout!, env!);
      rows.push({ rowNumber: n, ...r });
      if (r.valid) valid++;
      for (const e of rowErrors) errs.push({ rowNumber: n, column: e.column, code: e.code, ...messageOf(e), value: e.value });
    }
    errors += errs.length;
    batch = [];
    await writing; // the previous batch is in (or its failure, or a cancel, surfaces here)
    writing = write(rows, errs, rowNumber, rowNumber - valid);
    writing.catch(() => {}); // observed at the next flush or at the end
  };

  try {
    for await (const cells of table.rows) {
      if (isBlankRow(cells)) continue;
      if (!layout) {
        const headers = checkHeaders(cells);
        ({ layout, mapping } = resolveMapping(headers, reg.mapping as Mapping));
        env = {
          regionCode: reg.region_code,
          regionPrefix: scopePrefixOf(reg.region_code),
          regionExists: (c) => known.get(c) === true,
          headerSignature: rowSignature(cells),
        };
        continue;
      }
      batch.push({ n: ++rowNumber, cells });
      if (batch.length >= BATCH) await flush();
    }
    if (!layout || rowNumber === 0) throw new AppError('REGISTER_EMPTY');
    await flush();
    await writing;
  } finally {
    table.close();
    await writing.catch(() => {}); // never leave a write running behind a failure: the cleanup follows
  }
  await ctx.progress(rowNumber, { total: rowNumber, checkpoint: { rowsRead: rowNumber }, message: reg.file_name });

  const { actor, saveMappingAs } = ctx.params;
  const counts = { rows: rowNumber, valid, errors };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await q.markImported(trx, id, ctx.id, counts))) throw new AppError('REGISTER_NOT_FOUND');
      await q.saveMapping(trx, reg.department, 'last', mapping as Record<string, string>, actor.id);
      if (saveMappingAs) await q.saveMapping(trx, reg.department, saveMappingAs, mapping as Record<string, string>, actor.id);
      await recordAudit(trx, actor, {
        action: 'register.import',
        entity: 'register',
        entityId: id,
        regionCode: reg.region_code,
        after: { department: reg.department, fileName: reg.file_name, fileSha256: reg.file_sha256, encoding: table.encoding, mapping, rowCount: rowNumber, validCount: valid, errorCount: errors },
      });
    });
  } catch (e) {
    // Two uploads of one file raced past the duplicate check: the first to finish keeps it.
    if (isDuplicateFile(e)) {
      const first = await q.findLiveDuplicate(ctx.db, reg.file_sha256, reg.department, reg.region_code);
      const date = (first?.imported_at ?? new Date()).toISOString().slice(0, 10);
      throw new AppError('REGISTER_DUPLICATE_FILE', { id: first ? Number(first.id) : '?', fileName: first?.file_name ?? reg.file_name, date });
    }
    throw e;
  }
  return { registerId: id, ...counts };
}

async function runImport(ctx: JobContext<ImportParams>) {
  const { registerId, actor } = ctx.params;
  const reg = await q.claimForImport(ctx.db, registerId, ctx.id);
  if (!reg) {
    const cur = await q.registerForJob(ctx.db, registerId);
    // Committed just before a restart: the result stands.
    if (cur?.status === 'imported' && Number(cur.job_id) === ctx.id) return summaryOf(cur);
    throw new AppError(cur ? 'REGISTER_NOT_REIMPORTABLE' : 'REGISTER_NOT_FOUND');
  }
  try {
    await q.deleteContent(ctx.db, registerId); // rows left by an earlier, stopped run
    return await importRows(ctx, reg);
  } catch (e) {
    const cancelled = e instanceof JobCancelled;
    // Stopped by a server shutdown, not by a user: stay 'importing', the next start resumes.
    if (cancelled && !(await q.cancelRequested(ctx.db, ctx.id))) throw e;
    await q.deleteContent(ctx.db, registerId);
    const status = cancelled ? 'cancelled' : 'failed';
    const code = cancelled ? 'cancelled' : isAppError(e) ? e.code : 'INTERNAL';
    await ctx.db.transaction().execute(async (trx) => {
      await q.markEnded(trx, registerId, ctx.id, status);
      await recordAudit(trx, actor, {
        action: cancelled ? 'register.cancel' : 'register.fail',
        entity: 'register',
        entityId: registerId,
        regionCode: reg.region_code,
        after: { status, error: code },
      });
    });
    throw e;
  }
}

// Nothing secret travels in the params, so they stay whole (a failed job may be resumed from the jobs page).
export const importJob: JobHandler<ImportParams> = { kind: IMPORT_JOB, run: runImport };
