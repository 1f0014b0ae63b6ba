// The new-measurement form's points table: cells are kept as typed text, so a half-typed number
// never jumps; this turns the rows into the request body and maps a problem's field back to a cell.
import { NUCLIDES, type MeasurementPoint, type Nuclide, type PointKind } from '../../../../../src/domains/radioactive/rules/screening.ts';
import type { MeasurementBody } from './radioactive-api.ts';

export interface PointRow {
  key: string;
  label: string;
  kind: PointKind;
  lat: string;
  lng: string;
  dose: string;
  nuclides: Partial<Record<Nuclide, string>>;
}

/** A column of the table: the fixed ones, or a nuclide's. */
export type PointColumn = 'label' | 'kind' | 'lat' | 'lng' | 'dose' | Nuclide;
export interface CellProblem { row: number; column: PointColumn; problem: 'number' | 'required' }

let seq = 0;
export function emptyRow(kind: PointKind = 'ore'): PointRow {
  seq += 1;
  return { key: `p${Date.now().toString(36)}${seq}`, label: '', kind, lat: '', lng: '', dose: '', nuclides: {} };
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A cell's number: null when empty, NaN when not a plain decimal. Full-width digits, point and
 * signs (a Chinese input method's) are read as ASCII; exponents, thousands separators and units
 * are refused rather than guessed.
 */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/^−/, '-');
  if (!s) return null;
  if (!DECIMAL.test(s)) return NaN;
  return Number(s);
}

const isBlank = (r: PointRow) =>
  !r.label.trim() && !r.lat.trim() && !r.lng.trim() && !r.dose.trim() && NUCLIDES.every((n) => !(r.nuclides[n] ?? '').trim());

export interface Converted {
  points: MeasurementPoint[];
  /** The table row each point came from (blank rows are left out, so they differ). */
  rowOf: number[];
  cells: CellProblem[];
}

/** The rows as the API's points: blank rows left out, empty nuclide cells omitted, empty positions absent. */
export function rowsToPoints(rows: PointRow[]): Converted {
  const points: MeasurementPoint[] = [];
  const rowOf: number[] = [];
  const cells: CellProblem[] = [];
  rows.forEach((r, row) => {
    if (isBlank(r)) return;
    const num = (column: PointColumn, text: string) => {
      const v = parseNumber(text);
      if (Number.isNaN(v)) cells.push({ row, column, problem: 'number' });
      return v;
    };
    const dose = num('dose', r.dose);
    if (dose === null) cells.push({ row, column: 'dose', problem: 'required' });
    const lat = num('lat', r.lat);
    const lng = num('lng', r.lng);
    const nuclides: Partial<Record<Nuclide, number>> = {};
    for (const n of NUCLIDES) {
      const v = num(n, r.nuclides[n] ?? '');
      if (v !== null && !Number.isNaN(v)) nuclides[n] = v;
    }
    const p: MeasurementPoint = { label: r.label.trim(), kind: r.kind, doseRateNGyH: dose ?? NaN };
    if (lat !== null && !Number.isNaN(lat)) p.lat = lat;
    if (lng !== null && !Number.isNaN(lng)) p.lng = lng;
    if (Object.keys(nuclides).length) p.nuclides = nuclides;
    points.push(p);
    rowOf.push(row);
  });
  return { points, rowOf, cells };
}

export interface MeasurementInput { body: string; measuredOn: string; background: string; rows: PointRow[] }

/** The POST body, or null while a cell or the background cannot be read as a number. */
export function measurementBody(input: MeasurementInput): { body: MeasurementBody; rowOf: number[] } | { cells: CellProblem[]; background: boolean } {
  const { points, rowOf, cells } = rowsToPoints(input.rows);
  const background = parseNumber(input.background);
  const badBackground = background === null || Number.isNaN(background);
  if (cells.length || badBackground) return { cells, background: badBackground };
  return { body: { body: input.body.trim(), measuredOn: input.measuredOn, backgroundNGyH: background, points }, rowOf };
}

const FIELD = /^points\[(\d+)\](?:\.(label|kind|lat|lng|doseRateNGyH|nuclides)(?:\.(.+))?)?$/;

/**
 * Where a problem named by field (`points[2].doseRateNGyH`, `points[0].nuclides.U-238`, as
 * measurementProblem and the server's RADIO_MEASUREMENT_INVALID name it) sits in the table, or
 * the form field (`backgroundNGyH`, `body`, `measuredOn`, `points`) when it is not a cell.
 */
export function locateField(field: string, rowOf: number[]): { row: number; column: PointColumn | null } | { form: string } {
  const m = FIELD.exec(field.replace(/^body\./, ''));
  if (!m) return { form: field.replace(/^body\./, '').split(/[.[]/)[0] };
  const index = Number(m[1]);
  const row = rowOf[index] ?? index;
  const key = m[2];
  if (!key) return { row, column: null };
  if (key === 'doseRateNGyH') return { row, column: 'dose' };
  if (key === 'nuclides') {
    const n = NUCLIDES.find((x) => x === m[3]);
    return { row, column: n ?? null };
  }
  return { row, column: key as PointColumn };
}

/** The field a server error names, from its details (`{ field }`, or the first of `{ fields: [...] }`). */
export function fieldOfDetails(details: unknown): string | null {
  if (!details || typeof details !== 'object') return null;
  const d = details as { field?: unknown; path?: unknown; fields?: unknown };
  if (typeof d.field === 'string') return d.field;
  if (typeof d.path === 'string') return d.path;
  if (Array.isArray(d.fields) && d.fields.length) {
    const f = d.fields[0] as { field?: unknown } | string;
    if (typeof f === 'string') return f;
    if (typeof f?.field === 'string') return f.field;
  }
  // A schema refusal (REQUEST_INVALID) names the JSON path in its text: "body/points/0/lat must be…".
  const text = (details as { detail?: unknown }).detail;
  const m = typeof text === 'string' ? /(?:^|\s|\/)(?:body\/)?(points\/\d+(?:\/[\w-]+)*|backgroundNGyH|measuredOn|body)\b/.exec(text) : null;
  if (m) return m[1].replace(/^points\/(\d+)/, 'points[$1]').replace(/\//g, '.');
  return null;
}

/** The detail text that comes with a server error's field, if any. */
export function detailOfDetails(details: unknown): string | null {
  const d = details as { detail?: unknown } | null;
  return d && typeof d.detail === 'string' ? d.detail : null;
}
