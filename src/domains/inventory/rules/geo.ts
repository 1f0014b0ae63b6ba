// Coordinates as the field app captures them: WGS-84 degrees (GPS), never GCJ-02.

export { CHINA_BOX, inChina, distanceMetres } from '../../../core/geo.ts';
import { distanceMetres } from '../../../core/geo.ts';

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
