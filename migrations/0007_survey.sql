-- The survey (入户调查): one current submission per source and form, every change
-- kept as a revision, attachments stored once by their hash. Answers are checked by
-- the same rule engine as in the browser (src/domains/survey/engine) before they land.

-- 普查对象 respondents fill only their own source: the account names it.
ALTER TABLE users ADD COLUMN source_id bigint REFERENCES sources(id);
CREATE INDEX users_source_idx ON users (source_id) WHERE source_id IS NOT NULL;

CREATE TABLE submissions (
  id             uuid PRIMARY KEY,              -- made by the client: a resend is the same submission
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE, -- keyset order for lists
  source_id      bigint NOT NULL REFERENCES sources(id),
  region_code    text NOT NULL REFERENCES regions(code),
  province_code  text NOT NULL,
  form           text NOT NULL CHECK (form ~ '^[A-Z][0-9]{3}(-[0-9]{1,2})?$'),
  version        integer NOT NULL CHECK (version >= 1),
  -- draft and submitted now; the review chain will add the other three.
  status         text NOT NULL CHECK (status IN ('draft','submitted','returned','approved','locked')),
  answers        jsonb NOT NULL,                -- as the client sent them
  explanations   jsonb NOT NULL DEFAULT '{}',   -- { "<rule>@<path>": text } for warnings
  computed       jsonb NOT NULL DEFAULT '{}',   -- the engine's values: coerced, irrelevant dropped, calculations filled
  issues         jsonb NOT NULL DEFAULT '[]',   -- the engine's issues at the last save
  ready          boolean NOT NULL,
  blocking       integer NOT NULL CHECK (blocking >= 0),
  warnings       integer NOT NULL CHECK (warnings >= 0),
  unexplained    integer NOT NULL CHECK (unexplained >= 0),
  rev            integer NOT NULL DEFAULT 1 CHECK (rev >= 1),
  content_hash   text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  created_by     bigint REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     bigint REFERENCES users(id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  submitted_at   timestamptz,
  CHECK (status <> 'submitted' OR ready)
);
-- One current submission per source and form; a second id for the pair is refused.
CREATE UNIQUE INDEX submissions_source_form_uq ON submissions (source_id, form);
CREATE INDEX submissions_region_idx ON submissions (region_code text_pattern_ops, seq);

-- Every change, kept whole: who, when, what the answers were.
CREATE TABLE submission_revisions (
  submission_id  uuid NOT NULL REFERENCES submissions(id),
  rev            integer NOT NULL,
  status         text NOT NULL,
  answers        jsonb NOT NULL,
  explanations   jsonb NOT NULL,
  content_hash   text NOT NULL,
  by_user        bigint REFERENCES users(id),
  at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, rev)
);

-- Files a form answer references ({ id, type }): the bytes are stored once under
-- PUCHA_DATA_DIR/survey-files/<sha256>, whatever number of answers name them.
CREATE TABLE submission_attachments (
  id             text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,128}$'),
  source_id      bigint NOT NULL REFERENCES sources(id),
  region_code    text NOT NULL REFERENCES regions(code),
  province_code  text NOT NULL,
  mime           text NOT NULL,
  bytes          integer NOT NULL CHECK (bytes >= 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  name           text,
  uploaded_by    bigint REFERENCES users(id),
  uploaded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submission_attachments_source_idx ON submission_attachments (source_id);
