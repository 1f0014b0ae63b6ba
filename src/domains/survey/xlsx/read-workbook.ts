// Reads an uploaded template back into answers, with our own streaming reader. The `_pucha`
// sheet must name a defined form and carry the checksum of the structure it was made with; the
// field ids and columns must be where the template put them. Cells that cannot be read as their
// field's type are collected with their address; the caller refuses the whole file if any are.
import { AppError, isAppError } from '../../../core/errors.ts';
import type { Text } from '../forms/types.ts';
import { openWorkbook, type NumberedRow, type XlsxWorkbook } from '../../directory/index.ts';
import { getForm } from '../submissions/forms.ts';
import { fromCell } from './cells.ts';
import { CellMap, GROUP_FIRST_ROW, MAIN_SHEET, MAIN_VALUE_COL, META_FORMAT, META_SHEET, address, checksumOf, layoutOf, type GroupSheet, type Layout, type Meta } from './layout.ts';

export interface CellProblem {
  cell: string;
  path?: string;
  message: Text;
}

export interface ReadWorkbook {
  meta: Meta;
  layout: Layout;
  answers: Record<string, unknown>;
  cells: CellMap;
  problems: CellProblem[];
}

/** A form's workbook is small; a part unpacking past this is refused (a ZIP bomb would exhaust memory). */
const INFLATED_LIMIT = 50 * 1024 * 1024;

const tampered = (zh: string, en: string, cell?: string) => new AppError('SURVEY_XLSX_TAMPERED', { whyZh: zh, whyEn: en }, cell ? { cells: [{ cell, message: { zh, en } }] } : undefined);

async function rowsOf(wb: XlsxWorkbook, name: string, limit: number): Promise<NumberedRow[]> {
  const sheet = wb.readSheet(name);
  if (!sheet) throw tampered(`缺少工作表“${name}”`, `the sheet "${name}" is missing`);
  const out: NumberedRow[] = [];
  try {
    for await (const row of sheet.rows) {
      if (row.cells.every((c) => c.trim() === '')) continue;
      out.push(row);
      if (out.length > limit) break; // the caller reports the row past the limit
    }
  } finally {
    sheet.close();
  }
  return out;
}

async function readMeta(wb: XlsxWorkbook): Promise<{ meta: Meta; layout: Layout }> {
  if (!wb.sheets.includes(META_SHEET)) throw tampered(`缺少隐藏工作表 ${META_SHEET}`, `the hidden sheet ${META_SHEET} is missing`);
  const kv = new Map((await rowsOf(wb, META_SHEET, 20)).map((r) => [r.cells[0]?.trim(), (r.cells[1] ?? '').trim()]));
  if (kv.get('format') !== META_FORMAT) throw tampered(`${META_SHEET} 工作表的格式标记不对`, `the ${META_SHEET} sheet has no valid format mark`);
  const num = (k: string) => (/^\d{1,15}$/.test(kv.get(k) ?? '') ? Number(kv.get(k)) : null);
  const version = num('version');
  let form;
  try {
    form = getForm(kv.get('form') ?? '', version ?? 0);
  } catch (e) {
    if (isAppError(e)) throw tampered(`报表 ${String(kv.get('form')).slice(0, 20)} 第 ${version ?? '?'} 版不存在`, `there is no form ${String(kv.get('form')).slice(0, 20)} version ${version ?? '?'}`);
    throw e;
  }
  const meta: Meta = { form: form.code, version: form.version, sourceId: num('sourceId'), submissionId: kv.get('submissionId') || null, rev: num('rev') };
  const layout = layoutOf(form);
  if (kv.get('checksum') !== checksumOf(layout, meta)) throw tampered(`${META_SHEET} 工作表的校验值不符，内容被改动过`, `the checksum of the ${META_SHEET} sheet does not match: it was edited`);
  return { meta, layout };
}

function readMain(layout: Layout, rows: NumberedRow[], answers: Record<string, unknown>, cells: CellMap, problems: CellProblem[]) {
  const byRow = new Map(rows.map((r) => [r.r, r.cells]));
  layout.main.forEach((f, i) => {
    const r = i + 2;
    const at = (col: number) => address(MAIN_SHEET, col, r);
    if ((byRow.get(r)?.[0] ?? '').trim() !== f.id) throw tampered(`${at(1)} 应为字段 ${f.id}`, `${at(1)} should hold the field id ${f.id}`, at(1));
    cells.set(f.id, at(MAIN_VALUE_COL));
    const v = fromCell(f, byRow.get(r)?.[MAIN_VALUE_COL - 1] ?? '');
    if (v?.ok) answers[f.id] = v.value;
    else if (v) problems.push({ cell: at(MAIN_VALUE_COL), path: f.id, message: v.message });
  });
  const extra = rows.find((r) => r.r > layout.main.length + 1 && (r.cells[0] ?? '').trim() !== '');
  if (extra) throw tampered(`${address(MAIN_SHEET, 1, extra.r)} 多出了字段`, `${address(MAIN_SHEET, 1, extra.r)} holds a field the form does not have`, address(MAIN_SHEET, 1, extra.r));
}

interface ReadRow {
  path: string;
  row: Record<string, unknown>;
}

function readGroup(g: GroupSheet, rows: NumberedRow[], parents: ReadRow[] | null, answers: Record<string, unknown>, cells: CellMap, problems: CellProblem[]): ReadRow[] {
  const head = rows.find((r) => r.r === 1)?.cells ?? [];
  g.columns.forEach((id, i) => {
    if ((head[i] ?? '').trim() !== id) throw tampered(`${address(g.name, i + 1, 1)} 应为字段 ${id}`, `${address(g.name, i + 1, 1)} should hold the field id ${id}`, address(g.name, i + 1, 1));
  });
  cells.set(g.path.join('.'), address(g.name, 1, 2)); // refined below for a nested group's own rows
  const out: ReadRow[] = [];
  const counts = new Map<string, number>();
  for (const line of rows.filter((r) => r.r >= GROUP_FIRST_ROW)) {
    let base = '';
    let target = answers;
    if (parents) {
      const n = line.cells[0]?.trim() ?? '';
      const parent = /^\d{1,6}$/.test(n) ? parents[Number(n) - 1] : undefined;
      if (!parent) {
        problems.push({ cell: address(g.name, 1, line.r), message: { zh: `没有第 ${n.slice(0, 10)} 行「${g.parent!.group.label.zh}」`, en: `there is no row ${n.slice(0, 10)} of "${g.parent!.group.label.en}"` } });
        continue;
      }
      base = `${parent.path}.`;
      target = parent.row;
    }
    const listPath = `${base}${g.group.id}`;
    const index = counts.get(listPath) ?? 0;
    if (index >= g.group.maxRows) {
      problems.push({ cell: address(g.name, 1, line.r), message: { zh: `「${g.group.label.zh}」最多 ${g.group.maxRows} 行`, en: `"${g.group.label.en}" takes at most ${g.group.maxRows} rows` } });
      break;
    }
    counts.set(listPath, index + 1);
    const path = `${listPath}[${index}]`;
    const row: Record<string, unknown> = {};
    cells.set(listPath, address(g.name, 1, 2));
    cells.set(path, address(g.name, parents ? 2 : 1, line.r));
    g.columns.forEach((id, i) => {
      const f = g.fields.find((x) => x.id === id);
      if (!f) return;
      const at = address(g.name, i + 1, line.r);
      cells.set(`${path}.${id}`, at);
      const v = fromCell(f, line.cells[i] ?? '');
      if (v?.ok) row[id] = v.value;
      else if (v) problems.push({ cell: at, path: `${path}.${id}`, message: v.message });
    });
    const list = (target[g.group.id] ??= []) as unknown[];
    list.push(row);
    out.push({ path, row });
  }
  return out;
}

/** Reads a workbook file; throws SURVEY_XLSX_TAMPERED for a foreign, altered or unreadable one. */
export async function readTemplate(file: string): Promise<ReadWorkbook> {
  try {
    return await readAll(await openWorkbook(file, { maxInflated: INFLATED_LIMIT }));
  } catch (e) {
    if (isAppError(e) && e.code === 'REGISTER_NOT_SPREADSHEET') throw tampered('不是可读的 Excel 工作簿', `not a readable Excel workbook: ${String(e.params.detail ?? '')}`);
    throw e;
  }
}

async function readAll(wb: XlsxWorkbook): Promise<ReadWorkbook> {
  const { meta, layout } = await readMeta(wb);
  const answers: Record<string, unknown> = {};
  const cells = new CellMap();
  const problems: CellProblem[] = [];
  readMain(layout, await rowsOf(wb, MAIN_SHEET, layout.main.length + 100), answers, cells, problems);
  const readRows = new Map<GroupSheet, ReadRow[]>();
  for (const g of layout.groups) {
    const parents = g.parent ? readRows.get(g.parent)! : null;
    const limit = g.group.maxRows * (parents ? Math.max(parents.length, 1) : 1) + 2;
    readRows.set(g, readGroup(g, await rowsOf(wb, g.name, limit), parents, answers, cells, problems));
  }
  return { meta, layout, answers, cells, problems };
}
