// Pairwise matching of register rows for the directory (名录库). Pure and fast: every
// string is normalised once in prepareRecord, so scorePair only compares prepared values.
//
// The decision rules, strongest first:
//  1. Two different valid credit codes are two legal units: apart, whatever else agrees.
//  2. The same valid credit code is one legal unit: merge. A unit with several sites keeps
//     them under one record (the inventory form has 其他厂址), so distance does not split it.
//     Exception: one row is a branch (分公司…) and the other is not. A branch has its own
//     credit code, so a shared code there means a department filed the parent's code on the
//     branch row; that goes to review, not merge.
//  3. A branch and a non-branch, or two different branches, are apart.
//  4. Otherwise evidence is weighed (log-odds, below) and capped: nothing merges on the name
//     alone, nor across counties, nor more than 5 km apart; those go to review at most.
import { checkCreditCode } from '../../../core/identifiers/credit-code.ts';
import { normaliseAddress, houseNumber, addressSimilarityNormalised } from './address.ts';
import { industrySection, normaliseIndustryCode } from './industry.ts';
import { branchesDiffer, coreSimilarity, parseCompanyName } from './names.ts';
import { nationalRegionNames, regionNamesFor } from './region-names.ts';
import { bigrams, editDistance } from './similarity.ts';
import { normalisePhone, normaliseText, toSimplified } from './text.ts';

export interface MatchRecord {
  key: string;
  creditCode: string | null;
  name: string;
  address: string | null;
  legalRep: string | null;
  phone: string | null;
  regionCode: string;
  industryCode?: string | null;
  lat?: number | null;
  lng?: number | null;
}

export interface PreparedRecord extends MatchRecord {
  creditValid: boolean;
  /** Normalised credit code whenever one was given, valid or not. */
  creditNorm: string | null;
  parsed: ReturnType<typeof parseCompanyName>;
  nameKey: string;
  addressNorm: string | null;
  phoneNorm: string | null;
  legalRepNorm: string | null;
  // Derived once here so scorePair allocates nothing:
  county: string;
  isBranch: boolean;
  /** Bracketed notes that name a unit rather than a place, e.g. 一厂, joined. */
  unitNote: string;
  addressGrams: Float64Array | null;
  houseNo: string;
  industryNorm: string | null;
}

export interface Thresholds {
  merge: number;
  review: number;
}

export interface PairDecision {
  score: number;
  decision: 'merge' | 'review' | 'apart';
  reasons: string[];
}

const EMPTY_VALUES = new Set(['', '无', '暂无', '不详', '未知', '空', 'NULL', 'NONE', 'N/A', '-', '/', '0']);
const PERSON_NOISE = /[\s·•.。,，()（）]/g;

/** null for blanks and placeholder values (无, 不详, N/A); other text passes unchanged. */
function clean(s: string | null | undefined): string | null {
  if (!s) return null;
  // Placeholders are short; longer text is normalised by the field's own normaliser.
  if (s.length > 8) return s;
  const t = normaliseText(s);
  return EMPTY_VALUES.has(t.toUpperCase()) ? null : t;
}

const FORM_NOTE_RE = /^(有限合伙|普通合伙|特殊普通合伙|集团|控股|股份)$/;

export function prepareRecord(r: MatchRecord): PreparedRecord {
  const county = (r.regionCode ?? '').slice(0, 6);
  const regions = /^\d{6}$/.test(county) ? regionNamesFor(county) : nationalRegionNames();
  const rawCredit = clean(r.creditCode);
  const credit = rawCredit ? checkCreditCode(rawCredit) : null;
  const parsed = parseCompanyName(r.name ?? '', regions);
  const rawAddress = clean(r.address);
  const addressNorm = rawAddress ? normaliseAddress(rawAddress, regions) || null : null;
  const rawRep = clean(r.legalRep);
  const legalRepNorm = rawRep ? toSimplified(normaliseText(rawRep)).replace(PERSON_NOISE, '') || null : null;
  const rawIndustry = clean(r.industryCode ?? null);
  let unitNote = '';
  for (const b of parsed.bracketed) {
    if (regions.bracketed.has(b) || b === parsed.branch || FORM_NOTE_RE.test(b)) continue;
    unitNote = unitNote ? `${unitNote}|${b}` : b;
  }
  // Fields copied one by one: an object spread here measured 15 µs a record under tsx,
  // more than all the normalising together.
  return {
    key: r.key,
    creditCode: r.creditCode,
    name: r.name,
    address: r.address,
    legalRep: r.legalRep,
    phone: r.phone,
    regionCode: r.regionCode,
    industryCode: r.industryCode ?? null,
    lat: r.lat ?? null,
    lng: r.lng ?? null,
    creditValid: credit?.ok ?? false,
    creditNorm: credit?.normalised || null,
    parsed,
    nameKey: parsed.core,
    addressNorm,
    phoneNorm: normalisePhone(r.phone),
    legalRepNorm,
    county,
    isBranch: parsed.branch !== null,
    unitNote,
    addressGrams: addressNorm ? bigrams(addressNorm) : null,
    houseNo: addressNorm ? houseNumber(addressNorm) : '',
    industryNorm: rawIndustry ? normaliseIndustryCode(rawIndustry) : null,
  };
}

// The road and gate of an address (长虹路8号), so firms behind one gate meet in a block.
const ROAD_RE = /([^镇乡区县市村道\d]{1,4}(?:大道|大街|路|街|巷))(\d+)(?:-\d+)?(?:号|弄)/u;

/**
 * Blocking keys; the matcher compares only rows that share one. Each key finds duplicates the
 * others miss:
 *  - c:  the credit code; finds renamed and moved firms. Valid codes only: a mistyped code
 *        would only meet its own copies.
 *  - n:  county + name core; the common case of the same firm with variant names.
 *  - np: prefecture + name core; rows filed under the prefecture's code, and namesakes next door.
 *  - n2: prefecture + first two characters of the core (the trade name); survives a typo or
 *        a changed industry word after the trade name.
 *  - p:  phone; survives a typo in the trade name itself. Local numbers without an area
 *        code are scoped to the county. An agency's phone shared by many firms makes a big
 *        block: the job should cap block sizes.
 *  - a:  prefecture + road + house number; firms behind one gate, whatever their names.
 * Keys other than n: use the prefecture, so rows filed under the city bureau's code still meet.
 */
export function blockingKeys(p: PreparedRecord): string[] {
  const keys: string[] = [];
  const prefecture = p.county.slice(0, 4);
  if (p.creditValid && p.creditNorm) keys.push(`c:${p.creditNorm}`);
  if (p.nameKey.length >= 2) {
    keys.push(`n:${p.county}:${p.nameKey}`);
    // The prefecture: a row filed under the city bureau's code (330300) meets its county rows
    // (330382), and namesakes in neighbouring counties are compared and told apart.
    keys.push(`np:${prefecture}:${p.nameKey}`);
    if (p.nameKey.length > 2) keys.push(`n2:${prefecture}:${p.nameKey.slice(0, 2)}`);
  }
  if (p.phoneNorm) keys.push(p.phoneNorm.length >= 10 ? `p:${p.phoneNorm}` : `p:${p.county}:${p.phoneNorm}`);
  if (p.addressNorm) {
    const m = p.addressNorm.match(ROAD_RE);
    if (m) keys.push(`a:${prefecture}:${m[1]}${m[2]}`);
    else if (p.addressNorm.length >= 6) keys.push(`a:${prefecture}:${p.addressNorm}`);
  }
  return keys;
}

export const DEFAULT_THRESHOLDS: Thresholds = { merge: 0.8, review: 0.2 };

// Evidence weights, roughly log-odds that the two rows are one unit. Tuned on the synthetic
// registers (synthetic.ts) and the labelled pairs in match-score.test.ts.
const W = {
  nameExact: 6,
  nameClose: 5, // similarity ≥ 0.85
  nameSimilar: 3, // ≥ 0.7: one typo in a four-character core
  nameDifferent: -6, // < 0.5
  addressSame: 4, // ≥ 0.9
  addressSimilar: 2.5, // ≥ 0.7
  addressDifferent: -2.5, // < 0.45
  phoneSame: 4,
  phoneDifferent: -1, // firms change contact numbers; weak
  repSame: 3,
  repTypo: 1,
  repDifferent: -2,
  creditTextSame: 5, // the same invalid code on both rows: copied from one source
  creditTypo: 3, // one character apart
  countySame: 1,
  countyDifferent: -3,
  industryClass: 1,
  industryDivision: 0.5,
  industrySection: -1.5,
  near: 1.5, // < 300 m
  far: -5, // > 5 km
};
// score = logistic((sum − CENTRE) / SPREAD): the default thresholds 0.8 / 0.2 sit at sums of
// about 9.6 / 5.4, i.e. name + one strong corroboration merges, name + county reviews.
const CENTRE = 7.5;
const SPREAD = 1.5;
const CORROBORATION = new Set(['ADDRESS_SIMILAR', 'SAME_PHONE', 'SAME_LEGAL_REP', 'SAME_CREDIT_TEXT', 'SIMILAR_CREDIT_CODE']);

function decide(score: number, t: Thresholds): PairDecision['decision'] {
  return score >= t.merge ? 'merge' : score >= t.review ? 'review' : 'apart';
}

function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** Equal, or a local number (61234567) against the same number with its area code. */
function samePhone(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length <= 8 && long.startsWith('0') && long.length - short.length <= 4 && long.endsWith(short);
}

function hasCoords(p: PreparedRecord): boolean {
  return typeof p.lat === 'number' && typeof p.lng === 'number' && Number.isFinite(p.lat) && Number.isFinite(p.lng);
}

export function scorePair(a: PreparedRecord, b: PreparedRecord, t: Thresholds = DEFAULT_THRESHOLDS): PairDecision {
  // 1–2. Valid credit codes decide on their own.
  if (a.creditValid && b.creditValid) {
    if (a.creditNorm !== b.creditNorm) return { score: 0, decision: 'apart', reasons: ['DIFFERENT_CREDIT_CODES'] };
    if (a.isBranch !== b.isBranch) return { score: (t.merge + t.review) / 2, decision: 'review', reasons: ['SAME_CREDIT_CODE', 'BRANCH_VS_PARENT'] };
    return { score: 1, decision: 'merge', reasons: ['SAME_CREDIT_CODE'] };
  }
  // 3. Branches.
  if (a.isBranch !== b.isBranch) return { score: 0, decision: 'apart', reasons: ['BRANCH_VS_PARENT'] };
  if (a.isBranch && b.isBranch && branchesDiffer(a.parsed.branch!, b.parsed.branch!)) {
    return { score: 0, decision: 'apart', reasons: ['DIFFERENT_BRANCHES'] };
  }
  if (a.unitNote && b.unitNote && a.unitNote !== b.unitNote) return { score: 0, decision: 'apart', reasons: ['DIFFERENT_BRANCHES'] };

  // 4. Weigh the evidence.
  const reasons: string[] = [];
  let sum = 0;
  const name = coreSimilarity(a.nameKey, b.nameKey, nationalRegionNames());
  if (name === 1) {
    sum += W.nameExact;
    reasons.push('NAME_EXACT');
  } else if (name >= 0.85) {
    sum += W.nameClose;
    reasons.push('NAME_SIMILAR');
  } else if (name >= 0.7) {
    sum += W.nameSimilar;
    reasons.push('NAME_SIMILAR');
  } else if (name < 0.5) {
    sum += W.nameDifferent;
    reasons.push('NAME_DIFFERENT');
  }

  if (a.addressNorm && b.addressNorm) {
    const s = addressSimilarityNormalised(a.addressNorm, b.addressNorm, a.addressGrams!, b.addressGrams!, a.houseNo, b.houseNo);
    if (s >= 0.9) {
      sum += W.addressSame;
      reasons.push('ADDRESS_SIMILAR');
    } else if (s >= 0.7) {
      sum += W.addressSimilar;
      reasons.push('ADDRESS_SIMILAR');
    } else if (s < 0.45) {
      sum += W.addressDifferent;
      reasons.push('ADDRESS_DIFFERENT');
    }
  }

  if (a.phoneNorm && b.phoneNorm) {
    if (samePhone(a.phoneNorm, b.phoneNorm)) {
      sum += W.phoneSame;
      reasons.push('SAME_PHONE');
    } else {
      sum += W.phoneDifferent;
      reasons.push('DIFFERENT_PHONE');
    }
  }

  if (a.legalRepNorm && b.legalRepNorm) {
    if (a.legalRepNorm === b.legalRepNorm) {
      sum += W.repSame;
      reasons.push('SAME_LEGAL_REP');
    } else if (editDistance(a.legalRepNorm, b.legalRepNorm) === 1 && Math.min(a.legalRepNorm.length, b.legalRepNorm.length) >= 2) {
      sum += W.repTypo;
    } else {
      sum += W.repDifferent;
      reasons.push('DIFFERENT_LEGAL_REP');
    }
  }

  // Invalid codes still carry weight when both rows have them.
  if (a.creditNorm && b.creditNorm) {
    if (a.creditNorm === b.creditNorm) {
      sum += W.creditTextSame;
      reasons.push('SAME_CREDIT_TEXT');
    } else if (a.creditNorm.length === b.creditNorm.length && editDistance(a.creditNorm, b.creditNorm) === 1) {
      sum += W.creditTypo;
      reasons.push('SIMILAR_CREDIT_CODE');
    }
  }

  // A prefecture-level code (city bureau registration) neither confirms nor contradicts a
  // county under it.
  const sameCounty = a.county === b.county;
  const nested = !sameCounty && a.county.slice(0, 4) === b.county.slice(0, 4) && (a.county.endsWith('00') || b.county.endsWith('00'));
  if (sameCounty) sum += W.countySame;
  else if (!nested) {
    sum += W.countyDifferent;
    reasons.push('DIFFERENT_COUNTY');
  }
  const sameArea = sameCounty || nested;

  if (a.industryNorm && b.industryNorm) {
    if (a.industryNorm === b.industryNorm && a.industryNorm.length === 4) sum += W.industryClass;
    else if (a.industryNorm.slice(0, 2) === b.industryNorm.slice(0, 2)) sum += W.industryDivision;
    else if (industrySection(a.industryNorm) !== industrySection(b.industryNorm)) {
      sum += W.industrySection;
      reasons.push('DIFFERENT_INDUSTRY');
    }
  }

  let far = false;
  if (hasCoords(a) && hasCoords(b)) {
    const d = distanceKm(a.lat!, a.lng!, b.lat!, b.lng!);
    if (d > 5) {
      sum += W.far;
      far = true;
      reasons.push('FAR_APART');
    } else if (d < 0.3) sum += W.near;
  }

  let score = 1 / (1 + Math.exp(-(sum - CENTRE) / SPREAD));
  const corroborated = reasons.some((r) => CORROBORATION.has(r));
  // Caps: a name alone, another county, a far site or a different name never merge.
  if (score >= t.merge && (!corroborated || !sameArea || far || name < 0.5)) score = Math.min(score, t.merge - 0.01);
  // Another county with nothing but the name is not even worth a review.
  if (!sameArea && !corroborated) score = Math.min(score, t.review - 0.01);
  const rounded = Math.round(score * 1000) / 1000;
  return { score: rounded, decision: decide(rounded, t), reasons };
}
