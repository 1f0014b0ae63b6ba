// Between the antd form and the contract's FormData: what the form starts with
// (an unsent edit, else the server's record, else the directory's source) and the
// cleaned FormData a save sends (trimmed, empty parts left out, WGS-84 numbers).
import type { Contact, InventoryForm, LocalUnit, OutboxEntry, Site } from '../types.ts';

export interface FormValues {
  name: string;
  creditCode?: string;
  orgCode?: string;
  formerNames: string[];
  legalRep?: string;
  address?: string;
  industryCode?: string;
  category?: string;
  lat?: number | null;
  lng?: number | null;
  contacts: Contact[];
  permitNo?: string;
  sites: Site[];
  radioactive: boolean;
  minerals: string[];
  remarks?: string;
  state?: string;
  stateReason?: string;
}

export const ADDED_STATE = 'added';

export function initialValues(unit: LocalUnit | null, entry: OutboxEntry | undefined): FormValues {
  const d: Partial<InventoryForm> = entry?.item.data ?? unit?.record?.data ?? {};
  const s = unit?.source;
  const or = <T,>(a: T | undefined, b: T | null | undefined): T | undefined => a ?? b ?? undefined;
  return {
    name: d.name ?? s?.name ?? '',
    creditCode: or(d.creditCode, s?.creditCode),
    orgCode: d.orgCode,
    formerNames: d.formerNames ?? s?.formerNames ?? [],
    legalRep: or(d.legalRep, s?.legalRep),
    address: or(d.address, s?.address),
    industryCode: or(d.industryCode, s?.industryCode),
    category: or(d.category, s?.category) ?? 'industrial',
    lat: or(d.lat, s?.lat) ?? null,
    lng: or(d.lng, s?.lng) ?? null,
    contacts: d.contacts ?? (s?.phone || s?.legalRep ? [{ name: s.legalRep ?? undefined, phone: s.phone ?? undefined }] : []),
    permitNo: or(d.permitNo, s?.permitNo),
    sites: d.sites ?? [],
    radioactive: d.radioactive ?? s?.radioactive ?? false,
    minerals: d.minerals ?? [],
    remarks: d.remarks,
    state: entry?.item.state ?? unit?.record?.state ?? (unit ? undefined : ADDED_STATE),
    stateReason: entry?.item.stateReason ?? unit?.record?.stateReason ?? undefined,
  };
}

const text = (v: string | undefined | null): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

const num = (v: number | null | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const list = (v: string[] | undefined): string[] | undefined => {
  const out = [...new Set((v ?? []).map((x) => x.trim()).filter(Boolean))];
  return out.length ? out : undefined;
};

/** The FormData a save sends: only what the taker filled in. */
export function toInventoryForm(v: FormValues): InventoryForm {
  const contacts = (v.contacts ?? []).map((c) => ({ name: text(c?.name), phone: text(c?.phone) })).filter((c) => c.name || c.phone);
  const sites = (v.sites ?? [])
    .filter((s) => text(s?.address))
    .map((s) => ({ address: text(s.address)!, lat: num(s.lat), lng: num(s.lng) }));
  const radioactive = !!v.radioactive;
  const f: InventoryForm = {
    name: v.name.trim(),
    creditCode: text(v.creditCode)?.toUpperCase(),
    orgCode: text(v.orgCode)?.toUpperCase(),
    formerNames: list(v.formerNames),
    legalRep: text(v.legalRep),
    address: text(v.address),
    industryCode: text(v.industryCode)?.toUpperCase(),
    category: text(v.category),
    lat: num(v.lat),
    lng: num(v.lng),
    contacts: contacts.length ? contacts : undefined,
    permitNo: text(v.permitNo),
    sites: sites.length ? sites : undefined,
    radioactive,
    minerals: radioactive ? list(v.minerals) : undefined,
    remarks: text(v.remarks),
  };
  // Undefined keys would vanish in JSON anyway; dropping them keeps stored copies equal to sent ones.
  return Object.fromEntries(Object.entries(f).filter(([, x]) => x !== undefined)) as InventoryForm;
}

/** Coordinates as a GPS gives them, cut to 6 decimals (about 0.1 m). */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
