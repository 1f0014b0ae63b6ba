// The unit list's rows: what each unit shows (its state as the device knows it,
// with an unsent edit over the server's record), the search, the filters and the
// order by distance.
import type { LocalUnit, OutboxEntry, RecordStatus } from '../types.ts';
import { haversine, isLatLng, type LatLng } from './geo.ts';

export interface UnitRow {
  key: string;
  name: string;
  address: string;
  /** Inventory state: the unsent edit's, else the server's; null when nobody chose one yet. */
  state: string | null;
  status: RecordStatus | null;
  visited: boolean;
  pending: boolean;
  failed: boolean;
  conflict: boolean;
  rejected: boolean;
  /** Survey forms the review chain returned (退回) for this unit. */
  returned: number;
  lat: number | null;
  lng: number | null;
  /** Lower-case text the search box looks in. */
  haystack: string;
}

export function toRow(u: LocalUnit, e: OutboxEntry | undefined, returned = 0): UnitRow {
  const data = e?.item.data ?? u.record?.data ?? null;
  const status = u.record?.status ?? null;
  const lat = data?.lat ?? u.source.lat;
  const lng = data?.lng ?? u.source.lng;
  const name = data?.name || u.source.name;
  const address = data?.address ?? u.source.address ?? '';
  const former = (u.source.formerNames ?? []).join(' ');
  return {
    key: u.key,
    name,
    address,
    state: e?.item.state ?? u.record?.state ?? null,
    status,
    visited: !!e || (status !== null && status !== 'assigned'),
    pending: !!e,
    failed: !!e?.failed,
    conflict: !!e?.conflict,
    rejected: status === 'rejected',
    returned,
    lat: isLatLng(lat, lng) ? (lat as number) : null,
    lng: isLatLng(lat, lng) ? (lng as number) : null,
    haystack: `${name} ${u.source.name} ${former} ${address} ${u.source.creditCode ?? ''} ${u.source.legalRep ?? ''}`.toLowerCase(),
  };
}

/** `all`, `unvisited`, `attention` (refused, conflicting, rejected or with forms returned) or a state code. */
export type RowFilter = string;

export interface RowQuery {
  q: string;
  filter: RowFilter;
}

export interface ShownRow extends UnitRow {
  distance: number | null;
}

function matches(r: UnitRow, filter: RowFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'unvisited') return !r.visited;
  if (filter === 'attention') return r.failed || r.conflict || r.rejected || r.returned > 0;
  return r.state === filter;
}

/** Filtered rows, nearest first when the position is known (rows without coordinates last). */
export function shownRows(rows: UnitRow[], query: RowQuery, here: LatLng | null): ShownRow[] {
  const terms = query.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const out: ShownRow[] = [];
  for (const r of rows) {
    if (!matches(r, query.filter)) continue;
    if (terms.length && !terms.every((t) => r.haystack.includes(t))) continue;
    out.push({ ...r, distance: here && r.lat !== null && r.lng !== null ? haversine(here, { lat: r.lat, lng: r.lng }) : null });
  }
  if (here) out.sort((a, b) => (a.distance ?? Number.MAX_VALUE) - (b.distance ?? Number.MAX_VALUE));
  return out;
}

/** Counts per filter, for the filter chips. */
export function countRows(rows: UnitRow[]): Record<string, number> {
  const n: Record<string, number> = { all: rows.length, unvisited: 0, attention: 0 };
  for (const r of rows) {
    if (!r.visited) n.unvisited++;
    if (r.failed || r.conflict || r.rejected || r.returned > 0) n.attention++;
    if (r.state) n[r.state] = (n[r.state] ?? 0) + 1;
  }
  return n;
}
