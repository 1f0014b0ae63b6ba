-- Foundation: regions, people and access, audit, jobs, settings.
-- PostgreSQL 15 features only: this file runs unchanged on PGlite and the server.

CREATE TABLE regions (
  code         text PRIMARY KEY,
  name         text NOT NULL,
  level        text NOT NULL CHECK (level IN ('nation','province','prefecture','county','township','village')),
  parent_code  text REFERENCES regions(code),
  scope_prefix text NOT NULL,
  pinyin       text NOT NULL DEFAULT '',
  initials     text NOT NULL DEFAULT '',
  pilot        boolean NOT NULL DEFAULT false,
  CHECK ((level = 'nation') = (parent_code IS NULL))
);
CREATE INDEX regions_parent_idx ON regions (parent_code, code);
CREATE INDEX regions_prefix_idx ON regions (scope_prefix text_pattern_ops);
CREATE INDEX regions_code_pattern_idx ON regions (code text_pattern_ops);
CREATE INDEX regions_name_idx ON regions (name text_pattern_ops);
CREATE INDEX regions_pinyin_idx ON regions (pinyin text_pattern_ops);
CREATE INDEX regions_initials_idx ON regions (initials text_pattern_ops);

CREATE TABLE agencies (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         text NOT NULL CHECK (length(btrim(name)) > 0),
  region_code  text NOT NULL REFERENCES regions(code),
  credit_code  text CHECK (credit_code IS NULL OR credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  contact      text,
  phone        text,
  contract_ref text,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agencies_name_region_uq ON agencies (region_code, name);

CREATE TABLE users (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text NOT NULL CHECK (username ~ '^[A-Za-z0-9_.@-]{3,64}$'),
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('national-office','regional-office','reviewer','department-reviewer','instructor','enumerator','agency-staff','respondent','editor')),
  region_code   text NOT NULL REFERENCES regions(code),
  department    text,
  agency_id     bigint REFERENCES agencies(id),
  phone         text,
  disabled      boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until  timestamptz,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'department-reviewer' OR department IS NOT NULL),
  CHECK (role <> 'agency-staff' OR agency_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_username_uq ON users (lower(username));
CREATE INDEX users_region_idx ON users (region_code text_pattern_ops, id);

CREATE TABLE sessions (
  id           text PRIMARY KEY,            -- SHA-256 of the cookie token, never the token itself
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE teams (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text NOT NULL CHECK (length(btrim(name)) > 0),
  region_code   text NOT NULL REFERENCES regions(code),
  kind          text NOT NULL CHECK (kind IN ('enumerator','paired','agency','students')),
  agency_id     bigint REFERENCES agencies(id),
  instructor_id bigint REFERENCES users(id),
  disabled      boolean NOT NULL DEFAULT false,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'agency' OR agency_id IS NOT NULL)
);
CREATE INDEX teams_region_idx ON teams (region_code text_pattern_ops, id);

CREATE TABLE team_members (
  team_id     bigint NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id     bigint NOT NULL REFERENCES users(id),
  member_role text NOT NULL CHECK (member_role IN ('member','local','professional','student')),
  PRIMARY KEY (team_id, user_id)
);

CREATE TABLE audit_log (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_id       bigint,
  actor_username text NOT NULL,
  action         text NOT NULL,
  entity         text NOT NULL,
  entity_id      text NOT NULL,
  region_code    text,
  before         jsonb,
  after          jsonb
);
CREATE INDEX audit_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_region_idx ON audit_log (region_code text_pattern_ops);

CREATE TABLE jobs (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind             text NOT NULL,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','succeeded','failed','cancelled')),
  region_code      text NOT NULL REFERENCES regions(code),
  created_by       bigint REFERENCES users(id),
  params           jsonb NOT NULL DEFAULT '{}',
  progress_done    bigint NOT NULL DEFAULT 0,
  progress_total   bigint,
  message          text,
  checkpoint       jsonb,
  result           jsonb,
  error            jsonb,
  cancel_requested boolean NOT NULL DEFAULT false,
  attempts         integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  started_at       timestamptz,
  finished_at      timestamptz,
  heartbeat_at     timestamptz
);
CREATE INDEX jobs_queue_idx ON jobs (status, id) WHERE status IN ('queued','running');
CREATE INDEX jobs_region_idx ON jobs (region_code text_pattern_ops, id DESC);

CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO regions (code, name, level, parent_code, scope_prefix, pinyin, initials)
VALUES ('100000', '全国', 'nation', NULL, '', 'quanguo', 'qg');
