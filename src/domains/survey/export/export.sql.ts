// SQL of the submissions export: one page in `seq` order after a cursor (keyset, never OFFSET),
// in the list's scope. Text comes as text (answers as their JSON, times as ISO text), so a page
// of thousands of rows costs no Date or JSON parsing on the way out. On the PostgreSQL server the
// export runs instead as `COPY (…) TO STDOUT` (core/db/copy-out): the server writes every byte
// of each row, so Node reads none of them. Those statements give exactly what the page-by-page
// writer in export.ts gives (export.test.ts runs both databases): the same columns,
// formula-like text neutralised (core/spreadsheet-safe), empty text empty. Values read several
// times are computed once in an inner query that `OFFSET 0` keeps the planner from folding in.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../core/db/index.ts';
import { columnName } from '../../../core/xlsx-stream.ts';
import type { Actor } from '../../access/index.ts';
import type { Field } from '../forms/types.ts';
import { scopeWhere } from '../submissions/submissions.sql.ts';

export interface ExportFilter { form?: string; region?: string; status?: string }

export interface ExportRow {
  seq: number; id: string; form: string; source_id: number; credit_code: string | null; source_name: string; region_code: string;
  region_name: string | null; status: string; version: number; submitted_at: string | null; updated_at: string; answers: string;
}

const iso = (c: RawBuilder<unknown>) => sql`to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function exportWhere(actor: Actor, f: ExportFilter, after?: number, last?: number): RawBuilder<unknown>[] {
  const w = [scopeWhere(actor)];
  if (after !== undefined) w.push(sql`s.seq > ${after}`);
  if (last !== undefined) w.push(sql`s.seq <= ${last}`);
  if (f.form) w.push(sql`s.form = ${f.form}`);
  if (f.status) w.push(sql`s.status = ${f.status}`);
  if (f.region) w.push(sql`s.region_code LIKE ${`${f.region}%`}`);
  return w;
}

export async function exportPage(db: Db, actor: Actor, f: ExportFilter, after: number, limit: number): Promise<ExportRow[]> {
  const where = exportWhere(actor, f, after);
  // The page first, then its sources and region names (joining before the LIMIT would make the
  // planner hash every region for each page).
  const r = await sql<ExportRow>`
    SELECT p.seq, p.id, p.form, p.source_id, src.credit_code, src.name AS source_name, p.region_code,
      (SELECT r.name FROM regions r WHERE r.code = p.region_code) AS region_name, p.status, p.version,
      ${iso(sql`p.submitted_at`)} AS submitted_at, ${iso(sql`p.updated_at`)} AS updated_at, p.answers::text AS answers
    FROM (SELECT s.seq, s.id, s.form, s.source_id, s.province_code, s.region_code, s.status, s.version, s.submitted_at, s.updated_at, s.answers
          FROM submissions s WHERE ${sql.join(where, sql` AND `)} ORDER BY s.seq LIMIT ${limit}) p
    JOIN sources src ON src.id = p.source_id AND src.province_code = p.province_code
    ORDER BY p.seq`.execute(db);
  return r.rows;
}

// ── the server's COPY statements ──

/** A cell's first characters that make a spreadsheet take it for a formula (spreadsheet-safe's FORMULA_LIKE). */
const FORMULA_FIRST = '=+-@\t\r＝＋－＠';
/** What XML 1.0 cannot carry (xlsx-stream's INVALID; PostgreSQL text holds no NUL or lone surrogates). */
const XML_INVALID = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).filter((c) => !'\t\n\r'.includes(c)).join('') + '\uFFFE\uFFFF';
const SPACES = ' \t\n\r';
const MAX_CELL = 32_767;

/** The inner query: one row per submission with every value the cells need, each computed once. */
function inner(actor: Actor, f: ExportFilter, fields: Field[] | null, o: { after?: number; last?: number; limit?: number; firstRow?: number }) {
  const answers = fields
    ? fields.map((fd, i) => sql`left(s.answers ->> ${fd.id}, ${MAX_CELL}) AS ${sql.ref(`v${i}`)}, jsonb_typeof(s.answers -> ${fd.id}) AS ${sql.ref(`t${i}`)}`)
    : [sql`left(s.answers::text, ${MAX_CELL}) AS v0, 'string' AS t0`];
  return sql`SELECT s.seq, s.id::text AS id, s.form, s.source_id, s.region_code, s.status, s.version,
      left(src.credit_code, ${MAX_CELL}) AS credit_code, left(src.name, ${MAX_CELL}) AS source_name, left(r.name, ${MAX_CELL}) AS region_name,
      ${iso(sql`s.submitted_at`)} AS submitted_at, ${iso(sql`s.updated_at`)} AS updated_at,
      ${sql.join(answers)}
      ${o.firstRow !== undefined ? sql`, (row_number() OVER (ORDER BY s.seq) + ${o.firstRow - 1})::text AS rn` : sql``}
    FROM submissions s
    JOIN sources src ON src.id = s.source_id AND src.province_code = s.province_code
    LEFT JOIN regions r ON r.code = s.region_code
    WHERE ${sql.join(exportWhere(actor, f, o.after, o.last), sql` AND `)}
    ORDER BY s.seq
    ${o.limit !== undefined ? sql`LIMIT ${o.limit}` : sql`OFFSET 0`}`;
}

/** CSV's text: NULL for empty (COPY writes it unquoted), an apostrophe before formula-like text. */
const csvText = (v: RawBuilder<unknown>) =>
  sql`CASE WHEN ${v} = '' THEN NULL WHEN strpos(${FORMULA_FIRST}, left(${v}, 1)) > 0 THEN '''' || ${v} ELSE ${v} END`;

/** The rows for `COPY … WITH (FORMAT csv)`, in the columns of planExport's header. */
export function exportCsvQuery(actor: Actor, f: ExportFilter, fields: Field[] | null): RawBuilder<unknown> {
  const p = (c: string) => sql.ref(`p.${c}`);
  const cols = [p('id'), p('form'), p('source_id'), csvText(p('credit_code')), csvText(p('source_name')), p('region_code'),
    csvText(p('region_name')), p('status'), p('version'), p('submitted_at'), p('updated_at')];
  const n = fields ? fields.length : 1;
  for (let i = 0; i < n; i++) {
    const v = p(`v${i}`);
    cols.push(sql`CASE WHEN ${p(`t${i}`)} = 'string' THEN ${csvText(v)} WHEN ${p(`t${i}`)} = 'null' THEN NULL ELSE ${v} END`);
  }
  return sql`SELECT ${sql.join(cols)} FROM (${inner(actor, f, fields, {})}) p ORDER BY p.seq`;
}

/**
 * XML text: invalid characters dropped, markup escaped, line breaks as references (one row, one
 * line). Most text needs none of it, and one regex finding so costs 1 µs on a form's JSON where
 * the replacements cost 5 and translate() 60: the work is done only on text the regex picks.
 */
const xmlText = (v: RawBuilder<unknown>) =>
  sql`CASE WHEN ${v} !~ ${`[&<>\r\n${XML_INVALID}]`} THEN ${v} ELSE
    replace(replace(replace(replace(replace(CASE WHEN ${v} ~ ${`[${XML_INVALID}]`} THEN translate(${v}, ${XML_INVALID}, '') ELSE ${v} END,
    '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), E'\n', '&#10;'), E'\r', '&#13;') END`;

// Cells and rows are built with concat(), which writes its pieces once into one string: a chain
// of || copies the growing row again at every piece (half the statement's time at 12 cells).
function textCell(v: RawBuilder<unknown>, col: string): RawBuilder<unknown> {
  return sql`CASE WHEN ${v} IS NULL OR ${v} = '' THEN '' ELSE concat(${`<c r="${col}`}, p.rn, '" t="inlineStr"',
    CASE WHEN strpos(${FORMULA_FIRST}, left(${v}, 1)) > 0 THEN ' s="1"' END, '><is><t',
    CASE WHEN strpos(${SPACES}, left(${v}, 1)) > 0 OR strpos(${SPACES}, right(${v}, 1)) > 0 THEN ' xml:space="preserve"' END,
    '>', ${xmlText(v)}, '</t></is></c>') END`;
}
/** Text the database makes itself (ids, codes, states, times): never empty-edged, formula-like or markup. */
const plainCell = (v: RawBuilder<unknown>, col: string) =>
  sql`CASE WHEN ${v} IS NULL THEN '' ELSE concat(${`<c r="${col}`}, p.rn, '" t="inlineStr"><is><t>', ${v}, '</t></is></c>') END`;
const numberCell = (v: RawBuilder<unknown>, col: string) => sql`concat(${`<c r="${col}`}, p.rn, '"><v>', ${v}, '</v></c>')`;

/** concat() of any number of pieces: PostgreSQL's functions take at most 100 arguments. */
function concatAll(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  if (parts.length <= 90) return sql`concat(${sql.join(parts)})`;
  const groups: RawBuilder<unknown>[] = [];
  for (let i = 0; i < parts.length; i += 90) groups.push(concatAll(parts.slice(i, i + 90)));
  return concatAll(groups);
}

/**
 * A run of a sheet's rows: `seq` in (after, last], or the first `limit` after `after` when it is
 * the export's last; numbered from `firstRow` (2 under the header).
 */
export interface RowRange { after: number; last: number | null; limit: number; firstRow: number }

/**
 * Rows of a sheet for `COPY … WITH (FORMAT csv, …)` with quote and delimiter characters that the
 * XML never holds: each line is one `<row>` exactly as xlsx-stream writes it.
 */
export function exportXlsxRowsQuery(actor: Actor, f: ExportFilter, fields: Field[] | null, range: RowRange): RawBuilder<unknown> {
  const p = (c: string) => sql.ref(`p.${c}`);
  const c = (i: number) => columnName(i);
  const cells = [plainCell(p('id'), c(0)), plainCell(p('form'), c(1)), numberCell(p('source_id'), c(2)), textCell(p('credit_code'), c(3)),
    textCell(p('source_name'), c(4)), plainCell(p('region_code'), c(5)), textCell(p('region_name'), c(6)), plainCell(p('status'), c(7)),
    numberCell(p('version'), c(8)), plainCell(p('submitted_at'), c(9)), plainCell(p('updated_at'), c(10))];
  const n = fields ? fields.length : 1;
  for (let i = 0; i < n; i++) {
    const v = p(`v${i}`), t = p(`t${i}`), col = c(11 + i);
    cells.push(sql`CASE ${t} WHEN 'number' THEN ${numberCell(v, col)}
      WHEN 'boolean' THEN concat(${`<c r="${col}`}, p.rn, '" t="b"><v>', CASE WHEN ${v} = 'true' THEN '1' ELSE '0' END, '</v></c>')
      WHEN 'null' THEN '' ELSE ${textCell(v, col)} END`);
  }
  const bounds = range.last === null ? { after: range.after, limit: range.limit } : { after: range.after, last: range.last };
  return sql`SELECT ${concatAll([sql`'<row r="'`, sql`p.rn`, sql`'">'`, ...cells, sql`'</row>'`])}
    FROM (${inner(actor, f, fields, { ...bounds, firstRow: range.firstRow })}) p ORDER BY p.seq`;
}

/**
 * The `seq` of the last of `rows` rows after `after`, and of the row after it: fewer than two
 * rows answered means no row follows those.
 */
export function rangeEndQuery(actor: Actor, f: ExportFilter, after: number, rows: number): RawBuilder<{ seq: number }> {
  return sql<{ seq: number }>`SELECT s.seq FROM submissions s WHERE ${sql.join(exportWhere(actor, f, after), sql` AND `)}
    ORDER BY s.seq OFFSET ${rows - 1} LIMIT 2`;
}
