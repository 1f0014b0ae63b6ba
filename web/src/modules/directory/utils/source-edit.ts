import type { Source, SourceCategory, SourceEdit } from '../../../api/types.ts';

/** The edit form's values: text as typed, coordinates as numbers or empty. */
export interface EditValues {
  name: string;
  formerNames: string[];
  address?: string;
  regionCode: string;
  industryCode?: string;
  category: SourceCategory;
  lat?: number | null;
  lng?: number | null;
  legalRep?: string;
  phone?: string;
  permitNo?: string;
  radioactive: boolean;
}

export const PERMIT_NO = /^[0-9A-Za-z]{18}[0-9]{3}[A-Za-z]$/;

export function valuesOf(s: Source): EditValues {
  return {
    name: s.name, formerNames: s.formerNames, address: s.address ?? '', regionCode: s.regionCode, industryCode: s.industryCode ?? '',
    category: s.category, lat: s.lat, lng: s.lng, legalRep: s.legalRep ?? '', phone: s.phone ?? '', permitNo: s.permitNo ?? '', radioactive: s.radioactive,
  };
}

const text = (v: string | undefined) => v?.trim() || null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, so an untouched field keeps its register origin. */
export function editBody(s: Source, v: EditValues): SourceEdit {
  const body: SourceEdit = { version: s.version };
  if (v.name.trim() !== s.name) body.name = v.name.trim();
  const former = v.formerNames.map((n) => n.trim()).filter(Boolean);
  if (!same(former, s.formerNames)) body.formerNames = former;
  for (const k of ['address', 'legalRep', 'phone'] as const) if (text(v[k]) !== s[k]) body[k] = text(v[k]);
  const industry = text(v.industryCode)?.toUpperCase() ?? null;
  if (industry !== s.industryCode) body.industryCode = industry;
  const permit = text(v.permitNo)?.toUpperCase() ?? null;
  if (permit !== s.permitNo) body.permitNo = permit;
  if (v.regionCode !== s.regionCode) body.regionCode = v.regionCode;
  if (v.category !== s.category) body.category = v.category;
  if (v.radioactive !== s.radioactive) body.radioactive = v.radioactive;
  const [lat, lng] = [v.lat ?? null, v.lng ?? null];
  if (lat !== s.lat || lng !== s.lng) Object.assign(body, { lat, lng });
  return body;
}
