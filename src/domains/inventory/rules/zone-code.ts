// 普查小区代码: 16 digits, as the 2018 inventory software keyed its units
// (census-facts §2). The public sources do not define its parts; Pucha uses the
// township's 12-digit statistical code followed by a 4-digit zone number, so a
// zone code sorts and prefixes like the region tree.

export function townshipStatCode(township: string): string {
  if (!/^[0-9]{9}$/.test(township)) throw new Error(`not a township code: ${township}`);
  return `${township}000`;
}

export function zoneCode(township: string, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new Error(`zone number out of range: ${n}`);
  return townshipStatCode(township) + String(n).padStart(4, '0');
}

/** The next free number after the codes already used in a township. */
export function nextZoneNumber(used: readonly string[]): number {
  let max = 0;
  for (const c of used) max = Math.max(max, Number(c.slice(12)));
  return max + 1;
}

export { provinceOf } from '../../../core/db/distribution.ts';
