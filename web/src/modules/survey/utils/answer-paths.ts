// Paths into a form's answers, as the engine writes them in issues: `unitName`,
// `boilers[2].fuelUse`, `outlets[0].results[1].pollutant`. Reading and writing answers by path
// (immutably), moving explanations when a repeat-group row is removed, and the DOM anchor of a
// path, so an issue in the side list can scroll to its field.

export type Answers = Record<string, unknown>;
export type Explanations = Record<string, string>;

export type Segment = { id: string; index?: number };

const SEGMENT = /^([A-Za-z][A-Za-z0-9]*)(?:\[(\d+)\])?$/;

/** `boilers[2].fuelUse` → [{id: 'boilers', index: 2}, {id: 'fuelUse'}]; null when it is not a field path. */
export function parsePath(path: string): Segment[] | null {
  if (!path) return [];
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m) return null;
    out.push(m[2] === undefined ? { id: m[1] } : { id: m[1], index: Number(m[2]) });
  }
  return out;
}

export const joinPath = (prefix: string, id: string): string => (prefix ? `${prefix}.${id}` : id);
export const rowPath = (groupPath: string, index: number): string => `${groupPath}[${index}]`;

const isPlain = (v: unknown): v is Answers => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The answer at a path, or undefined. */
export function getAt(answers: unknown, path: string): unknown {
  const segs = parsePath(path);
  if (!segs) return undefined;
  let cur: unknown = answers;
  for (const s of segs) {
    if (!isPlain(cur)) return undefined;
    cur = cur[s.id];
    if (s.index !== undefined) cur = Array.isArray(cur) ? cur[s.index] : undefined;
  }
  return cur;
}

/** Blank answers are removed rather than stored: the engine treats absent, null and '' alike. */
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v === '') || (Array.isArray(v) && v.length === 0);

function setIn(obj: unknown, segs: Segment[], value: unknown): Answers {
  const base: Answers = isPlain(obj) ? { ...obj } : {};
  const [s, ...rest] = segs;
  if (s.index === undefined) {
    if (rest.length === 0) {
      if (blank(value)) delete base[s.id];
      else base[s.id] = value;
    } else base[s.id] = setIn(base[s.id], rest, value);
    return base;
  }
  const rows = Array.isArray(base[s.id]) ? [...(base[s.id] as unknown[])] : [];
  while (rows.length <= s.index) rows.push({});
  rows[s.index] = rest.length === 0 ? value : setIn(rows[s.index], rest, value);
  base[s.id] = rows;
  return base;
}

/** A copy of the answers with the value at `path` set (blank: removed). An invalid path changes nothing. */
export function setAt(answers: Answers, path: string, value: unknown): Answers {
  const segs = parsePath(path);
  if (!segs || segs.length === 0) return answers;
  return setIn(answers, segs, value);
}

/** The rows of the repeat group at `path` (always a list). */
export function rowsAt(answers: unknown, path: string): Answers[] {
  const v = getAt(answers, path);
  return Array.isArray(v) ? (v as unknown[]).map((r) => (isPlain(r) ? r : {})) : [];
}

export function addRow(answers: Answers, groupPath: string, row: Answers = {}): Answers {
  return setAt(answers, groupPath, [...rowsAt(answers, groupPath), row]);
}

export function removeRow(answers: Answers, groupPath: string, index: number): Answers {
  const rows = rowsAt(answers, groupPath).filter((_, i) => i !== index);
  return setAt(answers, groupPath, rows);
}

/** The key under which the engine reads a warning's explanation. */
export const explanationKey = (issue: { rule: string; path: string }): string => `${issue.rule}@${issue.path}`;

/**
 * Explanations after row `index` of `groupPath` is removed: those of the removed row go, those
 * of later rows move up one, so each stays with the row it explains.
 */
export function shiftExplanations(explanations: Explanations, groupPath: string, index: number): Explanations {
  const out: Explanations = {};
  const prefix = `${groupPath}[`;
  for (const [key, text] of Object.entries(explanations)) {
    const at = key.indexOf('@');
    const path = at < 0 ? '' : key.slice(at + 1);
    if (at < 0 || !path.startsWith(prefix)) {
      out[key] = text;
      continue;
    }
    const m = /^(\d+)\]/.exec(path.slice(prefix.length));
    if (!m) {
      out[key] = text;
      continue;
    }
    const i = Number(m[1]);
    if (i === index) continue;
    const moved = i > index ? `${prefix}${i - 1}]${path.slice(prefix.length + m[0].length)}` : path;
    out[`${key.slice(0, at)}@${moved}`] = text;
  }
  return out;
}

/** The DOM id of a field (or row, or group) of a form: safe in `#id` and getElementById. */
export function anchorId(form: string, path: string): string {
  return `sf-${`${form}--${path}`.replace(/[^A-Za-z0-9_-]/g, (c) => (c === '.' ? '_' : c === '[' ? '-' : c === ']' ? '' : '_'))}`;
}

/**
 * The paths to try, nearest first, for an issue's path: the field itself, then its row, its
 * group, … up to the form (''). `explanations.x` or an unknown field falls back to the form.
 */
export function anchorCandidates(path: string): string[] {
  const segs = parsePath(path);
  if (!segs) return [''];
  const out: string[] = [];
  for (let n = segs.length; n > 0; n--) {
    const head = segs.slice(0, n - 1).map((s) => (s.index === undefined ? s.id : rowPath(s.id, s.index))).join('.');
    const last = segs[n - 1];
    if (last.index !== undefined) out.push(joinPath(head, rowPath(last.id, last.index)));
    out.push(joinPath(head, last.id));
  }
  out.push('');
  return out;
}
