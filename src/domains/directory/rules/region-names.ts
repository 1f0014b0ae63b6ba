// Region names as they appear inside firm names and addresses: 浙江省 / 浙江, 温州市 / 温州,
// 乐清市 / 乐清, 延边朝鲜族自治州 / 延边. Built once, lazily, from the region registry rows.
//
// Imported straight from regions/tree.ts rather than the regions index: the index pulls in
// routes and the database, and these rules must stay pure.
import { buildRegionRows, type RegionRow } from '../../regions/tree.ts';

export interface RegionNameIndex {
  /** Names that may be stripped from the start of a name or address, mapped to their region code. */
  readonly prefixes: ReadonlyMap<string, string>;
  /** The same names by first character, longest first, for a quick prefix test. */
  readonly byFirstChar: ReadonlyMap<string, readonly string[]>;
  /** Names recognised when they stand alone in brackets: 华为技术(乐清)有限公司. */
  readonly bracketed: ReadonlyMap<string, string>;
  readonly maxLength: number;
}

// The 56 recognised ethnic groups, longest first, to cut 朝鲜族 out of 延边朝鲜族自治州.
const ETHNIC = [
  '柯尔克孜', '乌孜别克', '维吾尔', '哈萨克', '达斡尔', '塔吉克', '俄罗斯', '鄂温克', '鄂伦春', '塔塔尔',
  '蒙古', '布依', '朝鲜', '土家', '哈尼', '傈僳', '高山', '拉祜', '东乡', '纳西', '景颇', '仫佬', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '德昂', '保安', '裕固', '独龙', '门巴', '珞巴', '基诺',
  '汉', '回', '藏', '苗', '彝', '壮', '满', '侗', '瑶', '白', '傣', '黎', '佤', '畲', '水', '土', '羌', '怒', '京', '各',
];
const AUTONOMY = ['特别行政区', '自治区', '自治州', '自治县', '自治旗'];
// Plain administrative suffixes, longest first.
const SUFFIXES = ['地区', '林区', '特区', '省', '市', '区', '县', '旗', '盟'];

// Registry placeholders and district names that are ordinary words (城区 "urban area").
const NOT_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', '城区', '郊区', '矿区', '东区', '西区', '新区']);

/** The name without its administrative suffix: 乐清市 → 乐清, 延边朝鲜族自治州 → 延边; '' when too short. */
export function shortRegionName(name: string): string {
  let s = name;
  const autonomy = AUTONOMY.find((a) => s.endsWith(a));
  if (autonomy) {
    s = s.slice(0, -autonomy.length);
    // Peel ethnic names off the end (黔东南苗族侗族 → 黔东南); keep the place if only an
    // ethnic name is left (东乡族自治县 → 东乡).
    for (;;) {
      const body = s.endsWith('族') ? s.slice(0, -1) : s;
      // Never peel down to one character: 内蒙古 and 西藏 end in ethnic names too.
      const ethnic = ETHNIC.find((e) => body.endsWith(e) && body.length - e.length >= 2);
      if (!ethnic) {
        if (s.endsWith('族') && ETHNIC.includes(body)) s = body;
        break;
      }
      s = body.slice(0, -ethnic.length);
    }
  } else {
    const suffix = SUFFIXES.find((x) => s.endsWith(x) && s.length > x.length);
    if (suffix) s = s.slice(0, -suffix.length);
  }
  return s.length >= 2 && s !== name ? s : '';
}

function usable(name: string): boolean {
  return name.length >= 2 && !NOT_NAMES.has(name) && !name.startsWith('第');
}

function build(rows: Iterable<Pick<RegionRow, 'code' | 'name' | 'level'>>, allShortForms: boolean): RegionNameIndex {
  const prefixes = new Map<string, string>();
  const bracketed = new Map<string, string>();
  let maxLength = 0;
  const add = (map: Map<string, string>, name: string, code: string) => {
    if (!map.has(name)) map.set(name, code);
    if (name.length > maxLength) maxLength = name.length;
  };
  for (const r of rows) {
    if (r.level === 'township' || !usable(r.name)) continue;
    add(prefixes, r.name, r.code);
    add(bracketed, r.name, r.code);
    const short = shortRegionName(r.name);
    if (!short || NOT_NAMES.has(short)) continue;
    add(bracketed, short, r.code);
    // A county's short form is often an ordinary trade word (长安, 光明, 东方): only strip it
    // from the start of a name when we know the firm is in that county (see regionNamesFor).
    if (allShortForms || r.level !== 'county') add(prefixes, short, r.code);
  }
  return { prefixes, byFirstChar: firstCharIndex(prefixes), bracketed, maxLength };
}

function firstCharIndex(prefixes: ReadonlyMap<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of prefixes.keys()) {
    const list = out.get(name[0]) ?? [];
    list.push(name);
    out.set(name[0], list);
  }
  for (const list of out.values()) list.sort((a, b) => b.length - a.length);
  return out;
}

let national: RegionNameIndex | null = null;
let allRows: RegionRow[] | null = null;
let byCode: Map<string, RegionRow> | null = null;

// Reading the registry takes a few hundred milliseconds: once per process.
function rowsOnce(): RegionRow[] {
  allRows ??= buildRegionRows();
  return allRows;
}

function registryRows(): Map<string, RegionRow> {
  if (!byCode) {
    byCode = new Map();
    for (const r of rowsOnce()) if (r.level !== 'township') byCode.set(r.code, r);
  }
  return byCode;
}

/** Every province, prefecture and county name in the country (county short forms only in brackets). */
export function nationalRegionNames(): RegionNameIndex {
  national ??= build(registryRows().values(), false);
  return national;
}

const scoped = new Map<string, RegionNameIndex>();

/**
 * The names of one county and the prefecture and province above it, all forms included
 * (for a prefecture code: the prefecture, its province and all its counties).
 * A firm in 乐清 (330382) may call itself 乐清, 乐清市, 温州, 温州市, 浙江 or 浙江省; the
 * registering authority is one of these, so all of them are noise when comparing names.
 */
export function regionNamesFor(regionCode: string): RegionNameIndex {
  const county = (regionCode ?? '').slice(0, 6);
  let index = scoped.get(county);
  if (index) return index;
  const rows = registryRows();
  const chain = [`${county.slice(0, 2)}0000`, `${county.slice(0, 4)}00`, county]
    .map((c) => rows.get(c))
    .filter((r): r is RegionRow => r !== undefined);
  if (chain.length === 0) return nationalRegionNames(); // unknown code: fall back to the country
  // A prefecture-level code (a firm registered by the city bureau) may sit in any of its
  // counties, so their names are noise too.
  if (county.endsWith('00') && !county.endsWith('0000')) {
    for (const r of rows.values()) if (r.level === 'county' && r.parent_code === county) chain.push(r);
  }
  index = build(chain, true);
  // Brackets may still name any region in the country: 华为技术(深圳)有限公司 in 乐清.
  const n = nationalRegionNames();
  index = { ...index, bracketed: n.bracketed, maxLength: Math.max(index.maxLength, n.maxLength) };
  scoped.set(county, index);
  return index;
}

/** Builds an index from caller-supplied rows (tests, or a browser without the registry package). */
export function regionNamesFromRows(rows: Iterable<Pick<RegionRow, 'code' | 'name' | 'level'>>): RegionNameIndex {
  return build(rows, false);
}

/** Length of the longest region name at `from` in `s`, or 0. */
export function matchRegionPrefix(s: string, index: RegionNameIndex, from = 0): number {
  const candidates = index.byFirstChar.get(s.charAt(from));
  if (!candidates) return 0;
  for (const name of candidates) if (s.startsWith(name, from)) return name.length;
  return 0;
}

/** A region's name by code, for the synthetic registers and messages. */
export function regionByCode(code: string): RegionRow | undefined {
  return registryRows().get(code);
}

let townshipShort: Set<string> | null = null;

/**
 * Township names without 镇 / 乡 / 街道 (柳市, 蒲鞋市): branches are often named after one
 * (华宇电气柳市分公司). Only used to find where a branch qualifier starts, never stripped.
 */
export function townshipShortNames(): Set<string> {
  if (!townshipShort) {
    townshipShort = new Set();
    for (const r of rowsOnce()) {
      if (r.level !== 'township') continue;
      const short = r.name.replace(/(街道办事处|街道|镇|乡|民族乡|苏木|地区办事处|办事处)$/, '');
      if (short.length >= 2 && short.length <= 5) townshipShort.add(short);
    }
  }
  return townshipShort;
}

/** Township rows below a county, for the synthetic registers. */
let townships: Map<string, string[]> | null = null;
export function townshipNames(countyCode: string): string[] {
  if (!townships) {
    townships = new Map();
    for (const r of rowsOnce()) {
      if (r.level !== 'township' || !r.parent_code) continue;
      const list = townships.get(r.parent_code) ?? [];
      list.push(r.name);
      townships.set(r.parent_code, list);
    }
  }
  return townships.get(countyCode) ?? [];
}
