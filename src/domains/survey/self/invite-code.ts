// 邀请码: ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown once as
// XXXXX-XXXXX; the database keeps only its SHA-256. Read back forgivingly: any case, full-width
// characters, spaces and hyphens.
import { createHash, randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;
export const INVITATION_DAYS = 30;
/** Wrong credit codes given with one code before the code opens nothing any more. */
export const MAX_CODE_FAILURES = 5;

export function newInviteCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** The code as typed, reduced to its ten characters (or whatever was typed, upper-cased, when malformed). */
export function normaliseInviteCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}

export function isInviteCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

export function inviteCodeHash(code: string): string {
  return createHash('sha256').update(normaliseInviteCode(code)).digest('base64url');
}
