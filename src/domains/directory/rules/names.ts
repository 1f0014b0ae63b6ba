// Firm names for matching. A registered name is 行政区划 + 字号 + 行业 + 组织形式
// (乐清市 华宇 电气 有限公司); departments drop or change the region and the legal form,
// so the part that identifies a firm is the trade name and industry word: the core.
import { toSimplified, normaliseText } from './text.ts';
import { nationalRegionNames, matchRegionPrefix, townshipShortNames, type RegionNameIndex } from './region-names.ts';
import { bigrams, dice, editSimilarity } from './similarity.ts';

/**
 * Legal-form suffixes, longest first so 股份有限公司 wins over 有限公司. Single characters
 * (厂, 店, 场) are forms of their own: 华宇电气厂 and 华宇电气有限公司 share the core 华宇电气.
 * 养殖场 is not listed on purpose: 养殖 is the industry word and must stay in the core.
 */
const LEGAL_FORMS = [
  '集团股份有限公司', '集团有限责任公司', '股份经济合作社', '农民专业合作社', '集团有限公司', '股份有限公司',
  '有限责任公司', '股份合作公司', '股份合作企业', '有限合伙企业', '普通合伙企业', '个人独资企业', '个体工商户',
  '专业合作社', '经济合作社', '合伙企业', '独资企业', '有限公司', '股份公司', '合作社', '总公司', '经营部',
  '门市部', '工作室', '公司', '集团', '商行', '总厂', '门市', '厂', '店', '场',
].sort((a, b) => b.length - a.length);

/** Markers of a branch (分支机构); it has its own licence and, normally, its own credit code. */
const BRANCH_MARKERS = ['分理处', '营业部', '办事处', '分中心', '分公司', '分厂', '分店', '分部', '分社', '分行', '支行'];

/** Bracketed notes that qualify the legal form rather than name a place or a unit. */
const FORM_NOTES = new Set(['有限合伙', '普通合伙', '特殊普通合伙', '集团', '控股', '股份']);

const BRACKETS: Record<string, string> = {
  '（': '(', '）': ')', '【': '(', '】': ')', '[': '(', ']': ')', '〔': '(', '〕': ')',
  '「': '(', '」': ')', '『': '(', '』': ')', '{': '(', '}': ')', '〈': '(', '〉': ')', '《': '(', '》': ')',
};
const BRACKET_RE = /[（）【】[\]〔〕「」『』{}〈〉《》]/g;
// Anything that is not a letter, digit or round bracket: punctuation, spaces, symbols.
const NOISE_RE = /[^\p{L}\p{N}()]/gu;
const ORDINAL_RE = /第?[一二三四五六七八九十\d]+$/;

/** Simplified script, half-width, one kind of bracket, no punctuation or spaces, Latin upper case. */
export function normaliseCompanyName(name: string | null | undefined): string {
  const text = toSimplified(normaliseText(name));
  return text.replace(BRACKET_RE, (c) => BRACKETS[c] ?? c).replace(NOISE_RE, '').toUpperCase();
}

export interface ParsedCompanyName {
  /** Trade name and industry word: no region prefix, no legal form, no brackets, no branch. */
  core: string;
  legalForm: string | null;
  /** The branch part, e.g. 乐清分公司 or 第二分厂; null for a head office or a single unit. */
  branch: string | null;
  /** Region named at the start (浙江省温州市) or, failing that, in brackets (乐清). */
  regionPrefix: string | null;
  /** Contents of every bracket pair, in order. */
  bracketed: string[];
}

function endsWithAny(s: string, list: readonly string[], before = s.length): string | null {
  for (const x of list) {
    if (before - x.length >= 0 && s.startsWith(x, before - x.length)) return x;
  }
  return null;
}

/** Splits `text (a) more (b)` into the outside text and the bracket contents. */
function splitBrackets(s: string): { outside: string; inside: string[] } {
  if (s.indexOf('(') < 0 && s.indexOf(')') < 0) return { outside: s, inside: [] };
  let outside = '';
  const inside: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (ch === '(') {
      if (depth > 0) current += ch;
      depth++;
    } else if (ch === ')') {
      if (depth === 0) continue; // stray closing bracket
      depth--;
      if (depth === 0) {
        if (current) inside.push(current);
        current = '';
      } else current += ch;
    } else if (depth > 0) current += ch;
    else outside += ch;
  }
  if (current) outside += current; // unclosed bracket: keep its text
  return { outside, inside };
}

/** Finds a trailing branch part; returns [parent, branch] or null. */
function splitBranch(text: string, regions: RegionNameIndex): [string, string] | null {
  const marker = endsWithAny(text, BRANCH_MARKERS);
  if (!marker) return null;
  const markerStart = text.length - marker.length;
  // The parent's legal form ends where the branch part starts: 华宇电气有限公司|乐清分公司.
  for (let p = markerStart; p >= 2; p--) {
    if (endsWithAny(text, LEGAL_FORMS, p)) return [text.slice(0, p), text.slice(p)];
  }
  // No legal form before it: take a place name or an ordinal (华宇电气乐清分公司, 华宇第二分厂).
  const head = text.slice(0, markerStart);
  const ordinal = head.match(ORDINAL_RE);
  let qualifier = ordinal ? ordinal[0].length : 0;
  if (!qualifier) {
    const towns = townshipShortNames();
    for (let len = Math.min(regions.maxLength, head.length - 2); len >= 2; len--) {
      const tail = head.slice(head.length - len);
      if (regions.bracketed.has(tail) || towns.has(tail)) {
        qualifier = len;
        break;
      }
    }
  }
  const parent = head.slice(0, head.length - qualifier);
  if (parent.length < 2) return null;
  return [parent, text.slice(parent.length)];
}

/**
 * Splits a firm name into region prefix, core, legal form and branch. `regionNames` limits the
 * region prefixes that are stripped; by default every province, prefecture and county full
 * name plus province and prefecture short forms (see region-names.ts for why county short
 * forms are left alone unless the firm's own county is known).
 */
export function parseCompanyName(name: string, regionNames?: RegionNameIndex): ParsedCompanyName {
  const regions = regionNames ?? nationalRegionNames();
  const { outside, inside } = splitBrackets(normaliseCompanyName(name));
  let text = outside;
  let bracketRegion: string | null = null;
  let formNote = '';
  let branch: string | null = null;
  for (const part of inside) {
    if (!bracketRegion && regions.bracketed.has(part)) bracketRegion = part;
    else if (FORM_NOTES.has(part)) formNote = part;
    else if (!branch && endsWithAny(part, BRANCH_MARKERS)) branch = part;
  }

  const split = splitBranch(text, regions);
  if (split) {
    text = split[0];
    branch = split[1];
  }

  let legalForm: string | null = null;
  const form = endsWithAny(text, LEGAL_FORMS);
  if (form && text.length > form.length) {
    text = text.slice(0, -form.length);
    legalForm = form;
  }
  if (formNote) legalForm = formNote === '集团' || formNote === '控股' ? formNote + (legalForm ?? '') : `${legalForm ?? ''}(${formNote})`;

  // Up to three levels: 浙江省温州市乐清市华宇电气 → 华宇电气. Keep at least two characters.
  let start = 0;
  for (let k = 0; k < 3; k++) {
    const len = matchRegionPrefix(text, regions, start);
    if (!len || text.length - start - len < 2) break;
    start += len;
  }
  const leading = start > 0 ? text.slice(0, start) : null;
  return {
    core: text.slice(start),
    legalForm,
    branch,
    regionPrefix: leading ?? bracketRegion,
    bracketed: inside,
  };
}

const PLACE_SUFFIX_RE = /(街道|镇|乡|市|县|区)$/;

/** The place or ordinal that tells a branch from its siblings: 乐清市分公司 → 乐清. */
export function branchQualifier(branch: string): string {
  const marker = endsWithAny(branch, BRANCH_MARKERS);
  const head = marker ? branch.slice(0, branch.length - marker.length) : branch;
  return head.replace(PLACE_SUFFIX_RE, '');
}

/**
 * True when two branch parts name different branches. An unqualified 分公司 matches any
 * branch: a department that dropped the place did not name another branch. A typo in the
 * place reads as another branch; that errs towards keeping rows apart.
 */
export function branchesDiffer(a: string, b: string): boolean {
  const qa = branchQualifier(a);
  const qb = branchQualifier(b);
  if (!qa || !qb) return false;
  // 柳市 and 柳市镇 (after the suffix cut) or 乐清 and 乐清市 are one place; 第一 and 第二 are not.
  return !qa.includes(qb) && !qb.includes(qa);
}

/** The blocking key: the normalised core without region prefix and legal form. */
export function nameKey(name: string, regionNames?: RegionNameIndex): string {
  return parseCompanyName(name, regionNames).core;
}

/**
 * Similarity of two cores in [0, 1]: edit similarity (one typo in a four-character core
 * leaves 0.75), lifted to 1 when one core is the other with a region name in front.
 */
export function coreSimilarity(a: string, b: string, regionNames?: RegionNameIndex): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  if (!a || !b) return 0;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 2 && longer.endsWith(shorter)) {
    const extra = longer.slice(0, longer.length - shorter.length);
    if ((regionNames ?? nationalRegionNames()).bracketed.has(extra)) return 1;
  }
  return editSimilarity(a, b);
}

/** Name similarity in [0, 1] for two raw names (parses both; prepared records skip that step). */
export function nameSimilarity(a: string, b: string): number {
  const pa = parseCompanyName(a);
  const pb = parseCompanyName(b);
  const core = coreSimilarity(pa.core, pb.core);
  if (core === 1) return 1;
  // Long names with shuffled parts are better served by bigrams than by edit distance.
  return Math.max(core, dice(bigrams(pa.core), bigrams(pb.core)));
}
