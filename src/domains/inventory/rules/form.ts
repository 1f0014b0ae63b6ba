// The inventory form (工业企业和产业活动单位清查表) as the field app sends it:
// shapes are checked by the route schema, meanings here. Returns the form
// normalised (codes upper-cased, blanks dropped) or throws the first problem.
import { AppError } from '../../../core/errors.ts';
import { checkCreditCode } from '../../../core/identifiers/credit-code.ts';
import { isValidOrgCode, normaliseOrgCode } from '../../../core/identifiers/org-code.ts';
import { checkIndustryCode, normaliseIndustryCode } from '../../directory/index.ts';
import { inChina } from './geo.ts';

export interface FormData {
  name: string;
  creditCode?: string;
  orgCode?: string;
  formerNames?: string[];
  legalRep?: string;
  address?: string;
  industryCode?: string;
  category?: string;
  lat?: number;
  lng?: number;
  contacts?: Array<{ name?: string; phone?: string }>;
  permitNo?: string;
  sites?: Array<{ address: string; lat?: number; lng?: number }>;
  radioactive?: boolean;
  minerals?: string[];
  remarks?: string;
}

const invalid = (field: string, detail: string) => new AppError('INVENTORY_FIELD_INVALID', { field, detail });

function checkPoint(lat: number | undefined, lng: number | undefined, field: string) {
  if (lat === undefined && lng === undefined) return;
  if (lat === undefined || lng === undefined) throw invalid(field, 'latitude and longitude go together');
  if (!inChina(lat, lng)) throw new AppError('INVENTORY_COORDINATES', { lat, lng });
}

const clean = (s: string | undefined) => {
  const t = s?.trim();
  return t ? t : undefined;
};

export function checkForm(d: FormData): FormData {
  const name = d.name.trim();
  if (!name) throw invalid('name', 'empty');
  const out: FormData = { name };
  if (clean(d.creditCode)) {
    const c = checkCreditCode(d.creditCode!);
    if (!c.ok) throw invalid('creditCode', `${c.normalised}: ${c.problems.join(', ')}`);
    out.creditCode = c.normalised;
  }
  if (clean(d.orgCode)) {
    const o = normaliseOrgCode(d.orgCode!);
    if (!isValidOrgCode(o)) throw invalid('orgCode', `${o} is not a valid GB 11714 code`);
    out.orgCode = o;
  }
  if (clean(d.industryCode)) {
    const code = normaliseIndustryCode(d.industryCode!);
    if (!checkIndustryCode(code).ok) throw invalid('industryCode', `${code} is not in GB/T 4754-2017`);
    out.industryCode = code;
  }
  checkPoint(d.lat, d.lng, 'lat/lng');
  if (d.lat !== undefined) Object.assign(out, { lat: d.lat, lng: d.lng });
  for (const [i, s] of (d.sites ?? []).entries()) {
    if (!s.address.trim()) throw invalid(`sites[${i}].address`, 'empty');
    checkPoint(s.lat, s.lng, `sites[${i}]`);
  }
  const former = (d.formerNames ?? []).map((x) => x.trim()).filter(Boolean);
  if (former.length) out.formerNames = [...new Set(former)];
  const contacts = (d.contacts ?? []).map((c) => ({ name: clean(c.name), phone: clean(c.phone) })).filter((c) => c.name || c.phone);
  if (contacts.length) out.contacts = contacts;
  if (d.sites?.length) out.sites = d.sites.map((s) => ({ ...s, address: s.address.trim() }));
  const minerals = (d.minerals ?? []).map((m) => m.trim()).filter(Boolean);
  if (d.radioactive) out.radioactive = true;
  if (minerals.length && !d.radioactive) throw invalid('minerals', 'listed without the radioactive-mineral flag');
  if (minerals.length) out.minerals = minerals;
  for (const k of ['legalRep', 'address', 'category', 'permitNo', 'remarks'] as const) {
    const v = clean(d[k]);
    if (v) out[k] = v;
  }
  return out;
}
