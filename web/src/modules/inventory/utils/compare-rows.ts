import type { InventoryForm, RecordSource } from '../../../api/inventory-types.ts';

export const COMPARE_FIELDS = ['name', 'creditCode', 'orgCode', 'formerNames', 'legalRep', 'address', 'industryCode', 'category', 'location', 'contacts', 'permitNo', 'sites', 'radioactive', 'minerals', 'remarks'] as const;
export type CompareField = (typeof COMPARE_FIELDS)[number];

export interface CompareRow {
  field: CompareField;
  directory: string;
  captured: string;
  differs: boolean;
}

const joined = (xs: string[] | undefined) => (xs && xs.length ? xs.join('；') : '');
const coords = (lat: unknown, lng: unknown) => (typeof lat === 'number' && typeof lng === 'number' ? `${lat.toFixed(6)}, ${lng.toFixed(6)}` : '');
const text = (v: unknown) => (v == null ? '' : typeof v === 'boolean' ? (v ? '✓' : '✗') : String(v));

/** The directory's values beside what the enumerator captured, field by field; fields neither has are left out. */
export function compareRows(source: RecordSource | null | undefined, data: InventoryForm, category: (c: string) => string): CompareRow[] {
  const s = source ?? ({} as Partial<RecordSource>);
  const pairs: Record<CompareField, [string, string]> = {
    name: [text(s.name), text(data.name)],
    creditCode: [text(s.creditCode), text(data.creditCode)],
    orgCode: ['', text(data.orgCode)],
    formerNames: [joined(s.formerNames as string[] | undefined), joined(data.formerNames)],
    legalRep: [text(s.legalRep), text(data.legalRep)],
    address: [text(s.address), text(data.address)],
    industryCode: [text(s.industryCode), text(data.industryCode)],
    category: [s.category ? category(s.category) : '', data.category ? category(data.category) : ''],
    location: [coords(s.lat, s.lng), coords(data.lat, data.lng)],
    contacts: [text(s.phone), joined(data.contacts?.map((c) => [c.name, c.phone].filter(Boolean).join(' ')))],
    permitNo: [text(s.permitNo), text(data.permitNo)],
    sites: ['', joined(data.sites?.map((x) => x.address))],
    // The directory's false is only a default: said when true, or when the visit said either way.
    radioactive: [s.radioactive ? text(true) : '', data.radioactive === undefined ? '' : text(data.radioactive)],
    minerals: ['', joined(data.minerals)],
    remarks: ['', text(data.remarks)],
  };
  return COMPARE_FIELDS.filter((f) => pairs[f][0] !== '' || pairs[f][1] !== '').map((field) => {
    const [directory, captured] = pairs[field];
    return { field, directory, captured, differs: directory !== '' && captured !== '' && directory !== captured };
  });
}
