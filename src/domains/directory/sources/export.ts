// Streamed exports of the directory (CSV and XLSX) and of the row→source links,
// in constant memory. Text a spreadsheet would run as a formula is neutralised (core/spreadsheet-safe).
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { commitSafeRow, csvCell } from '../../../core/spreadsheet-safe.ts';
import type { Db } from '../../../core/db/index.ts';
import * as q from './sources.sql.ts';

export const SOURCE_COLUMNS = [
  ['id', '编号'], ['credit_code', '统一社会信用代码'], ['name', '单位名称'], ['region_code', '行政区划代码'], ['region_name', '行政区划'],
  ['address', '地址'], ['legal_rep', '法定代表人'], ['phone', '联系电话'], ['industry_code', '行业代码'], ['category', '类别'],
  ['state', '状态'], ['departments', '来源部门'],
] as const;

async function* sourcePages(db: Db, scopePrefix: string, region: string | undefined) {
  let after = 0;
  for (;;) {
    const rows = await q.listSources(db, { scopePrefix, region, after, limit: 5_000 });
    const page = rows.slice(0, 5_000);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].id;
    if (rows.length <= 5_000) return;
  }
}

const cellOf = (r: q.SourceRow, k: (typeof SOURCE_COLUMNS)[number][0]) => (k === 'departments' ? r.departments.join(' ') : (r[k] as unknown));

export function sourcesCsv(db: Db, scopePrefix: string, region?: string): Readable {
  async function* lines() {
    yield '\uFEFF' + SOURCE_COLUMNS.map(([k, zh]) => csvCell(`${zh} ${k}`)).join(',') + '\r\n'; // BOM: Excel reads UTF-8
    for await (const page of sourcePages(db, scopePrefix, region)) {
      yield page.map((r) => SOURCE_COLUMNS.map(([k]) => csvCell(cellOf(r, k))).join(',')).join('\r\n') + '\r\n';
    }
  }
  return Readable.from(lines());
}

export function sourcesXlsx(db: Db, scopePrefix: string, region?: string): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('名录 directory');
  (async () => {
    commitSafeRow(ws, SOURCE_COLUMNS.map(([k, zh]) => `${zh} ${k}`));
    for await (const page of sourcePages(db, scopePrefix, region)) {
      for (const r of page) commitSafeRow(ws, SOURCE_COLUMNS.map(([k]) => cellOf(r, k) as string | number | null));
    }
    ws.commit();
    await wb.commit();
  })().catch((e) => out.destroy(e));
  return out;
}

/** register_id,register_file,row_number,source_id — one line per imported register row. */
export function linksCsv(db: Db, scopePrefix: string): Readable {
  async function* lines() {
    yield 'register_id,register_file,row_number,source_id\n';
    for await (const rows of q.linkRowsForExport(db, scopePrefix)) {
      yield rows.map((r) => `${r.register_id},${csvCell(r.file_name)},${r.row_number},${r.source_id ?? ''}`).join('\n') + '\n';
    }
  }
  return Readable.from(lines());
}

