-- 审核链 and 质量控制 (docs/review-api.md): the chain of review levels, where each submission
-- waits and what each level did; phase acceptance by region; sampling re-checks and their
-- thresholds.

-- The chain, bottom to top. The national office turns levels on and off; county stays on.
CREATE TABLE review_levels (
  code        text PRIMARY KEY CHECK (code IN ('respondent','enumerator','instructor','county','city','province','nation')),
  position    integer NOT NULL UNIQUE CHECK (position BETWEEN 0 AND 6),
  enabled     boolean NOT NULL DEFAULT true,
  CHECK (code <> 'county' OR enabled),
  updated_by  bigint REFERENCES users(id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO review_levels (code, position) VALUES
  ('respondent', 0), ('enumerator', 1), ('instructor', 2), ('county', 3), ('city', 4), ('province', 5), ('nation', 6);

-- Where a submission is in the chain. review_version is the optimistic version of the review
-- state: every save and every review action moves it, so two reviewers cannot both act on one.
ALTER TABLE submissions
  ADD COLUMN review_level   text CHECK (review_level IN ('respondent','enumerator','instructor','county','city','province','nation')),
  ADD COLUMN review_version integer NOT NULL DEFAULT 0,
  ADD COLUMN waiting_since  timestamptz,
  ADD COLUMN filled_level   text,
  ADD COLUMN returned_from  text,
  ADD COLUMN returned_to    bigint REFERENCES users(id),
  ADD COLUMN open_paths     jsonb;
-- Forms submitted before the chain existed wait at the county office.
UPDATE submissions SET review_level = 'county', waiting_since = coalesce(submitted_at, updated_at) WHERE status IN ('submitted','approved');
ALTER TABLE submissions ADD CHECK ((status IN ('submitted','approved')) = (review_level IS NOT NULL));
CREATE INDEX submissions_queue_idx ON submissions (review_level, waiting_since, seq) WHERE review_level IS NOT NULL;
CREATE INDEX submissions_returned_idx ON submissions (returned_to) WHERE status = 'returned';

-- What each level did, oldest first: submit, approve, reject, unlock, confirm.
CREATE TABLE review_steps (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id  uuid NOT NULL REFERENCES submissions(id),
  province_code  text NOT NULL,
  level          text NOT NULL,
  action         text NOT NULL CHECK (action IN ('submit','approve','reject','unlock','confirm')),
  reason         text,
  comments       jsonb NOT NULL DEFAULT '[]',   -- [{ path, text }] pinned to fields
  rev            integer NOT NULL,
  by_user        bigint REFERENCES users(id),
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_steps_submission_idx ON review_steps (submission_id, id);

-- 阶段验收: a region's signed acceptance of a phase, with the figures it was given on.
-- A revoked acceptance stays as history; one standing acceptance per phase and region.
CREATE TABLE phase_acceptances (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phase          text NOT NULL CHECK (phase IN ('inventory','survey')),
  region_code    text NOT NULL REFERENCES regions(code),
  province_code  text NOT NULL,
  signed_by      text NOT NULL CHECK (length(signed_by) BETWEEN 1 AND 100),
  statement      text NOT NULL DEFAULT '',
  figures        jsonb NOT NULL,
  accepted_by    bigint REFERENCES users(id),
  accepted_at    timestamptz NOT NULL DEFAULT now(),
  revoked_by     bigint REFERENCES users(id),
  revoked_at     timestamptz,
  revoke_reason  text
);
CREATE UNIQUE INDEX phase_acceptances_standing_uq ON phase_acceptances (phase, region_code) WHERE revoked_at IS NULL;

-- Thresholds and sample sizes of the national office (our defaults: census-facts §5 found none).
CREATE TABLE qc_settings (
  id                 integer PRIMARY KEY CHECK (id = 1),
  error_rate_max     numeric NOT NULL DEFAULT 0.05 CHECK (error_rate_max BETWEEN 0 AND 1),
  omission_rate_max  numeric NOT NULL DEFAULT 0.01 CHECK (omission_rate_max BETWEEN 0 AND 1),
  inventory_added    integer NOT NULL DEFAULT 3 CHECK (inventory_added BETWEEN 0 AND 1000),
  inventory_deleted  integer NOT NULL DEFAULT 3 CHECK (inventory_deleted BETWEEN 0 AND 1000),
  survey_share       numeric NOT NULL DEFAULT 0.05 CHECK (survey_share > 0 AND survey_share <= 1),
  updated_by         bigint REFERENCES users(id),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
INSERT INTO qc_settings (id) VALUES (1);

-- 抽样复核: a random sample of a county's sources, re-checked by a team of the level above.
CREATE TABLE qc_samples (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phase          text NOT NULL CHECK (phase IN ('inventory','survey')),
  region_code    text NOT NULL REFERENCES regions(code),
  province_code  text NOT NULL,
  team_id        bigint REFERENCES teams(id),
  params         jsonb NOT NULL,
  drawn_by       bigint REFERENCES users(id),
  drawn_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qc_samples_region_idx ON qc_samples (region_code text_pattern_ops, phase);

CREATE TABLE qc_sample_items (
  sample_id      bigint NOT NULL REFERENCES qc_samples(id),
  source_id      bigint NOT NULL REFERENCES sources(id),
  province_code  text NOT NULL,
  stratum        text NOT NULL,                 -- added | deleted | a source category
  category       text NOT NULL,
  verdict        text CHECK (verdict IN ('right','wrong')),
  fields_checked integer NOT NULL DEFAULT 0 CHECK (fields_checked >= 0),
  fields_wrong   integer NOT NULL DEFAULT 0 CHECK (fields_wrong >= 0 AND fields_wrong <= fields_checked),
  missed         integer NOT NULL DEFAULT 0 CHECK (missed >= 0),
  note           text NOT NULL DEFAULT '',
  checked_by     bigint REFERENCES users(id),
  checked_at     timestamptz,
  PRIMARY KEY (sample_id, source_id)
);
