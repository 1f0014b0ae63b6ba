// Editing a source by hand: which fields, how each is checked, and what a change
// means for the field origins. Pure; edit.ts reads and writes.
import { AppError } from '../../../core/errors.ts';
import { inChina } from '../../../core/geo.ts';
import { levelOf } from '../../access/index.ts';
import { checkIndustryCode, normaliseIndustryCode } from '../rules/industry.ts';

export interface SourceEditBody {
  version: number;
  name?: string;
  formerNames?: string[];
  address?: string | null;
  regionCode?: string;
  industryCode?: string | null;
  category?: string;
  lat?: number | null;
  lng?: number | null;
  legalRep?: string | null;
  phone?: string | null;
  permitNo?: string | null;
  radioactive?: boolean;
}

/** The columns an edit may write, keyed as field_origins keys them (lat/lng share `coordinates`). */
export interface EditableColumns {
  name: string;
  former_names: string[];
  address: string | null;
  region_code: string;
  industry_code: string | null;
  category: string;
  lat: number | null;
  lng: number | null;
  legal_rep: string | null;
  phone: string | null;
  permit_no: string | null;
  radioactive: boolean;
}

export type OriginKey = Exclude<keyof EditableColumns, 'lat' | 'lng'> | 'coordinates';

/** An origin typed by hand: survivorship, merges and splits leave such a field alone. */
export interface ManualOrigin {
  manual: true;
  by: string;
  userId: number | null;
  at: string;
}

export const isManualOrigin = (o: unknown): o is ManualOrigin => !!o && typeof o === 'object' && (o as { manual?: unknown }).manual === true;

/**
 * 排污许可证编号 as the national permit system issues it: the holder's 18-character unified
 * social credit code, a 3-digit serial and one letter (P for a permit, e.g. 91330382MA2AT5K1XX001P;
 * W is seen on registration receipts). A unit without a credit code gets a substitute code of the
 * same length, so the first 18 characters are checked for form only, not for the credit-code check digit.
 */
export const PERMIT_NO = /^[0-9A-Z]{18}[0-9]{3}[A-Z]$/;

const blank = (s: string | null | undefined) => (s == null ? null : s.trim() || null);
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
/** Full-width letters and digits (as typed with a Chinese input method) made half-width, upper case. */
const halfWidthUpper = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '').toUpperCase();

/** Former names trimmed, empty and repeated ones dropped, and never the current name. */
export function cleanFormerNames(list: string[], currentName: string): string[] {
  const out: string[] = [];
  for (const raw of list) {
    const n = raw.trim();
    if (n && n !== currentName && !out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * The columns after the edit, checked; throws the first problem's coded error. Only region
 * existence and scope need the database (edit.ts). A rename keeps the old name as a former name.
 */
export function applyEdit(before: EditableColumns, b: SourceEditBody): EditableColumns {
  const after: EditableColumns = { ...before, former_names: [...before.former_names] };
  if (b.name !== undefined) {
    const name = b.name.trim();
    if (!name) throw new AppError('DIRECTORY_SOURCE_NAME_EMPTY');
    after.name = name;
  }
  if (b.formerNames !== undefined) after.former_names = b.formerNames;
  if (after.name !== before.name) after.former_names = [...after.former_names, before.name];
  after.former_names = cleanFormerNames(after.former_names, after.name);

  for (const [key, col] of [['address', 'address'], ['legalRep', 'legal_rep'], ['phone', 'phone']] as const) {
    if (b[key] !== undefined) after[col] = blank(b[key]);
  }
  if (b.regionCode !== undefined) {
    const level = levelOf(b.regionCode);
    if (level !== 'county' && level !== 'township') throw new AppError('DIRECTORY_SOURCE_REGION_LEVEL', { code: b.regionCode });
    after.region_code = b.regionCode;
  }
  if (b.industryCode !== undefined) {
    const code = blank(b.industryCode);
    if (code) {
      const c = checkIndustryCode(code);
      if (!c.ok) throw new AppError(c.problem === 'FORMAT' ? 'REGISTER_ROW_INDUSTRY_CODE' : 'REGISTER_ROW_INDUSTRY_UNKNOWN', { value: code });
      after.industry_code = normaliseIndustryCode(code);
    } else after.industry_code = null;
  }
  if (b.category !== undefined) after.category = b.category;
  if (b.lat !== undefined || b.lng !== undefined) {
    const [lat, lng] = [b.lat ?? null, b.lng ?? null];
    if ((lat === null) !== (lng === null)) throw new AppError('DIRECTORY_SOURCE_COORDINATES_PAIR');
    if (lat !== null && lng !== null && !inChina(lat, lng)) throw new AppError('DIRECTORY_SOURCE_COORDINATES', { lat, lng });
    [after.lat, after.lng] = [lat, lng];
  }
  if (b.permitNo !== undefined) {
    const p = b.permitNo === null ? null : halfWidthUpper(b.permitNo) || null;
    if (p && !PERMIT_NO.test(p)) throw new AppError('DIRECTORY_SOURCE_PERMIT_NO', { value: p });
    after.permit_no = p;
  }
  if (b.radioactive !== undefined) after.radioactive = b.radioactive;
  return after;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The origin keys whose value the edit changed, with the values before and after (for the audit row). */
export function changedFields(before: EditableColumns, after: EditableColumns) {
  const keys: OriginKey[] = [];
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof EditableColumns)[]) {
    if (same(before[k], after[k])) continue;
    const key: OriginKey = k === 'lat' || k === 'lng' ? 'coordinates' : k;
    if (!keys.includes(key)) keys.push(key);
    was[k] = before[k];
    now[k] = after[k];
  }
  return { keys, before: was, after: now };
}
