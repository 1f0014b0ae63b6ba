-- The inventory (清查): census zones, work packages, the six states, records
-- captured in the field, photos, the joint review of eight departments.

-- Sources found in the field (增补 in the inventory) carry their own origin.
ALTER TABLE sources DROP CONSTRAINT sources_origin_check;
ALTER TABLE sources ADD CONSTRAINT sources_origin_check CHECK (origin IN ('register','supplement','field'));

-- 清查状态: six states, each with a colour; whether it goes on to the survey.
CREATE TABLE inventory_states (
  code       text PRIMARY KEY CHECK (code ~ '^[a-z][a-z-]{1,23}$'),
  name_zh    text NOT NULL CHECK (length(btrim(name_zh)) > 0),
  name_en    text NOT NULL CHECK (length(btrim(name_en)) > 0),
  colour     text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
  to_survey  boolean NOT NULL,
  reasons    text[] NOT NULL DEFAULT '{}', -- a state with reasons needs one of them (删除: duplicate, out of scope, not found)
  position   smallint NOT NULL
);
INSERT INTO inventory_states (code, name_zh, name_en, colour, to_survey, reasons, position) VALUES
  ('normal',    '正常生产', 'Operating',  '#389e0d', true,  '{}', 1),
  ('suspended', '停产',     'Suspended',  '#d48806', true,  '{}', 2),
  ('closed',    '关闭',     'Closed',     '#8c8c8c', false, '{}', 3),
  ('deleted',   '删除',     'Deleted',    '#cf1322', false, '{duplicate,out-of-scope,not-found}', 4),
  ('added',     '增补',     'Added',      '#1677ff', true,  '{}', 5),
  ('to-verify', '待核实',   'To verify',  '#722ed1', false, '{}', 6);

-- 八部门联合审查: the departments that review the inventory list, and which must agree.
CREATE TABLE inventory_departments (
  code     text PRIMARY KEY,
  name_zh  text NOT NULL,
  name_en  text NOT NULL,
  required boolean NOT NULL,
  position smallint NOT NULL
);
INSERT INTO inventory_departments (code, name_zh, name_en, required, position) VALUES
  ('stats',  '统计局',         'Statistics',                 true,  1),
  ('mee',    '生态环境局',     'Ecology and environment',    true,  2),
  ('miit',   '经济和信息化局', 'Economy and IT',             true,  3),
  ('samr',   '市场监管局',     'Market regulation',          false, 4),
  ('tax',    '税务局',         'Taxation',                   false, 5),
  ('moa',    '农业农村局',     'Agriculture',                false, 6),
  ('mwr',    '水利局',         'Water resources',            false, 7),
  ('mohurd', '住房和城乡建设局', 'Housing and construction', false, 8);

-- 普查小区: a census zone inside a township. Its 16-digit code is the township's
-- 12-digit statistical code followed by a 4-digit number.
CREATE TABLE census_zones (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code          text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{16}$'),
  region_code   text NOT NULL REFERENCES regions(code),
  province_code text NOT NULL,
  name          text NOT NULL CHECK (length(btrim(name)) > 0),
  keywords      text[] NOT NULL DEFAULT '{}', -- address fragments (villages, roads, parks) that place a source here
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_code, name)
);
CREATE INDEX census_zones_region_idx ON census_zones (region_code text_pattern_ops, id);

-- 工作包: sources (a zone or a list) given to a team.
CREATE TABLE work_packages (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code   text NOT NULL REFERENCES regions(code),
  province_code text NOT NULL,
  name          text NOT NULL CHECK (length(btrim(name)) > 0),
  team_id       bigint NOT NULL REFERENCES teams(id),
  zone_id       bigint REFERENCES census_zones(id),
  closed        boolean NOT NULL DEFAULT false,
  version       integer NOT NULL DEFAULT 1,
  created_by    bigint REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_packages_region_idx ON work_packages (region_code text_pattern_ops, id);
CREATE INDEX work_packages_team_idx ON work_packages (team_id);

-- Every (re)assignment of a package, so a reassignment keeps its history.
CREATE TABLE work_package_assignments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  package_id  bigint NOT NULL REFERENCES work_packages(id),
  team_id     bigint NOT NULL REFERENCES teams(id),
  reason      text,
  actor_id    bigint REFERENCES users(id),
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_package_assignments_pkg_idx ON work_package_assignments (package_id, id);

-- 清查记录: the inventory of one source. Workflow statuses as the 2018 inventory
-- software had them (0 new … 9 deleted); the state is one of the six.
CREATE TABLE inventory_records (
  source_id      bigint PRIMARY KEY REFERENCES sources(id),
  region_code    text NOT NULL REFERENCES regions(code), -- the zone's township, else the source's region
  province_code  text NOT NULL,
  zone_id        bigint REFERENCES census_zones(id),
  package_id     bigint REFERENCES work_packages(id),
  status         text NOT NULL DEFAULT 'assigned'
                 CHECK (status IN ('new','submitted','approved','rejected','locked','assigned','done','deleted')),
  state          text REFERENCES inventory_states(code),
  state_reason   text,
  data           jsonb NOT NULL DEFAULT '{}', -- the inventory form as captured in the field
  client_uuid    uuid UNIQUE,                 -- the device's id of a record made in the field
  enumerator_id  bigint REFERENCES users(id),
  visited_at     timestamptz,
  visit_lat      double precision,
  visit_lng      double precision,
  visit_accuracy real,
  visit_distance real,                        -- metres from the source's known location
  visit_far      boolean NOT NULL DEFAULT false,
  submitted_at   timestamptz,
  reviewed_by    bigint REFERENCES users(id),
  reviewed_at    timestamptz,
  reject_reason  text,
  confirmation   text NOT NULL DEFAULT 'pending' CHECK (confirmation IN ('pending','confirmed','disputed','settled')),
  confirmed_at   timestamptz,
  version        integer NOT NULL DEFAULT 1,
  updated_by     bigint REFERENCES users(id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  seq            bigint NOT NULL DEFAULT 0    -- change counter the field app syncs from
);
CREATE INDEX inventory_records_region_idx ON inventory_records (region_code text_pattern_ops, source_id);
CREATE INDEX inventory_records_package_idx ON inventory_records (package_id, source_id);
CREATE INDEX inventory_records_zone_idx ON inventory_records (zone_id);
CREATE INDEX inventory_records_seq_idx ON inventory_records (package_id, seq);
CREATE SEQUENCE inventory_seq;

-- Each sync operation the device sends, by its client-made id: a resend answers
-- the stored result and changes nothing.
CREATE TABLE inventory_ops (
  op_id     uuid PRIMARY KEY,
  source_id bigint REFERENCES sources(id),
  user_id   bigint REFERENCES users(id),
  result    jsonb NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE inventory_photos (
  id            uuid PRIMARY KEY,             -- made on the device: a resend is the same photo
  source_id     bigint NOT NULL REFERENCES sources(id),
  region_code   text NOT NULL REFERENCES regions(code),
  province_code text NOT NULL,
  mime          text NOT NULL,
  bytes         integer NOT NULL,
  sha256        text NOT NULL,
  path          text NOT NULL,
  taken_at      timestamptz,
  lat           double precision,
  lng           double precision,
  uploaded_by   bigint REFERENCES users(id),
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_photos_source_idx ON inventory_photos (source_id);

-- One verdict per department per source (the latest stands).
CREATE TABLE inventory_verdicts (
  source_id  bigint NOT NULL REFERENCES sources(id),
  department text NOT NULL REFERENCES inventory_departments(code),
  verdict    text NOT NULL CHECK (verdict IN ('agree','disagree')),
  reason     text,
  user_id    bigint REFERENCES users(id),
  at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_id, department),
  CHECK (verdict = 'agree' OR reason IS NOT NULL)
);

-- Remarks on a record: reviewers' rejections and comments, departments' comments,
-- the office's settlement. The device receives them at its next sync.
CREATE TABLE inventory_remarks (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id  bigint NOT NULL REFERENCES sources(id),
  kind       text NOT NULL CHECK (kind IN ('reject','comment','disagree','settle','approve')),
  department text,
  text       text NOT NULL,
  author_id  bigint REFERENCES users(id),
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_remarks_source_idx ON inventory_remarks (source_id, id);

-- Pilot counties run ahead: the day their survey may start.
-- (No foreign key: the national row is written before the region tree is loaded.)
CREATE TABLE phase_dates (
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  phase       text NOT NULL CHECK (phase IN ('inventory','survey')),
  starts_on   date NOT NULL,
  ends_on     date NOT NULL,
  PRIMARY KEY (region_code, phase),
  CHECK (ends_on >= starts_on)
);
-- The national calendar of the second census (census-facts §2).
INSERT INTO phase_dates (region_code, phase, starts_on, ends_on) VALUES
  ('100000', 'inventory', '2018-03-01', '2018-06-30'),
  ('100000', 'survey',    '2018-08-01', '2018-11-30');
