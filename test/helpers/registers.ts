// Register files for the import tests (CSV in any encoding, XLSX), and the
// calls that upload them and wait for their job.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/core/db/index.ts';
import type { Session } from './app.ts';
import { upload, XLSX_MIME } from './multipart.ts';

export const HEADER = ['统一社会信用代码', '单位名称', '注册地址', '法定代表人', '行业代码', '联系电话', '行政区划代码', '备注'];

/** Valid credit codes of firms registered in 乐清市 (330382). */
export const CODES = ['91330382MA2AB3C47E', '91330382MA2CD5E64M', '91330382145678904X', '91330382MA28F7G86W', '91330382MA2H9J0K03'];

export function csv(rows: string[][], o: { encoding?: string; bom?: boolean; delimiter?: string } = {}): Buffer {
  const d = o.delimiter ?? ',';
  const quote = (c: string) => (/[",\n\r;\t|]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const text = rows.map((r) => r.map(quote).join(d)).join('\r\n') + '\r\n';
  const enc = o.encoding ?? 'utf-8';
  return iconv.encode(text, enc, { addBOM: !!o.bom });
}

export async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名录');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface RegisterFields {
  department?: string;
  regionCode?: string;
  mapping?: string;
  mappingName?: string;
  saveMappingAs?: string;
}

export function sendRegister(app: FastifyInstance, s: Session, file: Buffer, fileName: string, fields: RegisterFields = {}, url = '/api/v1/registers') {
  const f = { department: 'samr', regionCode: '330382', ...fields };
  const parts = Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .map(([name, content]) => ({ name, content: content as string }));
  const contentType = fileName.endsWith('.xlsx') ? XLSX_MIME : 'text/csv';
  return upload(app, s, url, [...parts, { name: 'file', filename: fileName, contentType, content: file }]);
}

export async function countOf(db: Db, table: 'register_rows' | 'register_errors' | 'registers') {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
  return r.rows[0].n;
}
