// Form codes and names from the browser-safe catalogue: the queue's form filter and labels need no request.
import type { Lang } from '../../../api/client.ts';
import { CATALOGUE } from '../../../../../src/domains/survey/forms/index.ts';

const byCode = new Map(CATALOGUE.map((e) => [e.code, e]));

export function formName(code: string, lang: Lang): string {
  const e = byCode.get(code);
  return e ? (lang === 'en' ? e.name.en : e.name.zh) : code;
}

/** The defined forms, as select options "G101-1 name". */
export function formOptions(lang: Lang) {
  return CATALOGUE.filter((e) => e.defined).map((e) => ({ value: e.code, label: `${e.code} ${lang === 'en' ? e.name.en : e.name.zh}` }));
}
