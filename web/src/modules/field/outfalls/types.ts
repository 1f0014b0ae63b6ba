// Shapes of the outfall API (docs/outfalls-api.md) as the field app reads them.
import type { CheckVerdict, OutfallState, OutfallType, TestParameter, WaterType } from '../../../../../src/domains/outfalls/rules/outfall.ts';

export type Discharging = 'flowing' | 'intermittent' | 'dry';

export interface LatLng {
  lat: number;
  lng: number;
}

/** One row of GET /outfalls/near: the caller's suspects and hard ones, nearest first. */
export interface NearOutfall {
  id: number;
  code: string;
  state: OutfallState;
  type: OutfallType | null;
  lat: number;
  lng: number;
  gcj02?: LatLng;
  waterBody: string | null;
  reachId: number | null;
  reachName?: string | null;
  reach?: { id: number; name: string } | null;
  regionCode: string;
  regionName?: string;
  distanceM: number;
}

export interface OutfallTest {
  parameter: TestParameter;
  value: number;
  unit?: string;
  abnormal?: boolean;
}

export interface OutfallPhoto {
  id: string;
  url?: string;
  takenAt?: string | null;
  lat?: number | null;
  lng?: number | null;
}

/** GET /outfalls/:id: the whole outfall. */
export interface OutfallDetail {
  id: number;
  version: number;
  code: string;
  state: OutfallState;
  origin: string;
  type: OutfallType | null;
  lat: number;
  lng: number;
  gcj02?: LatLng;
  waterBody: string | null;
  waterType: WaterType | null;
  flowM3d: number | null;
  discharging: Discharging | null;
  tests: OutfallTest[] | null;
  responsibleName: string | null;
  sourceId: number | null;
  note: string | null;
  regionCode: string;
  regionName?: string;
  reachId: number | null;
  imageId?: number | null;
  imageX?: number | null;
  imageY?: number | null;
  photos?: OutfallPhoto[];
  image?: { id: number; kind?: string; takenAt?: string | null; thumbUrl?: string } | null;
  reach?: { id: number; name: string; waterBody?: string | null; waterType?: WaterType | null } | null;
  corridor?: { distanceM: number; inside: boolean } | null;
  source?: { id: number; name: string; creditCode: string | null } | null;
}

/** POST /outfalls/:id/check (and /found, with regionCode instead of version). */
export interface CheckBody {
  verdict: CheckVerdict;
  lat?: number;
  lng?: number;
  type?: OutfallType;
  waterBody?: string;
  waterType?: WaterType;
  flowM3d?: number;
  discharging?: Discharging;
  tests?: Array<{ parameter: TestParameter; value: number }>;
  responsibleName?: string;
  sourceId?: number;
  note?: string;
}
