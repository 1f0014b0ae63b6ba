// 拆分 planning a split: which of a source's register rows leave, what the new
// source looks like, and what the original keeps. Pure; split.ts writes it.
import { AppError } from '../../../core/errors.ts';
import { SOURCE_FIELDS, survive, type CandidateRow, type SourceField, type Survivor } from '../matching/survivorship.ts';

export type Origin = { registerId: number; rowNumber: number; department: string };

export interface SplitFields {
  credit_code: string | null;
  name: string;
  address: string | null;
  legal_rep: string | null;
  phone: string | null;
  industry_code: string | null;
  field_origins: Record<string, unknown>;
}

export interface SplitPlan {
  moved: CandidateRow[];
  kept: CandidateRow[];
  /** The original's fields after the split (unchanged unless a field came from a moved row). */
  original: SplitFields;
  created: SplitFields & { region_code: string; category: Survivor['category'] };
}

export const rowKey = (r: { registerId: number; rowNumber: number }) => `${r.registerId}:${r.rowNumber}`;

const isOrigin = (o: unknown): o is Origin => !!o && typeof o === 'object' && 'registerId' in o && 'rowNumber' in o;

/** The rows with every credit code in `blocked` taken out, so survive() cannot choose it. */
function without(rows: CandidateRow[], blocked: ReadonlySet<string>): CandidateRow[] {
  return rows.map((r) => (r.values.credit_code && blocked.has(r.values.credit_code) ? { ...r, values: { ...r.values, credit_code: null } } : r));
}

/**
 * Splits `requested` off a source whose linked rows are `linked`.
 *
 * - Every requested row must be linked to the source, and at least one row must stay.
 * - The new source's fields come from the moved rows by survive(), as the matching job builds a source.
 * - The original keeps every field whose origin is not a moved row (values typed by hand or kept
 *   by an earlier merge stay as the reviewer left them); a field that came from a moved row is
 *   chosen again by survive() over the rows it keeps, or emptied if none of them has it.
 * - Credit codes: one active source per code (sources_credit_active_uq). The original chooses
 *   first, so it keeps its code while any remaining row carries it (or when the code has no
 *   register origin at all); the new source takes a code from the moved rows only if neither the
 *   original after the split nor another active source (`heldElsewhere`) holds it. So a code
 *   follows the rows only when the original has no row left with it.
 */
export function planSplit(
  original: SplitFields,
  linked: CandidateRow[],
  requested: { registerId: number; rowNumber: number }[],
  heldElsewhere: ReadonlySet<string> = new Set(),
): SplitPlan {
  const linkedKeys = new Set(linked.map(rowKey));
  const moving = new Set<string>();
  for (const r of requested) {
    if (!linkedKeys.has(rowKey(r))) throw new AppError('DIRECTORY_SPLIT_ROW_NOT_LINKED', { registerId: r.registerId, rowNumber: r.rowNumber });
    moving.add(rowKey(r));
  }
  if (moving.size === 0) throw new AppError('DIRECTORY_SPLIT_NO_ROWS');
  if (moving.size >= linked.length) throw new AppError('DIRECTORY_SPLIT_ALL_ROWS');
  const moved = linked.filter((r) => moving.has(rowKey(r)));
  const kept = linked.filter((r) => !moving.has(rowKey(r)));

  const after: SplitFields = { ...original, field_origins: { ...original.field_origins } };
  const stale = SOURCE_FIELDS.filter((f) => {
    const o = original.field_origins[f];
    return isOrigin(o) && moving.has(rowKey(o));
  });
  if (stale.length > 0) {
    const s = survive(without(kept, heldElsewhere));
    for (const f of stale) setField(after, f, s, original.name);
  }

  const blocked = new Set(heldElsewhere);
  if (after.credit_code) blocked.add(after.credit_code);
  const s = survive(without(moved, blocked));
  const created: SplitPlan['created'] = {
    credit_code: null, name: original.name, address: null, legal_rep: null, phone: null, industry_code: null, field_origins: {},
    region_code: s.regionCode, category: s.category,
  };
  for (const f of SOURCE_FIELDS) setField(created, f, s, original.name);
  return { moved, kept, original: after, created };
}

function setField(target: SplitFields, f: SourceField, s: Survivor, fallbackName: string) {
  const v = s.values[f];
  const o = s.origins[f];
  if (f === 'name') {
    // Linked rows are valid rows and every valid row has a name; the fallback is only a guard.
    target.name = v ?? fallbackName;
  } else {
    target[f] = v ?? null;
  }
  if (v && o) target.field_origins[f] = o;
  else delete target.field_origins[f];
}
