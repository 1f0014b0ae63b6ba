// Coordinates as the field app captures them: WGS-84 degrees (GPS), never GCJ-02.

/**
 * China's extent, as a box slightly larger than the land and sea territory
 * (Zengmu Ansha 3.8°N … Mohe 53.6°N, Pamir 73.5°E … Fuyuan 135.1°E). A box also
 * admits parts of neighbouring countries; it catches what matters in the field:
 * swapped latitude and longitude, a missing sign, degrees-minutes typed as
 * decimals, and the (0, 0) of a GPS that has no fix.
 */
export const CHINA_BOX = { minLat: 3.5, maxLat: 53.7, minLng: 73.4, maxLng: 135.2 } as const;

export function inChina(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng)
    && lat >= CHINA_BOX.minLat && lat <= CHINA_BOX.maxLat && lng >= CHINA_BOX.minLng && lng <= CHINA_BOX.maxLng;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine; good to a few metres at these distances). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A visit further than this from the unit's known position is flagged for the
 * reviewer (field attendance). Phone GPS in towns is good to ~10–50 m; sites of
 * one enterprise can span a few hundred metres.
 */
export const FAR_VISIT_METRES = 500;

export interface VisitCheck {
  distance: number | null;
  far: boolean;
}

/** Distance of the visit from where the unit is known to be (the directory's position, else the one captured). */
export function checkVisit(visit: { lat: number; lng: number } | null, known: { lat: number; lng: number } | null): VisitCheck {
  if (!visit || !known) return { distance: null, far: false };
  const distance = Math.round(distanceMetres(visit, known));
  return { distance, far: distance > FAR_VISIT_METRES };
}
