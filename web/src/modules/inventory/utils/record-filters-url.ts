import { CONFIRMATIONS, RECORD_STATUSES, type Confirmation, type RecordStatus } from '../../../api/inventory-types.ts';
import type { RecordFilters } from '../hooks/use-record-list.ts';

const KEYS = ['region', 'zone', 'state', 'status', 'confirmation'] as const;

/** The list's filters live in the URL, so a drill-down link and the drawer's back button keep them. */
export function filtersFromParams(p: URLSearchParams): RecordFilters {
  const status = p.get('status');
  const confirmation = p.get('confirmation');
  return {
    region: p.get('region') || undefined,
    zone: p.get('zone') || undefined,
    state: p.get('state') || undefined,
    status: (RECORD_STATUSES as readonly string[]).includes(status ?? '') ? (status as RecordStatus) : undefined,
    confirmation: (CONFIRMATIONS as readonly string[]).includes(confirmation ?? '') ? (confirmation as Confirmation) : undefined,
  };
}

export function paramsFromFilters(f: RecordFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of KEYS) if (f[k]) p.set(k, String(f[k]));
  return p;
}
