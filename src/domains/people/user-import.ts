// Bulk user creation from a spreadsheet: every row is checked up front (nothing
// is created when one fails), then a job hashes the passwords and inserts all
// users in one transaction.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Db } from '../../core/db/index.ts';
import { AppError, type ErrorCode, type ErrorParams } from '../../core/errors.ts';
import { hashPassword, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { setJobParams, type JobContext, type JobHandler, type JobRunner } from '../jobs/index.ts';
import { isUniqueViolation } from './common.sql.ts';
import { assertXlsx, departmentOf, readSheet, roleOf, type SheetRow } from './import-sheet.ts';
import { checkUserDraft, messageOf, normaliseDraft, USER_FIELDS, type FieldError, type UserDraft } from './user-rules.ts';
import { loadRuleEnv, userSnapshot } from './users.ts';
import * as q from './users.sql.ts';

export const IMPORT_JOB = 'users.import';
const MAX_REPORTED_ERRORS = 1000;

export interface RowError {
  row: number;
  field: string;
  code: ErrorCode;
  message: { zh: string; en: string };
}

type ImportRow = UserDraft & { row: number; password: string };

/** Turns `agency` cells (an id or a name) into agency ids; names must be unique within the actor's scope. */
async function resolveAgencies(db: Db, actor: Actor, rows: SheetRow[]) {
  const names = [...new Set(rows.map((r) => r.cells.agency).filter((a) => a !== '' && !/^\d+$/.test(a)))];
  const found = await q.agenciesNamed(db, actor.scopePrefix, names);
  const byName = new Map<string, number[]>();
  for (const a of found) byName.set(a.name, [...(byName.get(a.name) ?? []), Number(a.id)]);
  return (cell: string): { id: number | null; error?: { code: ErrorCode; params: ErrorParams } } => {
    if (cell === '') return { id: null };
    if (/^\d+$/.test(cell)) return { id: Number(cell) };
    const ids = byName.get(cell) ?? [];
    if (ids.length === 0) return { id: null, error: { code: 'AGENCY_NOT_FOUND', params: {} } };
    if (ids.length > 1) return { id: null, error: { code: 'USER_AGENCY_AMBIGUOUS', params: { name: cell } } };
    return { id: ids[0] };
  };
}

/** Applies every rule to every row, plus uniqueness of usernames inside the file. */
export async function validateRows(db: Db, actor: Actor, sheet: SheetRow[]): Promise<{ rows: ImportRow[]; errors: RowError[] }> {
  const agencyOf = await resolveAgencies(db, actor, sheet);
  const errors: RowError[] = [];
  const push = (row: number, e: FieldError) =>
    errors.push({ row, field: e.field === 'agencyId' ? 'agency' : e.field, code: e.code, message: messageOf(e) });

  const drafts = sheet.map(({ row, cells }) => {
    const role = roleOf(cells.role);
    const agency = role === 'agency-staff' ? agencyOf(cells.agency) : { id: null };
    if (agency.error) push(row, { field: 'agency', ...agency.error });
    const draft = normaliseDraft({
      username: cells.username,
      displayName: cells.displayName,
      password: cells.password,
      role,
      regionCode: cells.regionCode,
      department: cells.department === '' ? null : departmentOf(cells.department),
      agencyId: agency.id,
      phone: cells.phone,
    });
    return { row, draft, agencyFailed: !!agency.error };
  });

  const env = await loadRuleEnv(db, actor, drafts.map((d) => d.draft), { usernames: true });
  const firstRowOf = new Map<string, number>();
  for (const { row, draft, agencyFailed } of drafts) {
    const check = new Set(USER_FIELDS.filter((f) => !(agencyFailed && f === 'agencyId')));
    const rowErrors = checkUserDraft(draft, env, check);
    const key = draft.username.toLowerCase();
    const first = firstRowOf.get(key);
    if (!rowErrors.some((e) => e.field === 'username') && first !== undefined) {
      rowErrors.push({ field: 'username', code: 'USER_IMPORT_DUPLICATE', params: { username: draft.username, first } });
    }
    if (key && first === undefined) firstRowOf.set(key, row);
    for (const e of rowErrors) push(row, e);
  }
  const order = (f: string) => USER_FIELDS.indexOf((f === 'agency' ? 'agencyId' : f) as (typeof USER_FIELDS)[number]);
  errors.sort((a, b) => a.row - b.row || order(a.field) - order(b.field));
  return { rows: drafts.map(({ row, draft }) => ({ ...draft, row, password: draft.password! })), errors };
}

export type ImportParams = {
  actor?: Actor;
  fileName?: string;
  count?: number;
  /** Present only until the job ends: the checked rows with their passwords, sealed (see below). */
  sealed?: string;
  /** Set when the users were created (same transaction as the insert). */
  created?: number;
};

/*
 * The plain passwords must reach the job, which hashes them outside the request
 * (scrypt takes tens of milliseconds each; 10,000 rows take minutes). They travel
 * in the job's params only until the job ends, then the params become a summary
 * without them. Meanwhile the rows are sealed with AES-256-GCM under a key kept
 * in the database, because the jobs API shows params to every staff role in scope.
 */
function seal(key: Buffer, rows: ImportRow[]): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(JSON.stringify(rows), 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}

function unseal(key: Buffer, sealed: string): ImportRow[] {
  const b = Buffer.from(sealed, 'base64');
  const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
  d.setAuthTag(b.subarray(12, 28));
  return JSON.parse(Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8')) as ImportRow[];
}

/** Checks the upload and every row; when all pass, queues the job that creates the users. */
export async function startUserImport(db: Db, jobs: JobRunner, actor: Actor, file: { filename: string; data: Buffer }) {
  assertXlsx(file.filename, file.data);
  const sheet = await readSheet(file.data);
  const { rows, errors } = await validateRows(db, actor, sheet);
  if (errors.length) {
    const badRows = new Set(errors.map((e) => e.row)).size;
    throw new AppError('USER_IMPORT_INVALID', { count: badRows }, {
      rows: errors.slice(0, MAX_REPORTED_ERRORS),
      truncated: errors.length > MAX_REPORTED_ERRORS,
    });
  }
  const params: ImportParams = { actor, fileName: file.filename, count: rows.length, sealed: seal(await q.importKey(db), rows) };
  const job = await jobs.enqueue(actor, IMPORT_JOB, params, actor.regionCode, rows.length);
  // The answer need not echo the sealed rows back.
  return { ...job, params: { fileName: file.filename, count: rows.length } };
}

/** Runs `fn` over `items` with at most `limit` at a time, leaving the thread pool room for logins. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const PROGRESS_EVERY = 50;

async function runImport(ctx: JobContext<ImportParams>) {
  const { actor, sealed, fileName, count } = ctx.params;
  // A job that already ended has no passwords left: if it committed, its result stands.
  if (!actor || !sealed) {
    if (ctx.params.created !== undefined) return { created: ctx.params.created };
    throw new AppError('USER_IMPORT_EXPIRED');
  }
  const summary = { actor: { id: actor.id, username: actor.username }, fileName, count };
  try {
    const rows = unseal(await q.importKey(ctx.db), sealed);
    const total = rows.length;
    const hashes: string[] = [];
    for (let i = 0; i < total; i += PROGRESS_EVERY) {
      hashes.push(...(await mapLimit(rows.slice(i, i + PROGRESS_EVERY), 2, (r) => hashPassword(r.password))));
      await ctx.progress(hashes.length, { total });
    }
    const created = await ctx.db.transaction().execute(async (trx) => {
      // Someone may have taken a username since the file was checked: then nothing is created.
      const taken = await q.takenUsernames(trx, rows.map((r) => r.username));
      const clash = rows.find((r) => taken.has(r.username.toLowerCase()));
      if (clash) throw new AppError('USER_USERNAME_TAKEN', { username: clash.username });
      const ids = await q.insertUsers(trx, rows.map(({ password: _, ...r }, i) => ({ ...r, passwordHash: hashes[i] })));
      for (const [i, r] of rows.entries()) {
        await recordAudit(trx, actor, {
          action: 'user.import',
          entity: 'user',
          entityId: ids[i],
          regionCode: r.regionCode,
          after: userSnapshot({ ...r, disabled: false }),
        });
      }
      // In the same transaction, so a crash after the commit cannot leave the passwords behind.
      await setJobParams(trx, ctx.id, { ...summary, created: ids.length });
      return ids.length;
    });
    return { created };
  } catch (e) {
    // The runner drops the passwords (redact below) when the job ends; a server
    // shutdown keeps them, for the resume on the next start.
    if (isUniqueViolation(e, 'users_username_uq')) {
      const username = /=\((.*)\) already exists/.exec((e as { detail?: string }).detail ?? '')?.[1] ?? '';
      throw new AppError('USER_USERNAME_TAKEN', { username });
    }
    throw e;
  }
}

export const importJob: JobHandler<ImportParams> = {
  kind: IMPORT_JOB,
  run: runImport,
  redact({ actor, fileName, count }, result) {
    const created = (result as { created?: number } | undefined)?.created;
    return { actor: actor && { id: actor.id, username: actor.username }, fileName, count, ...(created !== undefined ? { created } : {}) };
  },
};
