// The spreadsheet of a bulk user import: checking the upload is an XLSX, reading
// its rows by header (Chinese or English), and writing the template. No database.
import ExcelJS from 'exceljs';
import { addSafeRow, guardRow } from '../../core/spreadsheet-safe.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import { guardXlsxBuffer } from '../../core/xlsx-guard.ts';
import { DEPARTMENTS, ROLES, type Role } from '../access/index.ts';

export const IMPORT_MAX_ROWS = 10_000;
/** Most a user workbook may unpack to: 10,000 rows of eight columns are a few MB. */
const MAX_UNPACKED = 100 * 1024 * 1024;

export const IMPORT_COLUMNS = ['username', 'displayName', 'password', 'role', 'regionCode', 'department', 'agency', 'phone'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: ImportColumn[] = ['username', 'displayName', 'password', 'role', 'regionCode'];

/** The Chinese header of each column; the template writes these. */
export const COLUMN_ZH: Record<ImportColumn, string> = {
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  role: '角色',
  regionCode: '区划代码',
  department: '部门',
  agency: '机构',
  phone: '电话',
};

const HEADER_TO_COLUMN = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((c) => [[c.toLowerCase(), c], [COLUMN_ZH[c], c]] as Array<[string, ImportColumn]>),
);

/** Role names as offices write them. */
export const ROLE_ZH: Record<Role, string> = {
  'national-office': '国家普查办',
  'regional-office': '地方普查办',
  reviewer: '审核员',
  'department-reviewer': '部门审核员',
  instructor: '普查指导员',
  enumerator: '普查员',
  'agency-staff': '第三方机构人员',
  respondent: '普查对象',
  editor: '门户编辑',
};
const ROLE_BY_NAME = new Map<string, string>(ROLES.flatMap((r) => [[r, r], [ROLE_ZH[r], r]] as Array<[string, string]>));

/** The eight departments of the joint review, as named in Chinese. */
export const DEPARTMENT_ZH: Record<(typeof DEPARTMENTS)[number], string> = {
  samr: '市场监管',
  tax: '税务',
  stats: '统计',
  mee: '生态环境',
  miit: '工业和信息化',
  moa: '农业农村',
  mwr: '水利',
  mohurd: '住房和城乡建设',
  other: '其他',
};
const DEPARTMENT_BY_NAME = new Map<string, string>(
  DEPARTMENTS.flatMap((d) => [[d, d], [DEPARTMENT_ZH[d], d]] as Array<[string, string]>),
);

/** A role code or its Chinese name → the code; anything else is returned as written, for the rules to refuse. */
export const roleOf = (cell: string) => ROLE_BY_NAME.get(cell) ?? ROLE_BY_NAME.get(cell.toLowerCase()) ?? cell;
export const departmentOf = (cell: string) => DEPARTMENT_BY_NAME.get(cell) ?? DEPARTMENT_BY_NAME.get(cell.toLowerCase()) ?? cell;

/** An XLSX is a ZIP file: the name must say .xlsx and the bytes must start with PK\x03\x04. */
export function assertXlsx(filename: string, buf: Buffer) {
  const zip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  if (!filename.toLowerCase().endsWith('.xlsx') || !zip) throw new AppError('UPLOAD_TYPE', { expected: '.xlsx' });
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  return '';
}

/** "用户名（必填）", " Username* " → the column it names. */
function columnOf(header: string): ImportColumn | undefined {
  const h = header.replace(/[(（][^)）]*[)）]/g, '').replace(/[\s*＊]/g, '');
  return HEADER_TO_COLUMN.get(h) ?? HEADER_TO_COLUMN.get(h.toLowerCase());
}

export interface SheetRow {
  /** The row number as the spreadsheet shows it. */
  row: number;
  cells: Record<ImportColumn, string>;
}

/** The data rows of the first worksheet, blank rows skipped. */
export async function readSheet(buf: Buffer): Promise<SheetRow[]> {
  // exceljs unpacks the whole workbook in memory: checked first, so a ZIP bomb or entities never reach it.
  try {
    guardXlsxBuffer(buf, { maxTotalBytes: MAX_UNPACKED });
  } catch (e) {
    if (isAppError(e) && e.code === 'REGISTER_NOT_SPREADSHEET') throw new AppError('UPLOAD_UNREADABLE', { detail: String(e.params.detail ?? '') });
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('UPLOAD_UNREADABLE', { detail: e instanceof Error ? e.message.slice(0, 200) : 'not a workbook' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('UPLOAD_UNREADABLE', { detail: 'the workbook has no worksheet' });
  if (ws.actualRowCount - 1 > IMPORT_MAX_ROWS) throw new AppError('USER_IMPORT_TOO_MANY', { max: IMPORT_MAX_ROWS });

  const columns = new Map<number, ImportColumn>();
  ws.getRow(1).eachCell((cell, col) => {
    const c = columnOf(cellText(cell.value));
    if (c && ![...columns.values()].includes(c)) columns.set(col, c);
  });
  const missing = REQUIRED.filter((c) => ![...columns.values()].includes(c));
  if (missing.length) throw new AppError('USER_IMPORT_COLUMNS', { columns: missing.map((c) => `${COLUMN_ZH[c]}/${c}`).join(', ') });

  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as Record<ImportColumn, string>;
    for (const [col, c] of columns) cells[c] = cellText(r.getCell(col).value);
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: n, cells });
  });
  if (rows.length > IMPORT_MAX_ROWS) throw new AppError('USER_IMPORT_TOO_MANY', { max: IMPORT_MAX_ROWS });
  if (rows.length === 0) throw new AppError('USER_IMPORT_EMPTY');
  return rows;
}

/** The template: the header row, one example row, and a sheet listing roles and departments. */
export async function buildTemplate(exampleRegion: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用户 users');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: COLUMN_ZH[c], key: c, width: c === 'displayName' || c === 'agency' ? 24 : 16, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  guardRow(ws.addRow({
    username: 'zhangsan01',
    displayName: '张三',
    password: 'Census2018a',
    role: ROLE_ZH.enumerator,
    regionCode: exampleRegion,
    department: '',
    agency: '',
    phone: '13800000000',
  }));
  const notes = wb.addWorksheet('说明 notes');
  notes.columns = [{ header: '角色 role', width: 22 }, { header: '代码 code', width: 22 }];
  for (const r of ROLES) addSafeRow(notes, [ROLE_ZH[r], r]);
  notes.addRow([]);
  notes.addRow(['部门 department', '代码 code']);
  for (const d of DEPARTMENTS) addSafeRow(notes, [DEPARTMENT_ZH[d], d]);
  notes.addRow([]);
  notes.addRow(['部门仅用于部门审核员；机构（名称或编号）仅用于第三方机构人员。', 'department: department reviewers only; agency (name or id): agency staff only.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
