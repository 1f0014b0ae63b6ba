-- The master directory (名录库): sources, the register rows linked to them,
-- match runs, the merge queue and the undoable merge log.

CREATE TABLE sources (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code   text NOT NULL REFERENCES regions(code),
  credit_code   text,
  name          text NOT NULL CHECK (length(btrim(name)) > 0),
  former_names  text[] NOT NULL DEFAULT '{}',
  address       text,
  legal_rep     text,
  phone         text,
  industry_code text,
  category      text NOT NULL DEFAULT 'industrial'
                CHECK (category IN ('industrial','livestock','domestic','centralised','mobile')),
  lat           double precision,
  lng           double precision,
  permit_no     text,
  radioactive   boolean NOT NULL DEFAULT false,
  state         text NOT NULL DEFAULT 'active' CHECK (state IN ('active','deleted','merged')),
  merged_into   bigint REFERENCES sources(id),
  delete_reason text CHECK (delete_reason IN ('duplicate','out-of-scope','closed')),
  origin        text NOT NULL CHECK (origin IN ('register','supplement')),
  -- which register row each field was taken from: { "name": { "registerId": 1, "rowNumber": 7, "department": "samr" }, … }
  field_origins jsonb NOT NULL DEFAULT '{}',
  match_run     bigint,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'merged') = (merged_into IS NOT NULL)),
  CHECK ((state = 'deleted') = (delete_reason IS NOT NULL))
);
-- One active master record per credit code.
CREATE UNIQUE INDEX sources_credit_active_uq ON sources (credit_code) WHERE state = 'active' AND credit_code IS NOT NULL;
CREATE INDEX sources_region_idx ON sources (region_code text_pattern_ops, id);
CREATE INDEX sources_name_idx ON sources (name text_pattern_ops);

CREATE TABLE match_runs (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code     text NOT NULL REFERENCES regions(code),
  job_id          bigint,
  status          text NOT NULL DEFAULT 'running' CHECK (status IN ('running','done','failed')),
  thresholds      jsonb NOT NULL,
  rows_read       integer NOT NULL DEFAULT 0,
  pairs_scored    bigint NOT NULL DEFAULT 0,
  rows_linked     integer NOT NULL DEFAULT 0,
  sources_created integer NOT NULL DEFAULT 0,
  queued          integer NOT NULL DEFAULT 0,
  started_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);

CREATE TABLE source_links (
  register_id bigint NOT NULL,
  row_number  integer NOT NULL,
  source_id   bigint NOT NULL REFERENCES sources(id),
  rule        text NOT NULL CHECK (rule IN ('new','credit-code','score','manual','merge')),
  score       real,
  match_run   bigint REFERENCES match_runs(id),
  PRIMARY KEY (register_id, row_number),
  FOREIGN KEY (register_id, row_number) REFERENCES register_rows (register_id, row_number) ON DELETE CASCADE
);
CREATE INDEX source_links_source_idx ON source_links (source_id);

-- 合并队列 the merge queue: pairs of sources the rules could not decide.
CREATE TABLE merge_candidates (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL REFERENCES regions(code),
  source_a    bigint NOT NULL REFERENCES sources(id),
  source_b    bigint NOT NULL REFERENCES sources(id),
  score       real NOT NULL,
  reasons     jsonb NOT NULL DEFAULT '[]',
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','merged','apart','later')),
  match_run   bigint REFERENCES match_runs(id),
  decided_by  bigint REFERENCES users(id),
  decided_at  timestamptz,
  version     integer NOT NULL DEFAULT 1,
  CHECK (source_a < source_b),
  UNIQUE (source_a, source_b)
);
CREATE INDEX merge_candidates_queue_idx ON merge_candidates (status, region_code text_pattern_ops, score DESC, id);

-- Every merge or split, with what it changed, so it can be undone.
CREATE TABLE merge_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('merge','split')),
  region_code  text NOT NULL REFERENCES regions(code),
  survivor_id  bigint NOT NULL REFERENCES sources(id),
  other_id     bigint NOT NULL REFERENCES sources(id),
  candidate_id bigint REFERENCES merge_candidates(id),
  moved_rows   jsonb NOT NULL,  -- [[registerId, rowNumber], …] that moved between the two sources
  survivor_before jsonb NOT NULL, -- the survivor's fields before, to restore on undo
  actor_id     bigint,
  at           timestamptz NOT NULL DEFAULT now(),
  undone_at    timestamptz,
  undone_by    bigint
);
CREATE INDEX merge_events_source_idx ON merge_events (survivor_id);

-- 增补完成 sign-off: a region's office declares its directory supplement complete.
CREATE TABLE directory_signoffs (
  region_code text PRIMARY KEY REFERENCES regions(code),
  signed_by   bigint REFERENCES users(id),
  signed_at   timestamptz NOT NULL DEFAULT now(),
  note        text
);
