// Shapes and paths of the outfall survey API as this console uses it (docs/outfalls-api.md).
import { withQuery } from '../../../api/client.ts';
import type { OutfallState, OutfallType, TestParameter, WaterType } from '../../../../../src/domains/outfalls/rules/outfall.ts';

export type { OutfallState, OutfallType, TestParameter, WaterType };

export const OUT = '/api/v1/outfalls';

export interface LatLng { lat: number; lng: number }

export interface StateCounts { suspect: number; confirmed: number; hard: number; rejected: number; verified: number }

export interface Reach extends Partial<StateCounts> {
  id: number;
  regionCode: string;
  regionName?: string;
  name: string;
  waterBody: string;
  waterType: WaterType;
  lengthKm: number | string | null;
  landwardM: number;
  waterwardM: number;
  /** WGS-84 [lng, lat] pairs. */
  path: Array<[number, number]> | null;
  version: number;
  /** Counts by state; the server may nest them. */
  counts?: Partial<StateCounts>;
}

export interface ReachBody {
  regionCode: string;
  name: string;
  waterBody: string;
  waterType: WaterType;
  lengthKm?: number | null;
  landwardM?: number;
  waterwardM?: number;
  path?: Array<[number, number]> | null;
}

export interface OutfallItem {
  id: number;
  code: string;
  state: OutfallState;
  origin?: string;
  type: OutfallType | null;
  waterBody: string | null;
  waterType?: WaterType | null;
  reachId: number | null;
  reachName?: string | null;
  regionCode: string;
  regionName?: string;
  lat: number;
  lng: number;
  gcj02: LatLng;
  responsibleName?: string | null;
  version: number;
}

export interface Mark {
  id: number;
  code: string;
  state: OutfallState;
  imageX: number | null;
  imageY: number | null;
}

export interface OutfallImage {
  id: number;
  reachId: number | null;
  regionCode?: string | null;
  kind: 'drone' | 'satellite';
  fileName?: string | null;
  width?: number | null;
  height?: number | null;
  /** Where the EXIF says it was taken (WGS-84 with GCJ-02 beside it), null when it does not. */
  position?: (LatLng & { gcj02?: LatLng }) | null;
  /** Older shape: the position flat. */
  lat?: number | null;
  lng?: number | null;
  takenAt: string | null;
  createdAt?: string;
  /** Outfalls marked on it (GET /images/:id). */
  marks?: Mark[];
}

/** The image's EXIF position, whichever shape the server sent. */
export function positionOf(image: OutfallImage): LatLng | null {
  if (image.position) return { lat: Number(image.position.lat), lng: Number(image.position.lng) };
  return image.lat != null && image.lng != null ? { lat: Number(image.lat), lng: Number(image.lng) } : null;
}

export interface QuickTestResult { parameter: TestParameter; value: number; unit: string; abnormal: boolean }
export interface Photo { id: string; lat?: number | null; lng?: number | null; takenAt?: string | null }
export interface HistoryStep { from: OutfallState | null; to: OutfallState; at: string; by?: { id?: number; name?: string } | string | null; note?: string | null }

export interface Outfall extends OutfallItem {
  imageId?: number | null;
  imageX?: number | null;
  imageY?: number | null;
  note?: string | null;
  flowM3d?: number | string | null;
  discharging?: 'flowing' | 'intermittent' | 'dry' | null;
  tests?: QuickTestResult[];
  photos?: Photo[];
  image?: OutfallImage | null;
  reach?: Reach | null;
  corridor?: { distanceM: number; inside: boolean } | null;
  source?: { id: number; name: string; creditCode?: string | null } | null;
  forms?: Array<{ formCode: string; status: string; id: string | number }>;
  history?: HistoryStep[];
  checkedAt?: string | null;
  verifiedAt?: string | null;
  createdAt?: string;
}

export interface MarkBody { lat: number; lng: number; regionCode?: string; reachId?: number; imageId?: number; imageX?: number; imageY?: number; note?: string }
export interface VerifyBody { version: number; verdict: 'verified' | 'rejected'; note: string }

export interface ImportRowError { row: number; column?: string | null; code?: string; message: string | { zh: string; en: string } }
export interface ImportResult { created: number; codes: string[] }

export interface ProgressRow extends StateCounts { code?: string; id?: number; name: string; checkedPct: number }
export interface Progress {
  region: { code: string; name: string; level?: string } | string;
  totals: StateCounts & { checkedPct?: number };
  children: ProgressRow[];
  reaches: ProgressRow[];
}

export interface OutfallFilters {
  region?: string;
  state?: OutfallState;
  reach?: number;
  type?: OutfallType;
  q?: string;
}

export const outfallKeys = {
  all: ['outfalls'] as const,
  list: ['outfalls', 'list'] as const,
  one: (id: number) => ['outfalls', 'one', id] as const,
  reaches: (region: string) => ['outfalls', 'reaches', region] as const,
  images: (reach: number | undefined, region: string) => ['outfalls', 'images', reach ?? 0, region] as const,
  image: (id: number) => ['outfalls', 'image', id] as const,
  progress: (region: string) => ['outfalls', 'progress', region] as const,
};

/** The list's query string: empty filters left out, the reach as its id. */
export function listQuery(f: OutfallFilters) {
  return { region: f.region, state: f.state, reach: f.reach, type: f.type, q: f.q?.trim() || undefined };
}

export const photoPath = (id: string) => `${OUT}/photos/${encodeURIComponent(id)}`;
export const imageFilePath = (id: number, size: 'thumb' | 'full') => withQuery(`${OUT}/images/${id}/file`, { size });

/** Counts of a reach whether the server sends them flat or under `counts`. */
export function countsOf(r: Partial<StateCounts> & { counts?: Partial<StateCounts> }): StateCounts {
  const c = r.counts ?? r;
  return { suspect: c.suspect ?? 0, confirmed: c.confirmed ?? 0, hard: c.hard ?? 0, rejected: c.rejected ?? 0, verified: c.verified ?? 0 };
}

/** One colour per state, shared by tags, the map and the image marks. */
export const STATE_COLOURS: Record<OutfallState, string> = {
  suspect: '#fa8c16',
  confirmed: '#1677ff',
  hard: '#eb2f96',
  rejected: '#8c8c8c',
  verified: '#52c41a',
};
