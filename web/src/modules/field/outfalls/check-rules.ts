// Pure rules of the field check form (排污口现场核查): form values → the API's body, which fields a
// verdict requires, the navigation links, the near-list query point. Kept free of React for tests.
import { wgs84ToGcj02 } from '../../../../../src/domains/outfalls/rules/geo.ts';
import { isAbnormal, testValueProblem, TEST_PARAMETERS, type CheckVerdict, type OutfallState, type OutfallType, type TestParameter, type WaterType } from '../../../../../src/domains/outfalls/rules/outfall.ts';
import type { CheckBody, Discharging, LatLng, NearOutfall, OutfallDetail } from './types.ts';

export interface TestRow {
  parameter?: TestParameter;
  value?: number | null;
}

/** The check form as antd holds it: anything may still be empty. */
export interface CheckFormValues {
  verdict?: CheckVerdict;
  lat?: number | null;
  lng?: number | null;
  type?: OutfallType | null;
  waterBody?: string | null;
  waterType?: WaterType | null;
  flowM3d?: number | null;
  discharging?: Discharging | null;
  tests?: Array<TestRow | undefined>;
  responsibleName?: string | null;
  sourceId?: number | null;
  note?: string | null;
}

export const CHECK_VERDICTS: CheckVerdict[] = ['confirmed', 'rejected', 'hard'];
/** Found on foot: it exists or the experts decide; "not an outfall" would be no finding at all. */
export const FOUND_VERDICTS: CheckVerdict[] = ['confirmed', 'hard'];

/** What the server requires per verdict (the contract): type and water body to confirm, a note otherwise. */
export function requiredFor(verdict: CheckVerdict | undefined): Array<'type' | 'waterBody' | 'note'> {
  if (verdict === 'confirmed') return ['type', 'waterBody'];
  if (verdict === 'rejected' || verdict === 'hard') return ['note'];
  return [];
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const text = (v: string | null | undefined) => (v ?? '').trim() || undefined;
const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A test row both filled and physically possible. */
export function completeTest(row: TestRow | undefined): row is { parameter: TestParameter; value: number } {
  return !!row?.parameter && row.parameter in TEST_PARAMETERS && num(row.value) !== undefined && testValueProblem({ parameter: row.parameter, value: row.value! }) === null;
}

/** Live flag of one row: abnormal, normal, or nothing to say yet. */
export function rowAbnormal(row: TestRow | undefined): boolean | null {
  return completeTest(row) ? isAbnormal(row) : null;
}

/** The body of POST /outfalls/:id/check (without version): empties dropped, coordinates to 6 places. */
export function toCheckBody(v: CheckFormValues): CheckBody {
  if (!v.verdict) throw new Error('a verdict is required');
  const lat = num(v.lat);
  const lng = num(v.lng);
  const body: CheckBody = { verdict: v.verdict };
  if (lat !== undefined && lng !== undefined) {
    body.lat = round6(lat);
    body.lng = round6(lng);
  }
  if (v.type) body.type = v.type;
  const waterBody = text(v.waterBody);
  if (waterBody) body.waterBody = waterBody;
  if (v.waterType) body.waterType = v.waterType;
  const flow = num(v.flowM3d);
  if (flow !== undefined) body.flowM3d = flow;
  if (v.discharging) body.discharging = v.discharging;
  const tests = (v.tests ?? []).filter(completeTest).map((t) => ({ parameter: t.parameter, value: t.value }));
  if (tests.length) body.tests = tests;
  const responsible = text(v.responsibleName);
  if (responsible) body.responsibleName = responsible;
  if (num(v.sourceId) !== undefined) body.sourceId = v.sourceId!;
  const note = text(v.note);
  if (note) body.note = note;
  return body;
}

/** The form opened on an outfall: what is known of it, the verdict kept when it was checked already. */
export function initialCheckValues(o: OutfallDetail | null): CheckFormValues {
  if (!o) return { tests: [{}] };
  return {
    verdict: o.state === 'confirmed' || o.state === 'hard' ? o.state : undefined,
    lat: o.lat,
    lng: o.lng,
    type: o.type ?? undefined,
    waterBody: o.waterBody ?? o.reach?.waterBody ?? undefined,
    waterType: o.waterType ?? o.reach?.waterType ?? undefined,
    flowM3d: o.flowM3d ?? undefined,
    discharging: o.discharging ?? undefined,
    tests: o.tests?.length ? o.tests.map((t) => ({ parameter: t.parameter, value: t.value })) : [{}],
    responsibleName: o.responsibleName ?? o.source?.name ?? undefined,
    sourceId: o.sourceId ?? undefined,
    note: o.note ?? undefined,
  };
}

export interface NavLinks {
  /** AMap's web marker (opens the app when installed); AMap draws in GCJ-02. */
  amap: string;
  /** RFC 5870 geo URI for any map app; WGS-84 as the URI scheme says. */
  geo: string;
}

export function navLinks(o: { code: string; lat: number; lng: number; gcj02?: LatLng | null }): NavLinks {
  const g = o.gcj02 ?? wgs84ToGcj02(o.lat, o.lng);
  const amap = `https://uri.amap.com/marker?position=${g.lng},${g.lat}&name=${encodeURIComponent(o.code)}`;
  return { amap, geo: `geo:${o.lat},${o.lng}` };
}

/** The near list is asked again when the taker has moved ~50 m, not on every GPS tick. */
export function nearQueryPoint(p: LatLng | null): LatLng | null {
  if (!p) return null;
  return { lat: Math.round(p.lat * 2000) / 2000, lng: Math.round(p.lng * 2000) / 2000 };
}

export function reachName(o: Pick<NearOutfall, 'reachName' | 'reach'>): string | null {
  return o.reachName ?? o.reach?.name ?? null;
}

/** States the field can still act on (canCheck), for the list's colour. */
export const STATE_COLOURS: Record<OutfallState, string> = {
  suspect: 'orange',
  confirmed: 'green',
  hard: 'purple',
  rejected: 'default',
  verified: 'blue',
};
