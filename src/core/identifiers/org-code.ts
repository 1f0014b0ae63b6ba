// 组织机构代码 (organisation code), GB 11714: 8 body characters and a check character.
// Since 2015 it is embedded in the credit code as characters 9–17, so the directory
// checks it both on its own (old registers still carry it) and inside a USCC.

// Weights and check rule per GB 11714 as recorded in census-facts §8 [from memory there;
// confirmed by reproducing the worked USCC example 91512081MA62K0260E → MA62K0260].
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Value of one body character: digits 0–9, letters A=10 … Z=35; -1 when not allowed. */
function charValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  return -1;
}

/** The check character for the first 8 characters, or undefined when the body is malformed. */
export function orgCodeCheck(first8: string): string | undefined {
  if (first8.length !== 8) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = charValue(first8.charCodeAt(i));
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** True for a 9-character organisation code (upper case, no hyphen) whose check character matches. */
export function isValidOrgCode(code9: string): boolean {
  if (code9.length !== 9) return false;
  return orgCodeCheck(code9.slice(0, 8)) === code9[8];
}

/** Upper-cases, converts full-width characters and drops spaces and the customary hyphen (12345678-9). */
export function normaliseOrgCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-‐‑–—]+/g, '')
    .toUpperCase();
}
