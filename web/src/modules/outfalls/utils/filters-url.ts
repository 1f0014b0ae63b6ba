// The register's filters live in the address, so a link or a reload keeps them.
import { OUTFALL_STATES, OUTFALL_TYPES } from '../../../../../src/domains/outfalls/rules/outfall.ts';
import type { OutfallFilters, OutfallState, OutfallType } from './outfalls-api.ts';

const REGION = /^\d{6,12}$/;

export function filtersFromParams(p: URLSearchParams): OutfallFilters {
  const f: OutfallFilters = {};
  const region = p.get('region');
  if (region && REGION.test(region)) f.region = region;
  const state = p.get('state');
  if (state && (OUTFALL_STATES as readonly string[]).includes(state)) f.state = state as OutfallState;
  const reach = Number(p.get('reach'));
  if (Number.isInteger(reach) && reach > 0) f.reach = reach;
  const type = p.get('type');
  if (type && OUTFALL_TYPES.some((t) => t.code === type)) f.type = type as OutfallType;
  const q = p.get('q');
  if (q) f.q = q;
  return f;
}

export function paramsFromFilters(f: OutfallFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.region) p.set('region', f.region);
  if (f.state) p.set('state', f.state);
  if (f.reach) p.set('reach', String(f.reach));
  if (f.type) p.set('type', f.type);
  if (f.q) p.set('q', f.q);
  return p;
}
