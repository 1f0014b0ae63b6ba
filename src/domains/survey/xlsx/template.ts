// The XLSX template of one form, blank or filled with a stored submission's answers (layout.ts
// says where everything goes). Bounded in memory: a form has a fixed set of fields and each
// repeat group its maxRows.
import ExcelJS from 'exceljs';
import { guardCell } from '../../../core/spreadsheet-safe.ts';
import { UNITS } from '../forms/code-tables/index.ts';
import type { FormDefinition } from '../forms/types.ts';
import { LISTED, codeChoice, toCell } from './cells.ts';
import { GROUP_FIRST_ROW, LISTS_SHEET, MAIN_SHEET, MAIN_VALUE_COL, META_FORMAT, META_SHEET, checksumOf, colName, layoutOf, type GroupSheet, type Meta, type Plain } from './layout.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
/** Cells given a drop-down or a note below the last row, so a blank template can be filled. */
const MAX_VALIDATED_ROWS = 1000;

function unitOf(f: Plain, siblings: Plain[]): string {
  if (f.type !== 'integer' && f.type !== 'decimal') return '';
  if (f.unit) return UNITS.find((u) => u.code === f.unit)?.zh ?? f.unit;
  const u = f.unitField && siblings.find((s) => s.id === f.unitField);
  return u ? `见「${u.label.zh}」` : '';
}

function hintOf(f: Plain): string | undefined {
  if (f.type === 'code' && !LISTED.has(f.table)) {
    return f.table === 'industry' ? '填写国民经济行业代码（GB/T 4754-2017，4 位）' : f.table === 'region' ? '填写行政区划代码（6 位或 12 位）' : '填写代码';
  }
  if (f.type === 'code' && f.multiple) return '可填多个代码，以逗号分隔';
  if (f.type === 'period') return '起始日期 ~ 结束日期，如 2017-01-01 ~ 2017-12-31';
  if (f.type === 'coordinates') return '纬度, 经度（十进制度，WGS-84）';
  if (f.type === 'file') return '文件请在系统中上传；此处仅列出已上传的文件';
  if (f.calculate) return '自动计算，无需填写';
  return undefined;
}

/** Puts a drop-down or a note on one value cell. */
function decorate(cell: ExcelJS.Cell, f: Plain, lists: Map<string, string>) {
  if (f.type === 'code' && !f.multiple && lists.has(f.table)) {
    cell.dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [lists.get(f.table)!] };
  } else if (f.type === 'boolean') {
    cell.dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, formulae: ['"是,否"'] };
  } else if (f.type === 'date') {
    cell.numFmt = 'yyyy-mm-dd';
  }
}

/** The code tables the form's drop-downs use, each with its range on the hidden lists sheet. */
function listRefs(form: FormDefinition): Map<string, string> {
  const used = new Set<string>();
  const walk = (fs: FormDefinition['fields']) => fs.forEach((f) => (f.type === 'group' ? walk(f.fields) : f.type === 'code' && LISTED.has(f.table) && used.add(f.table)));
  walk(form.fields);
  const col = (i: number) => colName(i + 1);
  return new Map([...used].map((table, i) => [table, `'${LISTS_SHEET}'!$${col(i)}$2:$${col(i)}$${LISTED.get(table)!.length + 1}`]));
}

function listsSheet(wb: ExcelJS.Workbook, refs: Map<string, string>) {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  [...refs.keys()].forEach((table, i) => {
    ws.getCell(1, i + 1).value = table;
    LISTED.get(table)!.forEach((e, r) => (ws.getCell(r + 2, i + 1).value = codeChoice(e)));
  });
}

type Row = Record<string, unknown>;

function groupSheet(wb: ExcelJS.Workbook, g: GroupSheet, rows: { parent: number | null; row: Row }[], lists: Map<string, string>) {
  const ws = wb.addWorksheet(g.name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getRow(1).values = g.columns;
  ws.getRow(1).hidden = true;
  const labels = ws.getRow(2);
  g.columns.forEach((id, i) => {
    const f = g.fields.find((x) => x.id === id);
    const unit = f ? unitOf(f, g.fields) : '';
    labels.getCell(i + 1).value = f ? `${f.label.zh}${unit ? `（${unit}）` : ''}\n${f.label.en}` : `所属「${g.parent!.group.label.zh}」行号\nRow of ${g.parent!.group.label.en}`;
    labels.getCell(i + 1).fill = HEADER_FILL;
    labels.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    const hint = f && hintOf(f);
    const note = [hint, i === 0 ? `最多 ${g.group.maxRows} 行${g.group.minRows ? `，至少 ${g.group.minRows} 行` : ''} / at most ${g.group.maxRows} rows` : ''].filter(Boolean).join('\n');
    if (note) labels.getCell(i + 1).note = note;
    ws.getColumn(i + 1).width = 18;
  });
  labels.height = 32;
  rows.forEach(({ parent, row }, r) => {
    const line = ws.getRow(GROUP_FIRST_ROW + r);
    g.columns.forEach((id, i) => {
      const f = g.fields.find((x) => x.id === id);
      line.getCell(i + 1).value = f ? toCell(f, row[id]) : parent;
      guardCell(line.getCell(i + 1));
    });
  });
  const last = GROUP_FIRST_ROW + Math.min(Math.max(g.group.maxRows, rows.length), MAX_VALIDATED_ROWS) - 1;
  g.columns.forEach((id, i) => {
    const f = g.fields.find((x) => x.id === id);
    if (f) for (let r = GROUP_FIRST_ROW; r <= last; r++) decorate(ws.getCell(r, i + 1), f, lists);
  });
}

/** Rows of every group sheet, in sheet order, with the 1-based number of their parent row. */
function groupRows(sheets: GroupSheet[], answers: Row): Map<GroupSheet, { parent: number | null; row: Row }[]> {
  const out = new Map<GroupSheet, { parent: number | null; row: Row }[]>();
  for (const g of sheets) {
    const parents = g.parent ? out.get(g.parent)!.map((p) => p.row) : [answers];
    const mine: { parent: number | null; row: Row }[] = [];
    parents.forEach((p, i) => {
      const list = p[g.group.id];
      if (Array.isArray(list)) for (const row of list) mine.push({ parent: g.parent ? i + 1 : null, row: row && typeof row === 'object' ? (row as Row) : {} });
    });
    out.set(g, mine);
  }
  return out;
}

export async function templateWorkbook(form: FormDefinition, meta: Meta, answers: Row): Promise<Buffer> {
  const layout = layoutOf(form);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pucha';
  const main = wb.addWorksheet(MAIN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = listRefs(form);
  main.columns = [
    { header: '字段', key: 'id', width: 12, hidden: true },
    { header: '名称', key: 'zh', width: 36 },
    { header: 'Name', key: 'en', width: 36 },
    { header: '单位', key: 'unit', width: 12 },
    { header: `填报值（${form.code} ${form.title.zh}）`, key: 'value', width: 36 },
  ];
  main.getRow(1).eachCell((c) => (c.fill = HEADER_FILL));
  layout.main.forEach((f, i) => {
    const row = main.getRow(i + 2);
    row.values = [f.id, `${f.label.zh}${f.required === true ? ' *' : ''}`, f.label.en, unitOf(f, layout.main), toCell(f, answers[f.id]) as ExcelJS.CellValue];
    const cell = row.getCell(MAIN_VALUE_COL);
    decorate(cell, f, lists);
    // Answers are people's text: formula-like ones stay text, and read back unchanged on upload.
    guardCell(cell);
    const hint = hintOf(f);
    if (hint) cell.note = hint;
  });
  const rows = groupRows(layout.groups, answers);
  for (const g of layout.groups) groupSheet(wb, g, rows.get(g)!, lists);
  listsSheet(wb, lists);
  const metaSheet = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const values: [string, string | number | null][] = [
    ['format', META_FORMAT], ['form', meta.form], ['version', meta.version], ['sourceId', meta.sourceId],
    ['submissionId', meta.submissionId], ['rev', meta.rev], ['checksum', checksumOf(layout, meta)],
  ];
  values.forEach(([k, v], i) => (metaSheet.getRow(i + 1).values = [k, v === null ? '' : String(v)]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
