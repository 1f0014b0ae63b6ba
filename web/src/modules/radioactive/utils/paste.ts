// Monitoring bodies hand over their points as spreadsheets: a block copied from Excel or WPS (tab
// between cells, a line per row) pasted into a cell fills the table from there, adding rows as needed.
import { NUCLIDES, type Nuclide, type PointKind } from '../../../../../src/domains/radioactive/rules/screening.ts';
import { emptyRow, type PointColumn, type PointRow } from './points.ts';

/** The table's columns left to right, as a pasted block runs across them. */
export const COLUMNS: readonly PointColumn[] = ['label', 'kind', 'lat', 'lng', 'dose', ...NUCLIDES];

const KIND_WORDS: Array<[RegExp, PointKind]> = [
  [/^(ore|原矿|矿石)$/i, 'ore'],
  [/^(raw|raw material|原料|原辅料)$/i, 'raw'],
  [/^(waste|废渣|尾矿|尾渣|废石|固废)$/i, 'waste'],
];

export function kindOf(text: string): PointKind | null {
  const s = text.trim();
  return KIND_WORDS.find(([re]) => re.test(s))?.[1] ?? null;
}

/** Whether pasted text is a block (more than one cell) rather than a value for one cell. */
export const isBlock = (text: string) => /[\t\n]/.test(text.replace(/\r?\n$/, ''));

/** The rows with the block written in from (row, column); an unknown kind keeps the row's kind. */
export function pasteBlock(rows: PointRow[], text: string, row: number, column: PointColumn): PointRow[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const start = COLUMNS.indexOf(column);
  const out = rows.map((r) => ({ ...r, nuclides: { ...r.nuclides } }));
  lines.forEach((line, i) => {
    const at = row + i;
    while (out.length <= at) out.push(emptyRow(out[out.length - 1]?.kind ?? 'ore'));
    const target = out[at];
    line.split('\t').forEach((cell, j) => {
      const col = COLUMNS[start + j];
      if (!col) return;
      const v = cell.trim();
      if (col === 'kind') target.kind = kindOf(v) ?? target.kind;
      else if (col === 'label' || col === 'lat' || col === 'lng' || col === 'dose') target[col] = v;
      else target.nuclides[col as Nuclide] = v;
    });
  });
  return out;
}
