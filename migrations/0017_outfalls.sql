-- 入河(海)排污口排查 and 伴生放射性矿 (docs/outfalls-api.md): the two special surveys beside the
-- main census. Large-table rules as elsewhere: every row that belongs to a place carries its
-- region_code (scope) and province_code (the Citus distribution column later).

-- A stretch of river, lake shore or coast surveyed as one, with its corridor.
CREATE TABLE outfall_reaches (
  id            bigserial PRIMARY KEY,
  region_code   text NOT NULL REFERENCES regions(code),
  province_code text NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  water_body    text NOT NULL CHECK (length(water_body) BETWEEN 1 AND 100),
  water_type    text NOT NULL CHECK (water_type IN ('river','lake','reservoir','sea')),
  length_km     double precision CHECK (length_km >= 0),
  landward_m    integer NOT NULL DEFAULT 2000 CHECK (landward_m BETWEEN 0 AND 50000),
  waterward_m   integer NOT NULL DEFAULT 200 CHECK (waterward_m BETWEEN 0 AND 50000),
  -- the reach's line, WGS-84 [lng, lat] pairs, for the map and the corridor check
  path          jsonb,
  version       integer NOT NULL DEFAULT 1,
  created_by    bigint REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, name)
);
CREATE INDEX outfall_reaches_region ON outfall_reaches (region_code text_pattern_ops);

-- Drone and satellite images: stored once by content under PUCHA_DATA_DIR/outfall-images/, with
-- the position and time read from their EXIF.
CREATE TABLE outfall_images (
  id            bigserial PRIMARY KEY,
  region_code   text NOT NULL REFERENCES regions(code),
  province_code text NOT NULL,
  reach_id      bigint REFERENCES outfall_reaches(id),
  kind          text NOT NULL DEFAULT 'drone' CHECK (kind IN ('drone','satellite')),
  sha256        text NOT NULL,
  file_name     text NOT NULL DEFAULT '',
  mime          text NOT NULL,
  bytes         bigint NOT NULL,
  width         integer NOT NULL,
  height        integer NOT NULL,
  lat           double precision,
  lng           double precision,
  altitude_m    double precision,
  taken_at      timestamptz,
  camera        text,
  uploaded_by   bigint REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, sha256)
);
CREATE INDEX outfall_images_region ON outfall_images (region_code text_pattern_ops, created_at DESC);

-- Each county's next outfall number: codes are never reused.
CREATE TABLE outfall_counters (
  county_code text PRIMARY KEY,
  last        integer NOT NULL
);

CREATE TABLE outfalls (
  id              bigserial PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  region_code     text NOT NULL REFERENCES regions(code),
  province_code   text NOT NULL,
  reach_id        bigint REFERENCES outfall_reaches(id),
  image_id        bigint REFERENCES outfall_images(id),
  image_x         double precision CHECK (image_x BETWEEN 0 AND 1),
  image_y         double precision CHECK (image_y BETWEEN 0 AND 1),
  origin          text NOT NULL CHECK (origin IN ('imagery','import','field','manual')),
  state           text NOT NULL DEFAULT 'suspect' CHECK (state IN ('suspect','confirmed','hard','rejected','verified')),
  lat             double precision NOT NULL,
  lng             double precision NOT NULL,
  type            text CHECK (type IN ('industrial','wwtp','agricultural','domestic','other')),
  water_body      text,
  water_type      text CHECK (water_type IN ('river','lake','reservoir','sea')),
  flow_m3d        double precision CHECK (flow_m3d >= 0),
  discharging     text CHECK (discharging IN ('flowing','intermittent','dry')),
  tests           jsonb NOT NULL DEFAULT '[]',
  responsible_name text,
  source_id       bigint REFERENCES sources(id),
  note            text,
  checked_by      bigint REFERENCES users(id),
  checked_at      timestamptz,
  verified_by     bigint REFERENCES users(id),
  verified_at     timestamptz,
  version         integer NOT NULL DEFAULT 1,
  created_by      bigint REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outfalls_region ON outfalls (region_code text_pattern_ops, id);
CREATE INDEX outfalls_reach ON outfalls (reach_id, state);
CREATE INDEX outfalls_image ON outfalls (image_id) WHERE image_id IS NOT NULL;
CREATE INDEX outfalls_source ON outfalls (source_id) WHERE source_id IS NOT NULL;

-- Who moved an outfall from which state to which, and why: the three levels' trail.
CREATE TABLE outfall_steps (
  id          bigserial PRIMARY KEY,
  outfall_id  bigint NOT NULL REFERENCES outfalls(id),
  from_state  text,
  to_state    text NOT NULL,
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  note        text,
  by_user     bigint REFERENCES users(id),
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outfall_steps_outfall ON outfall_steps (outfall_id, id);

-- Field photos: the id is made on the device (a retried upload is the same photo).
CREATE TABLE outfall_photos (
  id            uuid PRIMARY KEY,
  outfall_id    bigint NOT NULL REFERENCES outfalls(id),
  region_code   text NOT NULL,
  province_code text NOT NULL,
  mime          text NOT NULL,
  bytes         bigint NOT NULL,
  sha256        text NOT NULL,
  path          text NOT NULL,
  lat           double precision,
  lng           double precision,
  taken_at      timestamptz,
  uploaded_by   bigint REFERENCES users(id),
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outfall_photos_outfall ON outfall_photos (outfall_id);

-- 伴生放射性矿: the mineral kinds in scope (configurable by the national office).
CREATE TABLE radio_minerals (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z]{1,8}$'),
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  industries  text[] NOT NULL DEFAULT '{}',
  active      boolean NOT NULL DEFAULT true,
  position    integer NOT NULL DEFAULT 0
);
-- The 15 kinds as commonly listed, with their GB/T 4754-2017 mining and smelting classes
-- (census-facts §9; the official list was not retrieved, §10).
INSERT INTO radio_minerals (code, name_zh, name_en, industries, position) VALUES
  ('01', '稀土（含独居石）', 'rare earths (incl. monazite)', '{0932,3232}', 1),
  ('02', '锆及氧化锆', 'zircon and zirconia', '{0939,3239}', 2),
  ('03', '铌/钽', 'niobium/tantalum', '{0939,3239}', 3),
  ('04', '锡', 'tin', '{0914,3214}', 4),
  ('05', '铅/锌', 'lead/zinc', '{0912,3212}', 5),
  ('06', '铜', 'copper', '{0911,3211}', 6),
  ('07', '铁', 'iron', '{0810,3110}', 7),
  ('08', '钒', 'vanadium', '{0939,3239}', 8),
  ('09', '磷酸盐', 'phosphate', '{1020,2622}', 9),
  ('10', '煤（石煤）', 'coal (stone coal)', '{0610,0620,0690}', 10),
  ('11', '铝（铝土矿）', 'aluminium (bauxite)', '{0916,3216}', 11),
  ('12', '钼', 'molybdenum', '{0931,3231}', 12),
  ('13', '镍', 'nickel', '{0913,3213}', 13),
  ('14', '锗', 'germanium', '{0939,3239}', 14),
  ('15', '钛', 'titanium', '{0939,3239}', 15);

-- 初测初步名录: the enterprises to measure, linked to their directory source when there is one.
CREATE TABLE radio_enterprises (
  id              bigserial PRIMARY KEY,
  region_code     text NOT NULL REFERENCES regions(code),
  province_code   text NOT NULL,
  source_id       bigint REFERENCES sources(id),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  credit_code     text,
  minerals        text[] NOT NULL DEFAULT '{}',
  -- the latest measurement's screening (null: not measured) and the detailed survey
  screening_above boolean,
  last_measured_on text,
  detailed_done_at timestamptz,
  detailed_note   text,
  version         integer NOT NULL DEFAULT 1,
  created_by      bigint REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX radio_enterprises_source ON radio_enterprises (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX radio_enterprises_region ON radio_enterprises (region_code text_pattern_ops, id);

-- 初测 records, as the monitoring body reported them; the screening verdict is the server's.
CREATE TABLE radio_measurements (
  id              bigserial PRIMARY KEY,
  enterprise_id   bigint NOT NULL REFERENCES radio_enterprises(id),
  region_code     text NOT NULL,
  province_code   text NOT NULL,
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 200),
  agency_id       bigint REFERENCES agencies(id),
  measured_on     text NOT NULL CHECK (measured_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  background_ngyh double precision NOT NULL CHECK (background_ngyh >= 0),
  points          jsonb NOT NULL,
  above           boolean NOT NULL,
  reasons         jsonb NOT NULL DEFAULT '[]',
  note            text,
  created_by      bigint REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX radio_measurements_enterprise ON radio_measurements (enterprise_id, measured_on DESC, id DESC);

-- Original records (原始记录) of a measurement: scans and reports.
CREATE TABLE radio_files (
  id             bigserial PRIMARY KEY,
  measurement_id bigint NOT NULL REFERENCES radio_measurements(id),
  region_code    text NOT NULL,
  province_code  text NOT NULL,
  file_name      text NOT NULL DEFAULT '',
  mime           text NOT NULL,
  bytes          bigint NOT NULL,
  sha256         text NOT NULL,
  path           text NOT NULL,
  uploaded_by    bigint REFERENCES users(id),
  uploaded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX radio_files_measurement ON radio_files (measurement_id);
