// What the API answers for the rows of the outfall survey: WGS-84 as stored, GCJ-02 beside it
// for Chinese base maps, quick tests with their unit and verdict.
import { isAbnormal, TEST_PARAMETERS, type QuickTest } from './rules/outfall.ts';
import { wgs84ToGcj02 } from './rules/geo.ts';
import type { OutfallRow } from './outfalls.sql.ts';

export const point = (lat: number, lng: number) => ({ lat, lng, gcj02: wgs84ToGcj02(lat, lng) });

export function testsView(tests: QuickTest[]) {
  return tests.map((t) => ({ ...t, unit: TEST_PARAMETERS[t.parameter]?.unit ?? '', abnormal: isAbnormal(t) }));
}

export function outfallView(r: OutfallRow, regionName?: string) {
  return {
    id: r.id, code: r.code, state: r.state, origin: r.origin, regionCode: r.region_code, regionName: regionName ?? null,
    reachId: r.reach_id, imageId: r.image_id, imageX: r.image_x, imageY: r.image_y,
    ...point(r.lat, r.lng),
    type: r.type, waterBody: r.water_body, waterType: r.water_type, flowM3d: r.flow_m3d, discharging: r.discharging,
    tests: testsView(r.tests as unknown as QuickTest[]), responsibleName: r.responsible_name, sourceId: r.source_id, note: r.note,
    checkedAt: r.checked_at, verifiedAt: r.verified_at, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function reachView(r: { id: number; region_code: string; name: string; water_body: string; water_type: string; length_km: number | null; landward_m: number; waterward_m: number; path: unknown; version: number }) {
  return {
    id: r.id, regionCode: r.region_code, name: r.name, waterBody: r.water_body, waterType: r.water_type, lengthKm: r.length_km,
    landwardM: r.landward_m, waterwardM: r.waterward_m, path: (r.path as Array<[number, number]> | null) ?? null, version: r.version,
  };
}

export function imageView(i: { id: number; region_code: string; reach_id: number | null; kind: string; file_name: string; mime: string; bytes: number; width: number; height: number; lat: number | null; lng: number | null; altitude_m: number | null; taken_at: Date | null; camera: string | null; created_at: Date }) {
  return {
    id: i.id, regionCode: i.region_code, reachId: i.reach_id, kind: i.kind, fileName: i.file_name, mime: i.mime, bytes: i.bytes, width: i.width, height: i.height,
    position: i.lat !== null && i.lng !== null ? point(i.lat, i.lng) : null, altitudeM: i.altitude_m, takenAt: i.taken_at, camera: i.camera, createdAt: i.created_at,
    thumbUrl: `/api/v1/outfalls/images/${i.id}/file?size=thumb`, fileUrl: `/api/v1/outfalls/images/${i.id}/file?size=full`,
  };
}
