// Field paths of review comments and field unlocks, pure: `fuels[2].sulphur` names a field of a
// repeat group's row. A path must name a field of the form; a save of a form unlocked field by
// field may change only those fields.
import type { Field } from '../../survey/forms/types.ts';

type Seg = { id: string; row: number | null };

export function parsePath(path: string): Seg[] | null {
  if (path.length > 300) return null;
  const out: Seg[] = [];
  for (const part of path.split('.')) {
    const m = /^([A-Za-z][A-Za-z0-9_]*)(?:\[(\d{1,6})\])?$/.exec(part);
    if (!m) return null;
    out.push({ id: m[1], row: m[2] === undefined ? null : Number(m[2]) });
  }
  return out;
}

/** Does the path name a field (or a whole group, or a group's row) of these fields? */
export function pathInForm(fields: readonly Field[], path: string): boolean {
  const segs = parsePath(path);
  if (!segs) return false;
  let level: readonly Field[] = fields;
  for (let i = 0; i < segs.length; i++) {
    const f = level.find((x) => x.id === segs[i].id);
    if (!f) return false;
    const last = i === segs.length - 1;
    if (f.type === 'group') {
      if (!last && segs[i].row === null) return false; // a field inside a group needs its row
      level = f.fields;
    } else if (!last || segs[i].row !== null) return false;
  }
  return true;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function setAt(target: unknown, segs: Seg[], value: unknown): unknown {
  const [head, ...rest] = segs;
  const obj: Record<string, unknown> = isObj(target) ? { ...target } : {};
  if (head.row === null) {
    obj[head.id] = rest.length ? setAt(obj[head.id], rest, value) : value;
    return obj;
  }
  const rows = Array.isArray(obj[head.id]) ? [...(obj[head.id] as unknown[])] : [];
  if (head.row >= rows.length) return obj; // no such row: nothing to carry over
  rows[head.row] = rest.length ? setAt(rows[head.row], rest, value) : value;
  obj[head.id] = rows;
  return obj;
}

function getAt(source: unknown, segs: Seg[]): unknown {
  let cur: unknown = source;
  for (const s of segs) {
    if (!isObj(cur)) return undefined;
    cur = cur[s.id];
    if (s.row !== null) cur = Array.isArray(cur) ? cur[s.row] : undefined;
  }
  return cur;
}

/** Stable JSON: key order does not make two answers differ. */
export function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (isObj(v)) return `{${Object.keys(v).filter((k) => v[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${stable(v[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** The paths outside `open` where `after` differs from `before` (top-level field ids; empty when none). */
export function changedOutside(before: Record<string, unknown>, after: Record<string, unknown>, open: readonly string[]): string[] {
  // Carry the open paths' new values into the old answers: what still differs was changed outside them.
  let carried: unknown = before;
  for (const p of open) {
    const segs = parsePath(p);
    if (segs) carried = setAt(carried, segs, getAt(after, segs));
  }
  const c = (carried ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(c), ...Object.keys(after)]);
  return [...keys].filter((k) => stable(c[k]) !== stable(after[k])).sort();
}
