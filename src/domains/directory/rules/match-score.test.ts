import { describe, expect, it } from 'vitest';
import { blockingKeys, DEFAULT_THRESHOLDS, prepareRecord, scorePair, type MatchRecord, type PairDecision } from './match-score.ts';

// Valid credit codes (GB 32100 and GB 11714 checks hold), registered in 乐清 330382 unless noted.
const C1 = '91330382MA2AB3C47E';
const C2 = '91330381MA2CDEF576'; // 瑞安
const C3 = '91330382145827367J';
const C5 = '91330382MA2KL9M16K';
const C6 = '91330300MA2YY00159'; // the Wenzhou city bureau
const C1_TYPO = '91330382MA2AB3C47F'; // wrong check character

const BASE: MatchRecord = {
  key: 'a',
  creditCode: null,
  name: '乐清市华宇电气有限公司',
  address: '浙江省温州市乐清市柳市镇长虹路8号',
  legalRep: '张伟',
  phone: '13812345678',
  regionCode: '330382',
  industryCode: '3823',
};
const r = (over: Partial<MatchRecord>): MatchRecord => ({ ...BASE, ...over });
const bare = (over: Partial<MatchRecord>): MatchRecord => ({ ...BASE, address: null, legalRep: null, phone: null, industryCode: null, ...over });

type Case = [label: string, a: MatchRecord, b: MatchRecord, decision: PairDecision['decision'], reasons?: string[]];

const CASES: Case[] = [
  // Credit codes decide on their own
  ['same valid code, same row', r({ creditCode: C1 }), r({ creditCode: C1 }), 'merge', ['SAME_CREDIT_CODE']],
  ['same valid code, firm renamed and moved', r({ creditCode: C1 }), r({ creditCode: C1, name: '浙江宏达机械有限公司', address: '乐清市北白象镇西溪街226号', phone: '13900001111' }), 'merge'],
  ['same valid code, second site 30 km away', r({ creditCode: C1, lat: 28.1, lng: 120.9 }), r({ creditCode: C1, lat: 28.35, lng: 120.95 }), 'merge'],
  ['same valid code written in lower case with spaces', r({ creditCode: C1 }), r({ creditCode: '913303 82ma2ab3 c47e', name: '华宇电气' }), 'merge'],
  ['different valid codes, identical everything else', r({ creditCode: C1 }), r({ creditCode: C3 }), 'apart', ['DIFFERENT_CREDIT_CODES']],
  ['different valid codes, one a branch', r({ creditCode: C1 }), r({ creditCode: C5, name: '乐清市华宇电气有限公司柳市分公司' }), 'apart', ['DIFFERENT_CREDIT_CODES']],
  ['same valid code on a branch and its parent', r({ creditCode: C1 }), r({ creditCode: C1, name: '乐清市华宇电气有限公司柳市分公司' }), 'review', ['SAME_CREDIT_CODE', 'BRANCH_VS_PARENT']],
  ['the same invalid code copied to both rows', r({ creditCode: C1_TYPO, address: null, phone: null, legalRep: null }), r({ creditCode: C1_TYPO, name: '华宇电气有限责任公司', address: null, phone: null, legalRep: null }), 'merge', ['NAME_EXACT', 'SAME_CREDIT_TEXT']],
  ['a valid code and the same code with one typo', bare({ creditCode: C1 }), bare({ creditCode: C1_TYPO }), 'merge', ['NAME_EXACT', 'SIMILAR_CREDIT_CODE']],
  ['a valid code and an unrelated invalid code, same firm otherwise', r({ creditCode: C1 }), r({ creditCode: '12345' }), 'merge'],

  // Branches
  ['parent and branch at one address and phone', r({}), r({ name: '乐清市华宇电气有限公司柳市分公司' }), 'apart', ['BRANCH_VS_PARENT']],
  ['parent with a code, branch without', r({ creditCode: C1 }), r({ name: '华宇电气柳市分公司' }), 'apart', ['BRANCH_VS_PARENT']],
  ['two branches in different towns', r({ name: '华宇电气有限公司柳市分公司' }), r({ name: '华宇电气有限公司虹桥分公司' }), 'apart', ['DIFFERENT_BRANCHES']],
  ['first and second works', r({ name: '华宇电气有限公司第一分厂' }), r({ name: '华宇电气有限公司第二分厂' }), 'apart', ['DIFFERENT_BRANCHES']],
  ['bracketed works numbers', r({ name: '华宇电气有限公司(一厂)' }), r({ name: '华宇电气有限公司(二厂)' }), 'apart', ['DIFFERENT_BRANCHES']],
  ['one branch written two ways', r({ name: '乐清市华宇电气有限公司柳市分公司' }), r({ name: '华宇电气有限公司柳市镇分公司' }), 'merge'],
  ['a branch with and without its place', r({ name: '华宇电气有限公司柳市分公司' }), r({ name: '华宇电气有限公司分公司' }), 'merge'],

  // Name variants of one firm
  ['有限公司 vs 有限责任公司, one without a code', r({ creditCode: C1 }), r({ name: '乐清市华宇电气有限责任公司' }), 'merge', ['NAME_EXACT', 'ADDRESS_SIMILAR', 'SAME_PHONE', 'SAME_LEGAL_REP']],
  ['region prefix dropped, same phone', bare({ phone: '13812345678' }), bare({ name: '华宇电气有限公司', phone: '138-1234-5678' }), 'merge', ['NAME_EXACT', 'SAME_PHONE']],
  ['region in brackets, same address', bare({ address: '柳市镇长虹路8号' }), bare({ name: '华宇电气(乐清)有限公司', address: '乐清市柳市镇长虹路八号' }), 'merge'],
  ['traditional script, same address', bare({ address: '柳市镇长虹路8号' }), bare({ name: '樂清市華宇電氣有限公司', address: '樂清市柳市鎮長虹路8號' }), 'merge'],
  ['full-width text and an international phone', r({}), r({ name: '乐清市华宇电气有限公司（乐清）', address: '柳市镇长虹路８号', phone: '+86 138 1234 5678' }), 'merge'],
  ['county short form in front, same legal rep', bare({ legalRep: '张伟' }), bare({ name: '乐清华宇电气有限公司', legalRep: '张 伟' }), 'merge', ['NAME_EXACT', 'SAME_LEGAL_REP']],
  ['Latin letters in another case', bare({ name: 'ABC科技有限公司', phone: '13812345678' }), bare({ name: 'abc科技有限公司', phone: '13812345678' }), 'merge'],
  ['local number and the same number with its area code', bare({ phone: '0577-61234567' }), bare({ phone: '6123 4567' }), 'merge', ['NAME_EXACT', 'SAME_PHONE']],
  ['one typo in the name, same address and phone', r({}), r({ name: '乐清市华字电气有限公司', legalRep: null }), 'merge', ['NAME_SIMILAR', 'ADDRESS_SIMILAR', 'SAME_PHONE']],
  ['swapped characters, same address and legal rep', r({ phone: null }), r({ name: '乐清市宇华电气有限公司', phone: null }), 'merge'],
  ['legal rep with a typo, same name and address', r({ phone: null }), r({ legalRep: '张玮', phone: null }), 'merge'],
  ['legal rep changed, same name, address and phone', r({}), r({ legalRep: '李娜' }), 'merge', ['NAME_EXACT', 'ADDRESS_SIMILAR', 'SAME_PHONE', 'DIFFERENT_LEGAL_REP']],
  ['city-bureau region code against the county code', r({ regionCode: '330300', creditCode: C6 }), r({ name: '华宇电气有限公司' }), 'merge'],

  // Not enough to merge
  ['one typo in the name, same address only', bare({ address: '柳市镇长虹路8号' }), bare({ name: '乐清市华字电气有限公司', address: '柳市镇长虹路8号' }), 'review', ['NAME_SIMILAR', 'ADDRESS_SIMILAR']],
  ['the same name and county, nothing else', bare({}), bare({ name: '华宇电气有限责任公司' }), 'review', ['NAME_EXACT']],
  ['the same name and county, phones differ', bare({ phone: '13812345678' }), bare({ phone: '13987654321' }), 'review', ['NAME_EXACT', 'DIFFERENT_PHONE']],
  ['renamed firm without codes: same gate, phone and legal rep', r({}), r({ name: '乐清市宏达机械有限公司' }), 'review', ['NAME_DIFFERENT', 'ADDRESS_SIMILAR', 'SAME_PHONE', 'SAME_LEGAL_REP']],
  ['same name and address but sites 8 km apart', r({ lat: 28.1, lng: 120.9 }), r({ lat: 28.17, lng: 120.9 }), 'review', ['FAR_APART']],
  ['same name, phone and address in another section of industry', r({ industryCode: '0313' }), r({ industryCode: '3823', legalRep: null, phone: null }), 'review', ['NAME_EXACT', 'ADDRESS_SIMILAR', 'DIFFERENT_INDUSTRY']],
  ['sole trader with and without the town in the name', bare({ name: '乐清市柳市张三五金店', address: '柳市镇长虹路8号', phone: '13812345678' }), bare({ name: '张三五金店', address: '柳市镇长虹路8号', phone: '13812345678' }), 'review'],

  // Look-alikes that are different units
  ['the same name in two counties, nothing else shared', bare({ regionCode: '330382' }), bare({ name: '瑞安市华宇电气有限公司', regionCode: '330381' }), 'apart', ['NAME_EXACT', 'DIFFERENT_COUNTY']],
  ['the same name in two counties, same phone', bare({ phone: '13812345678' }), bare({ name: '华宇电气有限公司', regionCode: '330381', phone: '13812345678' }), 'review', ['DIFFERENT_COUNTY', 'SAME_PHONE']],
  ['the same name in two counties, phone, rep and street shared', r({}), r({ regionCode: '330381', address: '瑞安市柳市镇长虹路8号', creditCode: null }), 'review', ['DIFFERENT_COUNTY']],
  ['different valid codes in two counties', r({ creditCode: C1 }), r({ creditCode: C2, regionCode: '330381' }), 'apart', ['DIFFERENT_CREDIT_CODES']],
  ['same trade name, other industry word, next gate on the road', r({}), r({ name: '乐清市华宇电器有限公司', address: '乐清市柳市镇长虹路12号', phone: '13900002222', legalRep: '王强' }), 'apart'],
  ['two firms behind one gate', r({}), r({ name: '乐清市宏达机械有限公司', phone: '13900002222', legalRep: '王强' }), 'apart', ['NAME_DIFFERENT']],
  ['the same name in one county, nothing else agrees', r({}), r({ address: '乐清市北白象镇西溪街226号', phone: '13900002222', legalRep: '王强' }), 'apart', ['NAME_EXACT', 'ADDRESS_DIFFERENT', 'DIFFERENT_PHONE', 'DIFFERENT_LEGAL_REP']],
  ['unrelated firms that share a trade-name prefix', bare({ name: '乐清市华宇电气有限公司' }), bare({ name: '乐清市华强服饰有限公司' }), 'apart', ['NAME_DIFFERENT']],
];

describe('scorePair: labelled pairs', () => {
  it('has at least 40 pairs', () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  for (const [label, a, b, decision, reasons] of CASES) {
    it(label, () => {
      const pa = prepareRecord({ ...a, key: 'a' });
      const pb = prepareRecord({ ...b, key: 'b' });
      const d = scorePair(pa, pb);
      expect(d.decision, JSON.stringify(d)).toBe(decision);
      if (reasons) expect(d.reasons).toEqual(expect.arrayContaining(reasons));
      // symmetric
      expect(scorePair(pb, pa).decision).toBe(decision);
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(1);
    });
  }
});

describe('scorePair: thresholds', () => {
  it('follows the thresholds it is given', () => {
    const a = prepareRecord(bare({}));
    const b = prepareRecord(bare({ name: '华宇电气有限责任公司' }));
    expect(scorePair(a, b).decision).toBe('review');
    expect(scorePair(a, b, { merge: 0.99, review: 0.9 }).decision).toBe('apart');
    expect(DEFAULT_THRESHOLDS.merge).toBeGreaterThan(DEFAULT_THRESHOLDS.review);
  });
  it('never merges on the name alone, however low the merge threshold', () => {
    const a = prepareRecord(bare({}));
    const b = prepareRecord(bare({ name: '华宇电气有限责任公司' }));
    expect(scorePair(a, b, { merge: 0.05, review: 0.01 }).decision).toBe('review');
  });
});

describe('prepareRecord', () => {
  it('normalises every field once', () => {
    const p = prepareRecord(r({ creditCode: ' ９１３３０３８２ma2ab3c47e ', name: '華宇電氣（樂清）有限責任公司', phone: '+86 138 1234 5678', legalRep: ' 張偉 ', address: '浙江省溫州市樂清市柳市鎮長虹路八號' }));
    expect(p).toMatchObject({
      creditValid: true,
      creditNorm: C1,
      nameKey: '华宇电气',
      addressNorm: '柳市镇长虹路8号',
      phoneNorm: '13812345678',
      legalRepNorm: '张伟',
      county: '330382',
      isBranch: false,
    });
  });
  it('treats placeholders as missing', () => {
    const p = prepareRecord(r({ creditCode: '无', phone: '-', legalRep: '不详', address: '/' }));
    expect(p).toMatchObject({ creditNorm: null, creditValid: false, phoneNorm: null, legalRepNorm: null, addressNorm: null });
  });
});

describe('blockingKeys', () => {
  it('gives credit, name, prefix, phone and address keys', () => {
    const keys = blockingKeys(prepareRecord(r({ creditCode: C1 })));
    expect(keys).toEqual([`c:${C1}`, 'n:330382:华宇电气', 'np:3303:华宇电气', 'n2:3303:华宇', 'p:13812345678', 'a:3303:长虹路8']);
  });
  it('puts variants of one firm into a shared block', () => {
    const a = blockingKeys(prepareRecord(r({})));
    const b = blockingKeys(prepareRecord(r({ name: '華宇電氣(樂清)有限責任公司', phone: null, address: null })));
    expect(a.filter((k) => b.includes(k))).toContain('n:330382:华宇电气');
  });
  it('lets a typo in the trade name meet through phone or address', () => {
    const a = blockingKeys(prepareRecord(r({})));
    const b = blockingKeys(prepareRecord(r({ name: '乐清市字宇电气有限公司' })));
    expect(a.filter((k) => b.includes(k))).toEqual(expect.arrayContaining(['p:13812345678', 'a:3303:长虹路8']));
  });
  it('scopes local phone numbers to the county and skips invalid codes', () => {
    const keys = blockingKeys(prepareRecord(r({ phone: '6123 4567', creditCode: C1_TYPO })));
    expect(keys).toContain('p:330382:61234567');
    expect(keys.some((k) => k.startsWith('c:'))).toBe(false);
  });
});
