// 统一社会信用代码 (USCC), GB 32100-2015: 18 characters, the last a check character.
// Pure; shared by every domain that reads one (agencies, the directory, forms).
import { orgCodeCheck } from './org-code.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Wi = 3^(i-1) mod 31 for positions 1..17
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or undefined when one is not allowed. */
export function creditCodeCheck(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Upper-cases, converts full-width characters and strips spaces. */
export function normaliseCreditCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheck(code.slice(0, 17)) === code[17];
}

// ---------------------------------------------------------------------------
// Full check with named problems, for register import and the directory.


export type CreditCodeProblem =
  | 'EMPTY'
  | 'LENGTH'
  | 'CHARSET'
  | 'CHECK_CHARACTER'
  | 'ORG_CODE_CHECK'
  | 'REGION_MISMATCH';

export interface CreditCodeCheck {
  /** The code after normaliseCreditCode (upper case, half-width, no spaces). */
  normalised: string;
  /**
   * True when the code itself is a well-formed, correctly checked USCC. REGION_MISMATCH
   * describes the row, not the code, so it is reported in `problems` but leaves `ok` true.
   */
  ok: boolean;
  problems: CreditCodeProblem[];
  /** The check character the first 17 characters call for, when it differs from the 18th. */
  expectedCheck?: string;
  /** Characters 3–8: the GB/T 2260 code of the registering authority, when they are 6 digits. */
  regionCode?: string;
}

const CHARSET_SET = new Set(CHARSET);
const SIX_DIGITS = /^\d{6}$/;

/**
 * Checks a credit code as found in a register row. `rowRegionCode` is the row's own region
 * (any length; its first 2 digits are used).
 */
export function checkCreditCode(raw: string, rowRegionCode?: string): CreditCodeCheck {
  const normalised = normaliseCreditCode(raw ?? '');
  const problems: CreditCodeProblem[] = [];
  if (normalised === '') return { normalised, ok: false, problems: ['EMPTY'] };

  // Where the first bad character sits: a bad 18th character still lets us name the right one.
  let firstBad = -1;
  for (let i = 0; i < normalised.length; i++) {
    if (!CHARSET_SET.has(normalised[i])) {
      firstBad = i;
      break;
    }
  }
  if (normalised.length !== 18) problems.push('LENGTH');
  if (firstBad >= 0) problems.push('CHARSET');

  const result: CreditCodeCheck = { normalised, ok: false, problems };
  if (normalised.length >= 8) {
    const region = normalised.slice(2, 8);
    if (SIX_DIGITS.test(region)) result.regionCode = region;
  }

  if (normalised.length === 18 && (firstBad < 0 || firstBad === 17)) {
    const expected = creditCodeCheck(normalised.slice(0, 17));
    if (expected !== normalised[17]) {
      problems.push('CHECK_CHARACTER');
      if (expected !== undefined) result.expectedCheck = expected;
    }
    // Characters 9–17 are a GB 11714 organisation code with its own check character.
    if (orgCodeCheck(normalised.slice(8, 16)) !== normalised[16]) problems.push('ORG_CODE_CHECK');
  }

  // Registration is by the authority that registered the firm, which may sit at a higher level
  // than where the firm operates (city bureau 330300 for a firm in county 330382), or in a
  // neighbouring county after a move. Only the province is compared: a code registered in
  // another province is worth a look, anything finer would flag normal cases.
  if (result.regionCode && rowRegionCode) {
    const rowProvince = rowRegionCode.trim().slice(0, 2);
    if (/^\d{2}$/.test(rowProvince) && rowProvince !== result.regionCode.slice(0, 2)) {
      problems.push('REGION_MISMATCH');
    }
  }

  result.ok = problems.every((p) => p === 'REGION_MISMATCH');
  return result;
}
