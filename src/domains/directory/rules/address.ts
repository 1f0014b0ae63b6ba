// Addresses for matching. Registers write the same place as 浙江省温州市乐清市柳市镇长虹路八号,
// 柳市镇长虹路8号 or 乐清柳市长虹路8号; what identifies it is the part below the county.
import { normaliseText, toSimplified } from './text.ts';
import { nationalRegionNames, matchRegionPrefix, type RegionNameIndex } from './region-names.ts';
import { bigrams, dice } from './similarity.ts';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 八 → 8, 十二 → 12, 一百零五 → 105, 二〇八 → 208 (digit by digit); NaN when not a simple numeral. */
export function chineseNumeral(s: string): number {
  if (!s) return NaN;
  // Written digit by digit (二〇八) when there is no unit character.
  if (![...s].some((c) => c in UNIT)) {
    let v = 0;
    for (const c of s) {
      if (!(c in DIGIT)) return NaN;
      v = v * 10 + DIGIT[c];
    }
    return v;
  }
  let total = 0;
  let digit = -1;
  for (const c of s) {
    if (c in DIGIT) digit = DIGIT[c];
    else if (c in UNIT) {
      total += (digit < 0 ? 1 : digit) * UNIT[c]; // 十二: an implied 一 before 十
      digit = -1;
    } else return NaN;
  }
  return total + (digit > 0 ? digit : 0);
}

// A numeral directly before a house-number unit; 一路 and 三星村 are names, not numbers.
const NUMERAL_RE = /第?([零〇一二两三四五六七八九十百千]+)(?=号|弄|幢|栋|楼|室|单元|层|组)/g;
const ORDINAL_DIGITS_RE = /第(\d+)(?=号|弄|幢|栋|楼|室|单元|层|组)/g;
const BUILDING_RE = /(\d+)(?:号楼|#楼|#|栋|座)/g;
const PUNCT_RE = /[^\p{L}\p{N}\-]/gu;

/**
 * Simplified, half-width, punctuation and spaces removed, Chinese house numbers as digits,
 * 栋 / 号楼 / # written as 幢, and the leading province / prefecture / county names stripped.
 * `regionNames` narrows the prefixes to one county's chain (see region-names.ts).
 */
export function normaliseAddress(s: string | null | undefined, regionNames?: RegionNameIndex): string {
  let a = toSimplified(normaliseText(s)).replace(PUNCT_RE, '');
  if (!a) return '';
  a = a
    .replace(NUMERAL_RE, (m, num: string) => {
      const v = chineseNumeral(num);
      return Number.isNaN(v) ? m : String(v);
    })
    .replace(ORDINAL_DIGITS_RE, '$1')
    .replace(BUILDING_RE, '$1幢');
  const regions = regionNames ?? nationalRegionNames();
  // Every leading region name goes, not only three: a repeated one (浙江省浙江省…, a county typed
  // twice) would otherwise survive once and be stripped on a second pass (not idempotent).
  let start = 0;
  for (;;) {
    const len = matchRegionPrefix(a, regions, start);
    if (!len || a.length - start - len < 2) break;
    start += len;
  }
  return a.slice(start);
}

const NUMBER_RE = /\d+/g;

/** The house number: the digits before the first 号 or 弄, else the first number; '' when none. */
export function houseNumber(normalised: string): string {
  const m = normalised.match(/(\d+)(?:-\d+)?(?:号|弄)/);
  if (m) return m[1];
  const n = normalised.match(NUMBER_RE);
  return n ? n[0] : '';
}

/**
 * Similarity of two normalised addresses in [0, 1]: character-bigram Dice, halved when both
 * carry a house number and the numbers differ (长虹路8号 and 长虹路18号 are neighbours, not
 * the same gate).
 */
export function addressSimilarityNormalised(a: string, b: string, gramsA?: Float64Array, gramsB?: Float64Array, numA?: string, numB?: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const d = dice(gramsA ?? bigrams(a), gramsB ?? bigrams(b));
  const na = numA ?? houseNumber(a);
  const nb = numB ?? houseNumber(b);
  return na && nb && na !== nb ? d * 0.5 : d;
}

/** Similarity of two raw addresses in [0, 1]. */
export function addressSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  return addressSimilarityNormalised(normaliseAddress(a), normaliseAddress(b));
}
