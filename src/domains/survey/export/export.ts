// 填报数据导出: every submission in the caller's scope as CSV or XLSX, streamed. Pages come by
// keyset over `seq` (the next one fetched while the last is written, never more than two in
// memory), and a page is read only when the client has taken the one before (Readable.from
// pulls on demand), so memory stays flat whatever the size. Text a spreadsheet would run as a
// formula is neutralised (core/spreadsheet-safe); XLSX starts a new sheet every SHEET_ROWS.
// On the PostgreSQL server the server writes each row (COPY), and an XLSX is made by two COPYs
// at a time (copySheets).
import os from 'node:os';
import { Readable } from 'node:stream';
import { AppError } from '../../../core/errors.ts';
import { csvCell } from '../../../core/spreadsheet-safe.ts';
import { DeflatedPart, XlsxWriter, type XlsxCell } from '../../../core/xlsx-stream.ts';
import { SpoolFile } from '../../../core/spool-file.ts';
import type { Db } from '../../../core/db/index.ts';
import { canCopyOut, copyOut, openSnapshot, type Snapshot } from '../../../core/db/copy-out.ts';
import { inScope, scopePrefixOf, type Actor } from '../../access/index.ts';
import { FORMS } from '../forms/index.ts';
import type { Field } from '../forms/types.ts';
import { exportCsvQuery, exportPage, exportXlsxRowsQuery, rangeEndQuery, type ExportFilter, type ExportRow, type RowRange } from './export.sql.ts';

/**
 * Excel holds 1,048,576 rows a sheet; tests lower `sheetRows` to see the split and `chunkRows`
 * (an XLSX's rows per COPY on the server), turn `serverCopy` off to compare the server's COPY
 * output with the page writer's, and give their own `spoolDir` (where an XLSX's next run of rows
 * waits, deflated, while the current one is sent).
 */
export const EXPORT_LIMITS = { sheetRows: 1_000_000, chunkRows: 200_000, pageRows: 5_000, serverCopy: true, spoolDir: os.tmpdir() };
const useCopy = (db: Db) => EXPORT_LIMITS.serverCopy && canCopyOut(db);
export const XLSX_ROWS_NOTE = 'pucha rows=';

const BASE = [
  ['id', '填报编号'], ['form', '报表'], ['sourceId', '普查对象编号'], ['creditCode', '统一社会信用代码'], ['sourceName', '普查对象名称'],
  ['regionCode', '行政区划代码'], ['regionName', '行政区划'], ['status', '状态'], ['version', '报表版本'], ['submittedAt', '提交时间'], ['updatedAt', '更新时间'],
] as const;

export interface ExportQuery { form?: string; region?: string; status?: string }

export interface ExportPlan {
  header: string[];
  fields: Field[] | null;
  filter: ExportFilter;
  fileName: string;
}

/** Checks the query before a byte is sent: the form must be defined, the region in scope. */
export function planExport(actor: Actor, q: ExportQuery): ExportPlan {
  if (q.region && !inScope(actor.scopePrefix, q.region)) throw new AppError('USER_SCOPE_OUTSIDE', { code: q.region });
  let fields: Field[] | null = null;
  if (q.form) {
    // every version's fields, the latest's first, so an older submission's answers have a column too
    const defs = FORMS.filter((f) => f.code === q.form).sort((a, b) => b.version - a.version);
    if (!defs.length) throw new AppError('SURVEY_FORM_NOT_FOUND', { code: q.form, version: '—' });
    const seen = new Set<string>();
    fields = defs.flatMap((d) => d.fields).filter((f) => !seen.has(f.id) && !!seen.add(f.id));
  }
  const header = [...BASE.map(([k, zh]) => `${k} ${zh}`), ...(fields ? fields.map((f) => `${f.id} ${f.label.zh}`) : ['answers 填报内容 (JSON)'])];
  const filter: ExportFilter = { form: q.form, status: q.status, region: q.region ? scopePrefixOf(q.region) : undefined };
  const fileName = `submissions${q.form ? `-${q.form}` : ''}${q.region ? `-${q.region}` : ''}`;
  return { header, fields, filter, fileName };
}

/** Pages in `seq` order; the next one is asked for while the caller writes this one. */
async function* pages(db: Db, actor: Actor, filter: ExportFilter): AsyncGenerator<ExportRow[]> {
  const size = EXPORT_LIMITS.pageRows;
  let next: Promise<ExportRow[]> | null = exportPage(db, actor, filter, 0, size);
  try {
    while (next) {
      const rows: ExportRow[] = await next;
      next = rows.length === size ? exportPage(db, actor, filter, rows[rows.length - 1].seq, size) : null;
      if (rows.length) yield rows;
    }
  } finally {
    next?.catch(() => {}); // the client went away while a page was on its way
  }
}

/** A row's cells: the fixed columns, then each field's answer (objects and lists as JSON) or all answers as JSON. */
function cells(r: ExportRow, fields: Field[] | null): XlsxCell[] {
  const base: XlsxCell[] = [r.id, r.form, r.source_id, r.credit_code, r.source_name, r.region_code, r.region_name, r.status, r.version, r.submitted_at, r.updated_at];
  if (!fields) {
    base.push(r.answers);
    return base;
  }
  const a = JSON.parse(r.answers) as Record<string, unknown>;
  for (const f of fields) {
    const v = a?.[f.id];
    base.push(v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as XlsxCell));
  }
  return base;
}

const LINE = '\n'; // as PostgreSQL's COPY writes it, so both databases give the same bytes

/**
 * The file as a stream; when it is destroyed before its end (the client went away), its signal
 * aborts, which stops a COPY on the server at once.
 */
function streamOf(make: (signal: AbortSignal) => AsyncGenerator<string | Buffer>): Readable {
  const ac = new AbortController();
  const r = Readable.from(make(ac.signal), { objectMode: false });
  // Not on 'close': Readable.from closes only once the generator has returned, and a generator
  // waiting for PostgreSQL's next row returns only when that row comes.
  const destroy = r._destroy.bind(r);
  r._destroy = (err, cb) => {
    ac.abort();
    destroy(err, cb);
  };
  return r;
}

export function submissionsCsv(db: Db, actor: Actor, plan: ExportPlan): Readable {
  async function* lines(signal: AbortSignal) {
    yield '\uFEFF' + plan.header.map(csvCell).join(',') + LINE; // BOM: Excel reads UTF-8
    if (useCopy(db)) {
      yield* copyOut(db, exportCsvQuery(actor, plan.filter, plan.fields).compile(db), 'FORMAT csv', { signal });
      return;
    }
    for await (const page of pages(db, actor, plan.filter)) {
      let s = '';
      for (const r of page) s += cells(r, plan.fields).map(csvCell).join(',') + LINE;
      yield s;
    }
  }
  return streamOf(lines);
}

/** One sheet's rows as the server writes them: a `<row>` a line, neither quoted nor delimited. */
const XML_LINES = `FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02'`;
const PIECE_BYTES = 256 * 1024;

function countLines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * The plan for a run: its source and region by their keys, row after row in `seq` order, in one
 * backend. Left to itself the planner hashes all 3.6 M sources for a run of 200,000 rows and
 * sorts them (≈ 90 s for the national XLSX against 55, measured); and two runs already fill the
 * two cores, so parallel workers would only add a merge.
 */
const RUN_SETTINGS = { max_parallel_workers_per_gather: '0', enable_hashjoin: 'off', enable_mergejoin: 'off' };

/** A run of rows made by one COPY, and the sheet it goes in. */
interface Run { sheet: number; range: RowRange }

/**
 * The run after `prev` (the first when null), or null when `prev` was the last: at most
 * `chunkRows` rows, never across a sheet's end. Asked in the export's snapshot, so a bounded run
 * holds exactly `limit` rows when its COPY reads them and the next run's row numbers follow on.
 */
async function nextRun(db: Db, actor: Actor, plan: ExportPlan, snap: Snapshot, prev: Run | null): Promise<Run | null> {
  if (prev && prev.range.last === null) return null;
  const { sheetRows, chunkRows } = EXPORT_LIMITS;
  const firstRow = prev ? prev.range.firstRow + prev.range.limit : 2;
  const [sheet, first] = !prev ? [1, 2] : firstRow - 2 >= sheetRows ? [prev.sheet + 1, 2] : [prev.sheet, firstRow];
  const after = prev ? prev.range.last! : 0;
  const limit = Math.min(chunkRows, sheetRows - (first - 2));
  const ends = await snap.rows<{ seq: string }>(rangeEndQuery(actor, plan.filter, after, limit).compile(db));
  return { sheet, range: { after, last: ends.length < 2 ? null : Number(ends[0].seq), limit, firstRow: first } };
}

/** A run's row XML from the server's COPY, in pieces of about PIECE_BYTES, each with its row count. */
async function* runXml(db: Db, actor: Actor, plan: ExportPlan, run: Run, snapshot: string, signal: AbortSignal): AsyncGenerator<{ xml: Buffer; rows: number }> {
  let piece: Buffer[] = [];
  let size = 0;
  let rows = 0;
  const query = exportXlsxRowsQuery(actor, plan.filter, plan.fields, run.range).compile(db);
  for await (const chunk of copyOut(db, query, XML_LINES, { signal, snapshot, settings: RUN_SETTINGS })) {
    rows += countLines(chunk);
    piece.push(chunk);
    size += chunk.length;
    if (size < PIECE_BYTES) continue;
    yield { xml: Buffer.concat(piece, size), rows };
    piece = [];
    size = rows = 0;
  }
  if (size) yield { xml: Buffer.concat(piece, size), rows };
}

/** A run made ahead: its COPY deflated into a spool file; `done` settles (never rejects) once it is all there or failed. */
interface Ahead { run: Run; part: DeflatedPart; spool: SpoolFile; rows: number; done: Promise<void> }

async function makeAhead(db: Db, actor: Actor, plan: ExportPlan, snap: Snapshot, prev: Run, signal: AbortSignal): Promise<Ahead | null> {
  const run = await nextRun(db, actor, plan, snap, prev);
  if (!run || signal.aborted) return null;
  const spool = await SpoolFile.create(EXPORT_LIMITS.spoolDir, 'pucha-xlsx');
  const a: Ahead = { run, part: new DeflatedPart(), spool, rows: 0, done: Promise.resolve() };
  a.done = (async () => {
    try {
      for await (const { xml, rows } of runXml(db, actor, plan, run, snap.id, signal)) {
        a.rows += rows;
        await spool.write(await a.part.deflate(xml));
      }
      spool.end();
    } catch (e) {
      spool.end(e); // the reader throws it
    }
  })();
  return a;
}

/**
 * The sheets from the server's COPY. One PostgreSQL backend builds a COPY's row XML (the bound:
 * ≈ 20 µs a row), so the export runs as runs of `chunkRows` rows, and the next run is made at
 * the same time as the current one is sent, on a second connection, deflated into a spool file,
 * then copied into the ZIP: two backends, two cores. All read one snapshot, so the runs' row
 * numbers join exactly. The first run streams straight to the client; never more than two
 * COPYs or two spool files.
 */
async function* copySheets(db: Db, actor: Actor, plan: ExportPlan, w: XlsxWriter, signal: AbortSignal, count: (rows: number) => void): AsyncGenerator<Buffer> {
  const stop = new AbortController(); // also when this generator ends early for its own reasons
  const onAbort = () => stop.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const snap = await openSnapshot(db);
  let next: Promise<Ahead | null> | null = null;
  let current: Ahead | null = null;
  const ahead = (prev: Run) => {
    const p = makeAhead(db, actor, plan, snap, prev, stop.signal);
    p.catch(() => {}); // awaited below; not unhandled meanwhile
    return p;
  };
  try {
    let run = (await nextRun(db, actor, plan, snap, null))!;
    next = ahead(run);
    yield* await w.sheet('填报 1', plan.header);
    for await (const { xml, rows } of runXml(db, actor, plan, run, snap.id, stop.signal)) {
      count(rows);
      yield* await w.rowsXml(xml);
    }
    while ((current = await next)) {
      next = ahead(current.run);
      if (current.run.sheet !== run.sheet) yield* await w.sheet(`填报 ${current.run.sheet}`, plan.header);
      yield* w.rowsFrom(current.part, current.spool.read());
      count(current.rows); // all read: its COPY has ended
      run = current.run;
      await current.spool.close();
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    stop.abort(); // cancels a COPY still running ahead
    for (const a of [current, await next?.catch(() => null)]) {
      if (!a) continue;
      await a.done;
      await a.spool.close();
    }
    await snap.close();
  }
}

export function submissionsXlsx(db: Db, actor: Actor, plan: ExportPlan): Readable {
  async function* parts(signal: AbortSignal) {
    const w = new XlsxWriter();
    const sheetRows = EXPORT_LIMITS.sheetRows;
    let total = 0;
    if (useCopy(db)) {
      yield* copySheets(db, actor, plan, w, signal, (rows) => (total += rows));
    } else {
      let sheet = 1;
      let inSheet = 0;
      yield* await w.sheet('填报 1', plan.header);
      for await (const page of pages(db, actor, plan.filter)) {
        let i = 0;
        while (i < page.length) {
          if (inSheet === sheetRows) {
            yield* await w.sheet(`填报 ${++sheet}`, plan.header);
            inSheet = 0;
          }
          const take = Math.min(page.length - i, sheetRows - inSheet);
          yield* await w.rows(page.slice(i, i + take).map((r) => cells(r, plan.fields)));
          i += take;
          inSheet += take;
        }
        total += page.length;
      }
    }
    // the row count in the ZIP's comment: `pucha export` reports it without unpacking the file
    yield* await w.finish(`${XLSX_ROWS_NOTE}${total}`);
  }
  return streamOf(parts);
}
