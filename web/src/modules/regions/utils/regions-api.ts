// Reads of the region tree, shared by the hooks and the tree's own loader.
import { api } from '../../../api/client.ts';
import type { RegionChild, RegionDetail } from '../../../api/types.ts';

export const regionKeys = {
  all: ['regions'] as const,
  one: (code: string) => ['regions', 'one', code] as const,
  children: (code: string) => ['regions', 'children', code] as const,
  search: (q: string, limit: number) => ['regions', 'search', q, limit] as const,
};

/** Region names and the tree change rarely; no need to re-read them on every visit. */
export const REGION_STALE_MS = 10 * 60_000;

export const fetchRegion = (code: string) => api.get<RegionDetail>(`/api/v1/regions/${encodeURIComponent(code)}`);

export const fetchChildren = (code: string) =>
  api.get<{ items: RegionChild[] }>(`/api/v1/regions/${encodeURIComponent(code)}/children`).then((r) => r.items);
