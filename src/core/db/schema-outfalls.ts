// Table types of the outfall survey and the associated radioactive mines, part of schema.ts.
// See migrations/0017_outfalls.sql.
import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column-types.ts';

export interface OutfallReachesTable {
  id: Generated<number>;
  region_code: string;
  province_code: string;
  name: string;
  water_body: string;
  water_type: string;
  length_km: number | null;
  landward_m: Generated<number>;
  waterward_m: Generated<number>;
  path: Json<Array<[number, number]> | null> | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface OutfallImagesTable {
  id: Generated<number>;
  region_code: string;
  province_code: string;
  reach_id: number | null;
  kind: Generated<string>;
  sha256: string;
  file_name: Generated<string>;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  lat: number | null;
  lng: number | null;
  altitude_m: number | null;
  taken_at: NullableTimestamp;
  camera: string | null;
  uploaded_by: number | null;
  created_at: Generated<Date>;
}
export interface OutfallCountersTable {
  county_code: string;
  province_code: string;
  last: number;
}
export interface OutfallsTable {
  id: Generated<number>;
  code: string;
  region_code: string;
  province_code: string;
  reach_id: number | null;
  image_id: number | null;
  image_x: number | null;
  image_y: number | null;
  origin: string;
  state: Generated<string>;
  lat: number;
  lng: number;
  type: string | null;
  water_body: string | null;
  water_type: string | null;
  flow_m3d: number | null;
  discharging: string | null;
  tests: ColumnType<Array<{ parameter: string; value: number }>, string | undefined, string>;
  responsible_name: string | null;
  source_id: number | null;
  note: string | null;
  checked_by: number | null;
  checked_at: NullableTimestamp;
  verified_by: number | null;
  verified_at: NullableTimestamp;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface OutfallStepsTable {
  id: Generated<number>;
  outfall_id: number;
  province_code: string;
  from_state: string | null;
  to_state: string;
  level: number;
  note: string | null;
  by_user: number | null;
  at: Generated<Date>;
}
export interface OutfallPhotosTable {
  id: string;
  outfall_id: number;
  region_code: string;
  province_code: string;
  mime: string;
  bytes: number;
  sha256: string;
  path: string;
  lat: number | null;
  lng: number | null;
  taken_at: NullableTimestamp;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}
export interface RadioMineralsTable {
  code: string;
  name_zh: string;
  name_en: string;
  industries: Generated<string[]>;
  active: Generated<boolean>;
  position: Generated<number>;
}
export interface RadioEnterprisesTable {
  id: Generated<number>;
  region_code: string;
  province_code: string;
  source_id: number | null;
  name: string;
  credit_code: string | null;
  minerals: Generated<string[]>;
  screening_above: boolean | null;
  last_measured_on: string | null;
  detailed_done_at: NullableTimestamp;
  detailed_note: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface RadioMeasurementsTable {
  id: Generated<number>;
  enterprise_id: number;
  region_code: string;
  province_code: string;
  body: string;
  agency_id: number | null;
  measured_on: string;
  background_ngyh: number;
  points: Json<unknown[]>;
  above: boolean;
  reasons: ColumnType<unknown[], string | undefined, string>;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface RadioFilesTable {
  id: Generated<number>;
  measurement_id: number;
  region_code: string;
  province_code: string;
  file_name: Generated<string>;
  mime: string;
  bytes: number;
  sha256: string;
  path: string;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}
