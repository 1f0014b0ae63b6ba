// The rows a register import kept aside, as an XLSX written while it streams
// out (exceljs's streaming writer): row, column, code, message zh/en, value.
import { PassThrough, type Readable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { commitSafeRow } from '../../../core/spreadsheet-safe.ts';

export interface ErrorLine {
  rowNumber: number;
  column: string | null;
  code: string;
  message: { zh: string; en: string };
  value: string | null;
}

const HEADER = ['行号 row', '列 column', '代码 code', '说明', 'message', '原值 value'];

/** Starts writing at once and returns the stream; `lines` is read as the client takes the bytes. */
export function errorsWorkbook(lines: AsyncIterable<ErrorLine>, onError: (e: unknown) => void): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('错误 errors');
  ws.columns = [{ width: 8 }, { width: 24 }, { width: 30 }, { width: 50 }, { width: 50 }, { width: 30 }];
  void (async () => {
    commitSafeRow(ws, HEADER);
    let n = 0;
    for await (const l of lines) {
      // A register's cells are the department's text: formula-like ones are written as text.
      commitSafeRow(ws, [l.rowNumber, l.column ?? '', l.code, l.message.zh, l.message.en, l.value ?? '']);
      // Let the client catch up now and then, so a large file is never held in memory.
      if (++n % 1000 === 0 && out.writableNeedDrain) await once(out, 'drain');
    }
    ws.commit();
    await wb.commit();
  })().catch((e) => {
    onError(e);
    out.destroy(e as Error);
  });
  return out;
}
