// Pinyin of a source's name for search: offices type "huayu" or "hydq" for
// 华宇电气. Taken from the name's core (without region prefix and legal form),
// so that what is typed first is the firm's own name. Pure.
import { pinyin } from 'pinyin-pro';
import { parseCompanyName } from './names.ts';
import { regionNamesFor } from './region-names.ts';

export interface NamePinyin {
  pinyin: string;
  initials: string;
}

export function namePinyin(name: string, regionCode?: string): NamePinyin {
  const core = parseCompanyName(name, regionCode ? regionNamesFor(regionCode) : undefined).core || name;
  const syllables = pinyin(core, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { pinyin: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

/** A search term that reads as pinyin (letters only, no digit: credit codes always have digits). */
export function isPinyinTerm(q: string): boolean {
  return /^[a-z]{2,40}$/i.test(q.trim());
}
