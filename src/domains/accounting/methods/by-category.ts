// A source's accounting by its category, pure: industry by account.ts (unchanged), the other
// categories by their own methods, each reading only its category's forms (forms-read.ts).
import type { Converter } from '../../survey/engine/units.ts';
import { CATEGORY_FORMS } from '../forms-read.ts';
import { accountSource, type AccountResult, type Library, type Settings, type SourceForms } from './account.ts';
import { accountCentralised } from './centralised.ts';
import { accountDomestic } from './domestic.ts';
import { accountLivestock } from './livestock.ts';
import { accountMobile } from './mobile.ts';
import type { Lookup, OtherSettings } from './other-common.ts';

const OTHER = { livestock: accountLivestock, domestic: accountDomestic, centralised: accountCentralised, mobile: accountMobile } as const;

export function accountByCategory(category: string, forms: SourceForms, convert: Converter, settings: Settings & OtherSettings, library: Library | null, lookup: Lookup | null): AccountResult {
  const read = CATEGORY_FORMS[category] ?? CATEGORY_FORMS.industrial;
  const mine = Object.fromEntries(Object.entries(forms).filter(([f]) => read.includes(f)));
  const method = OTHER[category as keyof typeof OTHER];
  return method ? method(mine, convert, settings, lookup) : accountSource(mine, convert, settings, library);
}
