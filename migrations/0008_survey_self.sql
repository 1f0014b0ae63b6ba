-- 企业自填 enterprise self-filling: one-time invitation codes an office issues for a source,
-- redeemed by the enterprise for a respondent account; the legal representative's
-- confirmation of the submitted forms, the first step of the review chain.

-- The code is shown once; only its SHA-256 is kept (like session tokens).
CREATE TABLE survey_invitations (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id       bigint NOT NULL REFERENCES sources(id),
  region_code     text NOT NULL REFERENCES regions(code),
  province_code   text NOT NULL,
  code_hash       text NOT NULL UNIQUE CHECK (code_hash ~ '^[A-Za-z0-9_-]{43}$'),
  expires_at      timestamptz NOT NULL,
  created_by      bigint REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  -- wrong credit codes given with this code; at the limit the code no longer opens anything
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  used_at         timestamptz,
  used_by         bigint REFERENCES users(id),
  revoked_at      timestamptz,
  revoked_by      bigint REFERENCES users(id),
  CHECK ((used_at IS NULL) = (used_by IS NULL))
);
CREATE INDEX survey_invitations_source_idx ON survey_invitations (source_id);

-- 法定代表人确认: who confirmed, for which legal representative, and the revision of every
-- form confirmed ({ "G101-1": 3, … }). The latest row of a source stands while those
-- revisions are still the current ones; a later save of any of them voids it.
CREATE TABLE survey_confirmations (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id      bigint NOT NULL REFERENCES sources(id),
  region_code    text NOT NULL REFERENCES regions(code),
  province_code  text NOT NULL,
  legal_rep      text NOT NULL CHECK (length(legal_rep) BETWEEN 1 AND 100),
  statement      text NOT NULL DEFAULT '',
  revisions      jsonb NOT NULL,
  confirmed_by   bigint REFERENCES users(id),
  confirmed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_confirmations_source_idx ON survey_confirmations (source_id, id DESC);
