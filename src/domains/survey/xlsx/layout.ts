// Where a form's fields sit in its Excel workbook, shared by the template writer and the
// importer: one sheet for the plain fields (a row each, the value in column E), one sheet per
// repeat group (ids in a hidden row 1, labels in row 2, a group row per sheet row from row 3; a
// nested group's sheet starts with the number of its parent row), and a hidden `_pucha` sheet
// naming form, version, source, revision and a checksum over all of it. Pure: no I/O.
import { createHash } from 'node:crypto';
import type { Field, FormDefinition, GroupField } from '../forms/types.ts';

export const MAIN_SHEET = '填报';
export const META_SHEET = '_pucha';
export const LISTS_SHEET = '_lists';
export const META_FORMAT = 'pucha-survey-xlsx/1';
/** Main sheet: A id, B 名称, C name, D unit, E value. */
export const MAIN_VALUE_COL = 5;
export const GROUP_FIRST_ROW = 3;
/** The id of a nested group's first column: the 1-based number of its parent row. */
export const PARENT_COL = '_parent';

export type Plain = Exclude<Field, GroupField>;

export interface GroupSheet {
  name: string;
  /** Group ids from the top: ['outlets', 'results']. */
  path: string[];
  group: GroupField;
  parent?: GroupSheet;
  /** Column ids in order (PARENT_COL first for a nested group). */
  columns: string[];
  fields: Plain[];
}

export interface Layout {
  form: FormDefinition;
  main: Plain[];
  groups: GroupSheet[];
}

export interface Meta {
  form: string;
  version: number;
  sourceId: number | null;
  submissionId: string | null;
  rev: number | null;
}

const isGroup = (f: Field): f is GroupField => f.type === 'group';

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(label: string, taken: Set<string>): string {
  const base = label.replace(/[[\]:*?/\\']/g, '').trim().slice(0, 28) || 'group';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export function layoutOf(form: FormDefinition): Layout {
  const taken = new Set([MAIN_SHEET, META_SHEET, LISTS_SHEET].map((s) => s.toLowerCase()));
  const groups: GroupSheet[] = [];
  const addGroups = (fields: Field[], path: string[], parent?: GroupSheet) => {
    for (const g of fields.filter(isGroup)) {
      const fs = g.fields.filter((f): f is Plain => !isGroup(f));
      const sheet: GroupSheet = {
        name: sheetName(g.label.zh, taken), path: [...path, g.id], group: g, parent,
        columns: [...(parent ? [PARENT_COL] : []), ...fs.map((f) => f.id)], fields: fs,
      };
      groups.push(sheet);
      addGroups(g.fields, sheet.path, sheet);
    }
  };
  addGroups(form.fields, []);
  return { form, main: form.fields.filter((f): f is Plain => !isGroup(f)), groups };
}

/** The checksum the `_pucha` sheet carries: over the structure and the meta, so editing either shows. */
export function checksumOf(l: Layout, m: Meta): string {
  const structure = [META_FORMAT, m.form, m.version, m.sourceId, m.submissionId, m.rev, l.main.map((f) => f.id), l.groups.map((g) => [g.name, g.path, g.columns])];
  return createHash('sha256').update(JSON.stringify(structure)).digest('hex');
}

/** Column letters of a 1-based column number. */
export function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export const address = (sheet: string, col: number, row: number) => `${/^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet}'`}!${colName(col)}${row}`;

/**
 * Maps engine paths (`boilers[1].fuelUse`) back to cells, built while reading. A path not found
 * falls back to its row, then its group, then its form.
 */
export class CellMap {
  private readonly cells = new Map<string, string>();
  set(path: string, cell: string) {
    this.cells.set(path, cell);
  }
  find(path: string): string | null {
    for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
      const c = this.cells.get(p);
      if (c) return c;
      if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
    }
    return null;
  }
}
