// Exported text is people's text (a source's name, a register's cell, a survey answer), and a
// spreadsheet runs a cell that starts with = + - @ as a formula: `=HYPERLINK(…)` leaks data on a
// click, `=cmd|' /C calc'!A0` (DDE) starts a program. A TAB or CR in front is skipped by Excel
// before it looks, and Chinese input methods turn a full-width ＝＋－＠ typed first into a formula.
// So every export writes such text harmlessly, in the one way each format allows:
// - CSV has no types: the text gets an apostrophe in front (OWASP's advice; Excel hides it).
// - XLSX: the text stays exactly itself in a string cell (never a formula) formatted as text
//   ('@'), so editing the cell in Excel keeps it text too. Numbers stay numbers in both.
import type ExcelJS from 'exceljs';

const FORMULA_LIKE = /^[=+\-@\t\r＝＋－＠]/;

/** Would a spreadsheet take this text for a formula? */
export const isFormulaLike = (s: string): boolean => FORMULA_LIKE.test(s);

/** The text as a CSV should carry it (before quoting): an apostrophe before a formula-like one. */
export function neutralise(s: string): string {
  return isFormulaLike(s) ? `'${s}` : s;
}

/** One CSV field: null → empty, numbers as numbers, text neutralised, then quoted if needed. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  const s = neutralise(v instanceof Date ? v.toISOString() : String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: readonly unknown[]): string => values.map(csvCell).join(',');

/** Marks one cell as text when its value is formula-like text (its other style is kept). */
export function guardCell(cell: ExcelJS.Cell): void {
  if (typeof cell.value === 'string' && isFormulaLike(cell.value)) cell.numFmt = '@';
}

/** Marks every formula-like text cell of a row as text; returns the row for chaining. */
export function guardRow(row: ExcelJS.Row): ExcelJS.Row {
  row.eachCell((c) => guardCell(c));
  return row;
}

/** `ws.addRow(values)` with formula-like text written as text. */
export function addSafeRow(ws: ExcelJS.Worksheet, values: unknown[]): ExcelJS.Row {
  return guardRow(ws.addRow(values));
}

// Shared, frozen style objects for streamed sheets: exceljs caches a style's id by the object, so
// sharing keeps a multi-million-row export as fast as one without styles; frozen, nobody can
// change every cell's style at once by setting a font on one.
const TEXT_STYLE = Object.freeze({ numFmt: '@' }) as Partial<ExcelJS.Style>;
const PLAIN_STYLE = Object.freeze({}) as Partial<ExcelJS.Style>;

/**
 * A row of a streamed sheet (WorkbookWriter with `useStyles: true`), committed at once. Values
 * are text, numbers or null only (a date would need its own style).
 */
export function commitSafeRow(ws: ExcelJS.Worksheet, values: Array<string | number | null>): void {
  const row = ws.addRow(values);
  row.eachCell((c) => { c.style = typeof c.value === 'string' && isFormulaLike(c.value) ? TEXT_STYLE : PLAIN_STYLE; });
  row.commit();
}
