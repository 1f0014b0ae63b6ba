// Pure rules of a coefficient table (docs/accounting-api.md, "Coefficient library"): which
// header is which column (zh or en), and every row checked cell by cell. Nothing here reads a
// file or the database; the code tables come from the survey's forms, the industry check is
// given by the caller (the directory's GB/T 4754-2017 table on the server).
import { CODE_TABLES, makeConverter } from '../../survey/index.ts';
import { parseFormula } from './formula.ts';

export interface Text {
  zh: string;
  en: string;
}

export interface CoefError {
  /** The row of the file (1 = its first line), or of the header for a column's fault. */
  row: number;
  /** The column as the file names it (or the contract's names when it is missing). */
  column: string;
  message: Text;
}

export interface CoefficientRow {
  rowNo: number;
  industryCode: string;
  product: string;
  material: string;
  process: string;
  scale: string;
  pollutant: string;
  activityUnit: string;
  /** A fixed coefficient, or null when it is a formula. */
  genCoefficient: number | null;
  genFormula: string | null;
  coefficientUnit: string;
  treatment: string;
  efficiency: number | null;
  dischargeCoefficient: number | null;
  opParams: string[];
}

export type Field = Exclude<keyof CoefficientRow, 'rowNo' | 'genFormula'>;

export const COLUMNS: { field: Field; zh: string; en: string; required?: boolean }[] = [
  { field: 'industryCode', zh: '行业代码', en: 'industry_code', required: true },
  { field: 'product', zh: '产品', en: 'product' },
  { field: 'material', zh: '原料', en: 'material' },
  { field: 'process', zh: '工艺', en: 'process' },
  { field: 'scale', zh: '规模等级', en: 'scale' },
  { field: 'pollutant', zh: '污染物', en: 'pollutant', required: true },
  { field: 'activityUnit', zh: '活动水平单位', en: 'activity_unit', required: true },
  { field: 'genCoefficient', zh: '产污系数', en: 'gen_coefficient', required: true },
  { field: 'coefficientUnit', zh: '系数单位', en: 'coefficient_unit', required: true },
  { field: 'treatment', zh: '末端治理技术', en: 'treatment' },
  { field: 'efficiency', zh: '去除效率', en: 'efficiency' },
  { field: 'dischargeCoefficient', zh: '排污系数', en: 'discharge_coefficient' },
  { field: 'opParams', zh: '运行参数', en: 'op_params' },
];

export const MAX_ERRORS = 200;

const table = (id: string) => CODE_TABLES.find((t) => t.id === id)!.entries;
const UNITS = table('units');
const POLLUTANT_CODES = new Set(table('pollutants').map((e) => e.code));
const TREATMENT_CODES = new Set(table('treatments').map((e) => e.code));
const UNIT_CODES = new Set(UNITS.map((e) => e.code));
const convert = makeConverter(UNITS);

const norm = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
const BY_HEADER = new Map<string, Field>(COLUMNS.flatMap((c) => [[norm(c.zh), c.field], [norm(c.en), c.field]] as [string, Field][]));

export interface HeaderMap {
  /** Column index of each field present. */
  index: Partial<Record<Field, number>>;
  /** The header text as written, per field (for error messages). */
  names: Partial<Record<Field, string>>;
  errors: CoefError[];
  /** A required column is missing: no row can be read. */
  missing: boolean;
}

/** Which column holds which field; unknown, repeated and missing required columns are errors. */
export function mapHeaders(cells: string[], row: number): HeaderMap {
  const index: HeaderMap['index'] = {};
  const names: HeaderMap['names'] = {};
  const errors: CoefError[] = [];
  cells.forEach((raw, i) => {
    const h = raw.replace(/^\uFEFF/, '').trim();
    if (!h) return;
    const f = BY_HEADER.get(norm(h));
    if (!f) errors.push({ row, column: h, message: { zh: `未知的列“${h}”`, en: `Unknown column "${h}"` } });
    else if (index[f] !== undefined) errors.push({ row, column: h, message: { zh: `列“${h}”重复`, en: `Column "${h}" appears twice` } });
    else (index[f] = i), (names[f] = h);
  });
  let missing = false;
  for (const c of COLUMNS) {
    if (c.required && index[c.field] === undefined) {
      missing = true;
      errors.push({ row, column: `${c.zh} / ${c.en}`, message: { zh: `缺少必需的列“${c.zh}”（${c.en}）`, en: `The required column "${c.en}" (${c.zh}) is missing` } });
    }
  }
  return { index, names, errors, missing };
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;

function parseNumber(s: string): number | null {
  const t = s.replace(/,/g, '');
  return NUMBER.test(t) ? Number(t) : null;
}

/** The dimension a coefficient unit `mass/x` is per, if its numerator is a mass and x a unit. */
export function unitProblem(coefficientUnit: string, activityUnit: string): Text | null {
  const slash = coefficientUnit.indexOf('/');
  const num = slash > 0 ? coefficientUnit.slice(0, slash) : '';
  const den = slash > 0 ? coefficientUnit.slice(slash + 1) : '';
  if (!num || !den || convert(1, num, 'kg') === null || !UNIT_CODES.has(den)) {
    return { zh: `系数单位“${coefficientUnit}”应为“质量/单位”，如 kg/t、g/m2、kg/10km3`, en: `The coefficient unit "${coefficientUnit}" must be mass per unit, e.g. kg/t, g/m2, kg/10km3` };
  }
  if (convert(1, den, activityUnit) === null) {
    return { zh: `系数单位“${coefficientUnit}”的分母不能换算为活动水平单位“${activityUnit}”`, en: `The denominator of "${coefficientUnit}" does not convert to the activity unit "${activityUnit}"` };
  }
  return null;
}

/** The identity of a row within a version: what the diff and the accounting look rows up by. */
export function rowKey(r: Pick<CoefficientRow, 'industryCode' | 'product' | 'material' | 'process' | 'scale' | 'pollutant' | 'treatment'>): string {
  return [r.industryCode, r.product, r.material, r.process, r.scale, r.pollutant, r.treatment].join('|');
}

export type IndustryCheck = (code: string) => boolean;

/**
 * One data row checked: the row when every cell is right, else its errors (each naming the
 * column). `fileRow` is where the row stands in the file, `rowNo` its number in the version.
 */
export function checkRow(cells: string[], map: HeaderMap, fileRow: number, rowNo: number, industryOk: IndustryCheck): { row?: CoefficientRow; errors: CoefError[] } {
  const errors: CoefError[] = [];
  const cell = (f: Field) => (map.index[f] === undefined ? '' : (cells[map.index[f]!] ?? '').trim());
  const col = (f: Field) => map.names[f] ?? COLUMNS.find((c) => c.field === f)!.en;
  const bad = (f: Field, zh: string, en: string) => errors.push({ row: fileRow, column: col(f), message: { zh, en } });

  const industryCode = cell('industryCode');
  if (!/^\d{4}$/.test(industryCode)) bad('industryCode', `行业代码“${industryCode}”应为 4 位小类代码`, `The industry code "${industryCode}" must be a 4-digit class`);
  else if (!industryOk(industryCode)) bad('industryCode', `行业代码 ${industryCode} 不在 GB/T 4754-2017 中`, `Industry code ${industryCode} is not in GB/T 4754-2017`);

  const pollutant = cell('pollutant');
  if (!POLLUTANT_CODES.has(pollutant)) bad('pollutant', `未知的污染物代码“${pollutant}”`, `Unknown pollutant code "${pollutant}"`);

  const activityUnit = cell('activityUnit');
  const unitKnown = UNIT_CODES.has(activityUnit);
  if (!unitKnown) bad('activityUnit', `未知的活动水平单位“${activityUnit}”`, `Unknown activity unit "${activityUnit}"`);

  const coefficientUnit = cell('coefficientUnit');
  if (!coefficientUnit) bad('coefficientUnit', '系数单位不能为空', 'The coefficient unit is empty');
  else if (unitKnown) {
    const p = unitProblem(coefficientUnit, activityUnit);
    if (p) bad('coefficientUnit', p.zh, p.en);
  }

  let genCoefficient: number | null = null;
  let genFormula: string | null = null;
  const gen = cell('genCoefficient');
  if (!gen) bad('genCoefficient', '产污系数不能为空', 'The generation coefficient is empty');
  else if (/^[+-]?[\d.,]/.test(gen) && parseNumber(gen) !== null) {
    genCoefficient = parseNumber(gen);
    if (genCoefficient! < 0) bad('genCoefficient', `产污系数 ${gen} 不能为负数`, `The generation coefficient ${gen} is negative`);
  } else {
    try {
      genFormula = parseFormula(gen).text;
    } catch (e) {
      bad('genCoefficient', `产污系数“${gen}”既不是数字，也不是只含一个参数（S、A 或 V）和 + - * / 及括号的公式（${(e as Error).message}）`,
        `The generation coefficient "${gen}" is neither a number nor a formula of one parameter (S, A or V) with + - * / and parentheses (${(e as Error).message})`);
    }
  }

  const treatment = cell('treatment');
  if (treatment && !TREATMENT_CODES.has(treatment)) bad('treatment', `未知的治理技术代码“${treatment}”`, `Unknown treatment code "${treatment}"`);

  let efficiency: number | null = null;
  const eff = cell('efficiency').replace(/%$/, '').trim();
  if (eff) {
    efficiency = parseNumber(eff);
    if (efficiency === null) bad('efficiency', `去除效率“${eff}”不是数字`, `The efficiency "${eff}" is not a number`);
    else if (efficiency < 0 || efficiency > 100) bad('efficiency', `去除效率 ${eff}% 应在 0–100 之间`, `The efficiency ${eff}% must lie between 0 and 100`);
    else if (!treatment) bad('efficiency', '填了去除效率却没有末端治理技术', 'An efficiency is given without a treatment');
  }

  let dischargeCoefficient: number | null = null;
  const dis = cell('dischargeCoefficient');
  if (dis) {
    dischargeCoefficient = parseNumber(dis);
    if (dischargeCoefficient === null) bad('dischargeCoefficient', `排污系数“${dis}”不是数字`, `The discharge coefficient "${dis}" is not a number`);
    else if (dischargeCoefficient < 0) bad('dischargeCoefficient', `排污系数 ${dis} 不能为负数`, `The discharge coefficient ${dis} is negative`);
  }

  const opParams = cell('opParams').split(/[;；]/).map((s) => s.trim()).filter(Boolean);
  if (opParams.length > 10 || opParams.some((p) => p.length > 50)) bad('opParams', '运行参数最多 10 个，每个不超过 50 字', 'At most 10 operating parameters, each up to 50 characters');

  const texts = { product: cell('product'), material: cell('material'), process: cell('process'), scale: cell('scale') };
  for (const [f, v] of Object.entries(texts) as [Field, string][]) {
    if (v.length > 200) bad(f, '文字不能超过 200 字', 'Text longer than 200 characters');
  }
  if (errors.length) return { errors };
  return {
    errors,
    row: { rowNo, industryCode, ...texts, pollutant, activityUnit, genCoefficient, genFormula, coefficientUnit, treatment, efficiency, dischargeCoefficient, opParams },
  };
}

export const isBlank = (cells: string[]) => cells.every((c) => !c || !c.trim());
/** A line before the header (or anywhere) whose first cell starts with # is a comment: a table may say where it comes from. */
export const isComment = (cells: string[]) => (cells[0] ?? '').trim().startsWith('#');

export interface CheckedTable {
  rows: CoefficientRow[];
  errors: CoefError[];
  /** True when the errors were capped at MAX_ERRORS. */
  truncated: boolean;
}

/**
 * A whole table checked, from its rows as text (each with its row number in the file): the
 * header, then every data row; a key (industry … treatment) twice is an error on the second.
 */
export async function checkTable(lines: AsyncIterable<{ row: number; cells: string[] }> | Iterable<{ row: number; cells: string[] }>, industryOk: IndustryCheck): Promise<CheckedTable> {
  const rows: CoefficientRow[] = [];
  const errors: CoefError[] = [];
  let truncated = false;
  const add = (es: CoefError[]) => {
    for (const e of es) {
      if (errors.length >= MAX_ERRORS) return void (truncated = true);
      errors.push(e);
    }
  };
  let map: HeaderMap | undefined;
  const seen = new Map<string, number>();
  for await (const { row, cells } of lines) {
    if (isBlank(cells) || isComment(cells)) continue;
    if (!map) {
      map = mapHeaders(cells, row);
      add(map.errors);
      if (map.missing) break; // nothing below can be read
      continue;
    }
    const r = checkRow(cells, map, row, rows.length + 1, industryOk);
    add(r.errors);
    if (!r.row) continue;
    const key = rowKey(r.row);
    const first = seen.get(key);
    if (first !== undefined) {
      add([{ row, column: map.names.pollutant ?? 'pollutant', message: { zh: `与第 ${first} 行重复（行业、产品、原料、工艺、规模、污染物、治理技术相同）`, en: `Same as row ${first} (industry, product, material, process, scale, pollutant and treatment)` } }]);
      continue;
    }
    seen.set(key, row);
    rows.push(r.row);
  }
  if (!map) add([{ row: 1, column: '', message: { zh: '文件中没有表头', en: 'The file has no header row' } }]);
  else if (!rows.length && !errors.length) add([{ row: 1, column: '', message: { zh: '文件中没有数据行', en: 'The file has no data rows' } }]);
  return { rows, errors, truncated };
}
