// Synthetic department registers with known truth, for tests, the demo and the 1 M / 10 M-row
// benchmark. Deterministic and streaming: entity i is derived from (seed, i) alone, so memory
// stays flat however many rows are drawn.
//
// Every 20 entities include three look-alikes that are NOT duplicates, to test precision:
//  - i ≡ 9:  a branch (…乐清分公司) of entity i−1, with its own credit code;
//  - i ≡ 14: a neighbour of entity i−1 with the same trade name, another industry word and
//            the next gate on the same road;
//  - i ≡ 19: a twin of entity i−1: the same name registered in the next county.
import { creditCodeCheck } from '../../../core/identifiers/credit-code.ts';
import { orgCodeCheck } from '../../../core/identifiers/org-code.ts';
import { industryClasses } from './industry.ts';
import { nationalRegionNames, regionByCode, shortRegionName, townshipNames } from './region-names.ts';
import { toTraditionalHk } from './text.ts';
import {
  DIVISION_WEIGHTS, DIVISION_WORDS, GIVEN_CHARS, LEGAL_FORM_SWAPS, ROAD_SUFFIXES, ROAD_WORDS, SURNAMES, TRADE_CHARS,
} from './synthetic-lexicon.ts';

export type Department = 'samr' | 'tax' | 'stats' | 'mee' | 'miit' | 'moa' | 'mwr' | 'mohurd' | 'other';

export interface SyntheticRow {
  credit_code: string;
  name: string;
  address: string;
  legal_rep: string;
  industry_code: string;
  phone: string;
  region_code: string;
}

export interface GenerateOptions {
  seed: number;
  entities: number;
  /** County codes (6 digits) the entities are spread over. */
  regions: string[];
  departments: Department[];
  /** Mean share of entities a department lists, 0–1 (default 0.7); SAMR and tax stay near-complete. */
  coverage?: number;
}

export interface SyntheticRecord {
  department: Department;
  rowNumber: number;
  entityId: number;
  row: SyntheticRow;
}

/** Per department: share of entities listed (at coverage 0.7) and share of rows with a credit code. */
const DEPARTMENT_PROFILE: Record<Department, { listed: number; credit: number; noise: number }> = {
  samr: { listed: 0.95, credit: 0.99, noise: 0.3 },
  tax: { listed: 0.9, credit: 0.98, noise: 0.6 },
  stats: { listed: 0.6, credit: 0.75, noise: 1 },
  mee: { listed: 0.5, credit: 0.35, noise: 1.3 },
  miit: { listed: 0.4, credit: 0.35, noise: 1.3 },
  moa: { listed: 0.3, credit: 0.3, noise: 1.3 },
  mwr: { listed: 0.25, credit: 0.4, noise: 1.2 },
  mohurd: { listed: 0.25, credit: 0.45, noise: 1.2 },
  other: { listed: 0.3, credit: 0.3, noise: 1.5 },
};

// splitmix32-style mixing and a mulberry32 stream: fast, good enough for test data.
function mix(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
type Rng = () => number;
function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rng, p: number) => r() < p;

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A trade name unique per entity index: 2 characters for the first 8,100, then 3, then 4. */
function tradeName(i: number, seed: number): string {
  const n = TRADE_CHARS.length;
  let len = 2;
  let base = 0;
  while (i - base >= n ** len) {
    base += n ** len;
    len++;
  }
  // 7919 is prime to 90^k, so this permutes each length band.
  let v = ((i - base) * 7919 + (seed % 1000)) % n ** len;
  let s = '';
  for (let k = 0; k < len; k++) {
    s += TRADE_CHARS[v % n];
    v = Math.floor(v / n);
  }
  // A trade name that is itself a place (金华, 东阳) would vanish with the region prefix.
  return nationalRegionNames().bracketed.has(s) ? s + TRADE_CHARS[(i + 7) % n] : s;
}

/** An organisation-code body unique per entity, over the characters a credit code allows. */
function orgBody(i: number, seed: number): string {
  let v = (i * 104729 + mix(seed) % 1_000_000) % 31 ** 8;
  let s = '';
  for (let k = 0; k < 8; k++) {
    s = USCC_CHARS[v % 31] + s;
    v = Math.floor(v / 31);
  }
  return s;
}

export function makeCreditCode(prefix: string, region: string, body: string): string {
  const first17 = prefix + region + body + orgCodeCheck(body);
  return first17 + creditCodeCheck(first17);
}

interface Place { county: string; prefecture: string; province: string; countyName: string; prefectureName: string; provinceName: string; towns: string[] }
const places = new Map<string, Place>();
function place(code: string): Place {
  let p = places.get(code);
  if (!p) {
    const county = regionByCode(code);
    const pref = regionByCode(`${code.slice(0, 4)}00`);
    const prov = regionByCode(`${code.slice(0, 2)}0000`);
    const towns = townshipNames(code).filter((t) => /(镇|街道|乡)$/.test(t));
    p = {
      county: code,
      prefecture: `${code.slice(0, 4)}00`,
      province: `${code.slice(0, 2)}0000`,
      countyName: county?.name ?? '城关县',
      prefectureName: pref && pref.name !== '市辖区' ? pref.name : '',
      provinceName: prov?.name ?? '',
      towns: towns.length ? towns : ['城关镇', '新城街道', '工业园镇'],
    };
    places.set(code, p);
  }
  return p;
}

let classesByDivision: Map<string, string[]> | null = null;
function classIn(division: string, r: Rng): string {
  if (!classesByDivision) {
    classesByDivision = new Map();
    for (const c of industryClasses()) {
      const list = classesByDivision.get(c.slice(0, 2)) ?? [];
      list.push(c);
      classesByDivision.set(c.slice(0, 2), list);
    }
  }
  return pick(r, classesByDivision.get(division) ?? ['3399']);
}
const WEIGHT_TOTAL = DIVISION_WEIGHTS.reduce((s, [, w]) => s + w, 0);
function division(r: Rng): string {
  let x = r() * WEIGHT_TOTAL;
  for (const [d, w] of DIVISION_WEIGHTS) if ((x -= w) < 0) return d;
  return '33';
}

/** The canonical (SAMR) facts of one entity. */
interface Entity {
  id: number;
  county: string;
  trade: string;
  industry: string;
  industryWord: string;
  placePrefix: string; // 乐清市 / 温州市 / 浙江 / ''
  legalForm: string;
  branch: string; // '' or 乐清分公司
  credit: string;
  town: string;
  road: string;
  gate: number;
  legalRep: string;
  phone: string; // digits
}

function baseEntity(i: number, seed: number, regions: string[]): Entity {
  const r = rng(mix(seed, i, 1));
  const county = regions[i % regions.length];
  const pl = place(county);
  const div = division(r);
  const words = DIVISION_WORDS[div] ?? ['实业'];
  const soleTrader = chance(r, 0.1);
  const legalForm = soleTrader ? pick(r, ['经营部', '店', '厂']) : div === '03' || div === '01' ? pick(r, ['有限公司', '农民专业合作社', '场']) : pick(r, ['有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司', '厂', '集团有限公司']);
  const prefixRoll = r();
  const placePrefix = prefixRoll < 0.6 ? pl.countyName : prefixRoll < 0.75 ? pl.prefectureName : prefixRoll < 0.9 ? shortRegionName(pl.provinceName) || pl.provinceName : '';
  const registeredAt = chance(r, 0.2) ? pl.prefecture : county; // a city bureau registers some firms
  const mobile = chance(r, 0.7);
  const phone = mobile
    ? `1${pick(r, ['3', '5', '7', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`
    : `0${String(500 + (mix(Number(pl.prefecture)) % 400))}${String(Math.floor(2e7 + r() * 7e7))}`;
  return {
    id: i, county, trade: tradeName(i, seed), industry: classIn(div, r), industryWord: words[0],
    placePrefix, legalForm, branch: '',
    credit: makeCreditCode(soleTrader ? '92' : '91', registeredAt, orgBody(i, seed)),
    town: pick(r, pl.towns), road: pick(r, ROAD_WORDS) + pick(r, ROAD_SUFFIXES), gate: 1 + Math.floor(r() * 299),
    legalRep: pick(r, SURNAMES) + pick(r, GIVEN_CHARS) + (chance(r, 0.7) ? pick(r, GIVEN_CHARS) : ''),
    phone,
  };
}

/** Entity i with its look-alike role applied (see the file header). */
export function syntheticEntity(i: number, seed: number, regions: string[]): Entity {
  const own = baseEntity(i, seed, regions);
  const role = i % 20;
  if (i === 0 || (role !== 9 && role !== 14 && role !== 19)) return own;
  const parent = syntheticEntity(i - 1, seed, regions);
  const r = rng(mix(seed, i, 2));
  // Branch and neighbour sit in the parent's county and are registered there.
  const localCredit = makeCreditCode(own.credit.slice(0, 2), parent.county, own.credit.slice(8, 16));
  if (role === 9) {
    const pl = place(parent.county);
    const where = chance(r, 0.5) ? shortRegionName(pl.countyName) || pl.countyName : pick(r, pl.towns).replace(/(镇|街道|乡)$/, '');
    return { ...own, county: parent.county, trade: parent.trade, industry: parent.industry, industryWord: parent.industryWord, placePrefix: parent.placePrefix, legalForm: parent.legalForm, branch: `${where}分公司`, town: parent.town, credit: localCredit };
  }
  if (role === 14) {
    const div = parent.industry.slice(0, 2);
    const words = DIVISION_WORDS[div] ?? ['实业'];
    const other = words.find((w) => w !== parent.industryWord) ?? '科技';
    return {
      ...own, county: parent.county, trade: parent.trade, industry: classIn(div, r), industryWord: other, placePrefix: parent.placePrefix,
      town: parent.town, road: parent.road, gate: parent.gate + 1 + Math.floor(r() * 5), credit: localCredit,
    };
  }
  // role 19: the same name in the next county (own county, own address and people).
  const pl = place(own.county);
  const placePrefix = parent.placePrefix === '' ? '' : pl.countyName;
  return { ...own, trade: parent.trade, industry: parent.industry, industryWord: parent.industryWord, legalForm: parent.legalForm, placePrefix };
}

function officialName(e: Entity): string {
  const form = e.legalForm === '集团有限公司' && e.branch ? '有限公司' : e.legalForm;
  return `${e.placePrefix}${e.trade}${e.industryWord}${form}${e.branch}`;
}

function officialAddress(e: Entity): string {
  const pl = place(e.county);
  return `${pl.provinceName}${pl.prefectureName}${pl.countyName}${e.town}${e.road}${e.gate}号`;
}

const FULL_WIDTH = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const CN_DIGITS = '〇一二三四五六七八九';
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return String(n);
}

/** One department's version of the entity's name: the distortions registers really show. */
function variantName(e: Entity, r: Rng, noise: number): string {
  const pl = place(e.county);
  let prefix = e.placePrefix;
  let trade = e.trade + e.industryWord;
  let form = e.legalForm === '集团有限公司' && e.branch ? '有限公司' : e.legalForm;
  let bracket = '';
  if (chance(r, 0.15 * noise)) prefix = '';
  else if (chance(r, 0.1 * noise)) prefix = pick(r, [pl.countyName, shortRegionName(pl.countyName), pl.prefectureName, shortRegionName(pl.provinceName)].filter(Boolean));
  if (chance(r, 0.08 * noise) && prefix) {
    bracket = `(${shortRegionName(prefix) || prefix})`;
    prefix = '';
  }
  for (const [from, to] of LEGAL_FORM_SWAPS) {
    if (form === from && chance(r, 0.15 * noise)) {
      form = to;
      break;
    }
  }
  if (chance(r, 0.04 * noise) && form.endsWith('公司')) form = '';
  if (chance(r, 0.05 * noise)) {
    const k = Math.floor(r() * (trade.length - 1));
    trade = chance(r, 0.5)
      ? trade.slice(0, k) + trade[k + 1] + trade[k] + trade.slice(k + 2) // neighbours swapped
      : trade.slice(0, k) + pick(r, TRADE_CHARS) + trade.slice(k + 1); // one character wrong
  }
  let name = `${prefix}${trade}${bracket}${form}${e.branch}`;
  if (chance(r, 0.03 * noise)) name = name.replace(/(.{2,4})/, '$1 ');
  return name;
}

function variantAddress(e: Entity, r: Rng, noise: number): string {
  const pl = place(e.county);
  const roll = r();
  const head = roll < 0.4 ? `${pl.provinceName}${pl.prefectureName}${pl.countyName}` : roll < 0.7 ? `${pl.prefectureName}${pl.countyName}` : roll < 0.9 ? pl.countyName : '';
  const gate = chance(r, 0.1 * noise) ? chineseNumber(e.gate) : String(e.gate);
  const building = chance(r, 0.1 * noise) ? `${1 + (e.gate % 5)}幢` : '';
  return `${head}${e.town}${e.road}${gate}号${building}`;
}

function variantPhone(phone: string, r: Rng, noise: number): string {
  if (chance(r, 0.1 * noise)) return '';
  const mobile = phone.startsWith('1');
  const roll = r();
  if (mobile) {
    if (roll < 0.5) return phone;
    if (roll < 0.65) return `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    if (roll < 0.8) return `0086-${phone}`;
    return `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
  }
  const area = phone.slice(0, 4);
  const local = phone.slice(4);
  if (roll < 0.5) return `${area}-${local}`;
  if (roll < 0.75) return `(${area})${local}`;
  return `+86 ${area.slice(1)} ${local}`;
}

/** Streams the rows of every department, entity by entity. */
export function* generateRegisters(opts: GenerateOptions): Generator<SyntheticRecord> {
  const { seed, entities, regions, departments } = opts;
  if (regions.length === 0) throw new Error('generateRegisters needs at least one county code');
  const scale = (opts.coverage ?? 0.7) / 0.7;
  const rowNumbers = new Map<Department, number>(departments.map((d) => [d, 0]));
  for (let i = 0; i < entities; i++) {
    const e = syntheticEntity(i, seed, regions);
    const pick0 = rng(mix(seed, i, 3));
    const chosen = departments.filter((d) => {
      const base = DEPARTMENT_PROFILE[d].listed;
      const listed = d === 'moa' && (e.industry.startsWith('0') || e.legalForm === '场') ? 0.9 : base;
      return pick0() < Math.min(0.99, listed * (d === 'samr' || d === 'tax' ? 1 : scale));
    });
    if (chosen.length === 0) chosen.push(departments[0]);
    for (const d of chosen) {
      const r = rng(mix(seed, i, 4, departments.indexOf(d)));
      const profile = DEPARTMENT_PROFILE[d];
      const noise = profile.noise;
      let credit = chance(r, profile.credit) ? e.credit : '';
      if (credit && chance(r, 0.05 * noise)) credit = chance(r, 0.5) ? credit.toLowerCase() : `${credit.slice(0, 6)} ${credit.slice(6, 12)} ${credit.slice(12)}`;
      let name = d === 'samr' && chance(r, 0.8) ? officialName(e) : variantName(e, r, noise);
      let address = d === 'samr' && chance(r, 0.7) ? officialAddress(e) : variantAddress(e, r, noise);
      let legalRep = chance(r, 0.12 * noise) ? '' : e.legalRep;
      if (chance(r, 0.03 * noise)) {
        name = toTraditionalHk(name);
        address = toTraditionalHk(address);
        legalRep = toTraditionalHk(legalRep);
      }
      if (chance(r, 0.05 * noise)) {
        name = FULL_WIDTH(name.replace(/[()]/g, (c) => (c === '(' ? '（' : '）')));
        address = FULL_WIDTH(address);
      }
      const changedPhone = chance(r, 0.06 * noise) ? `1${pick(r, ['3', '5', '8'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : e.phone;
      const n = (rowNumbers.get(d) ?? 0) + 1;
      rowNumbers.set(d, n);
      yield {
        department: d,
        rowNumber: n,
        entityId: e.id,
        row: {
          credit_code: credit,
          name,
          address,
          legal_rep: legalRep,
          industry_code: chance(r, 0.1 * noise) ? '' : chance(r, 0.15) ? e.industry.slice(0, 2) : e.industry,
          phone: variantPhone(changedPhone, r, noise),
          // SAMR files a firm under the bureau that registered it: sometimes the city's code.
          region_code: d === 'samr' && e.credit.slice(2, 8) !== e.county && chance(r, 0.5) ? e.credit.slice(2, 8) : e.county,
        },
      };
    }
  }
}
