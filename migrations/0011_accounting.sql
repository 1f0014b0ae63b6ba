-- 核算 emission accounting (docs/accounting-api.md): the versioned coefficient library, with at
-- most one version in force per census year, and the national office's accounting settings.

CREATE TABLE coefficient_versions (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  label           text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  census          text NOT NULL DEFAULT '2017' CHECK (census ~ '^[0-9]{4}$'),
  sample          boolean NOT NULL DEFAULT false,  -- shipped for the demo, not official
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in-force','retired')),
  rows            integer NOT NULL DEFAULT 0 CHECK (rows >= 0),
  file_name       text,
  file_sha256     text CHECK (file_sha256 IS NULL OR file_sha256 ~ '^[0-9a-f]{64}$'),
  imported_by     bigint REFERENCES users(id),
  imported_at     timestamptz NOT NULL DEFAULT now(),
  in_force_by     bigint REFERENCES users(id),
  in_force_at     timestamptz
);
CREATE UNIQUE INDEX coefficient_versions_in_force_uq ON coefficient_versions (census) WHERE status = 'in-force';

CREATE TABLE coefficients (
  version_id            bigint NOT NULL REFERENCES coefficient_versions(id),
  row_no                integer NOT NULL CHECK (row_no >= 1),
  industry_code         text NOT NULL CHECK (industry_code ~ '^[0-9]{4}$'),
  product               text NOT NULL DEFAULT '',
  material              text NOT NULL DEFAULT '',
  process               text NOT NULL DEFAULT '',
  scale                 text NOT NULL DEFAULT '',
  pollutant             text NOT NULL,
  activity_unit         text NOT NULL,
  gen_coefficient       numeric CHECK (gen_coefficient IS NULL OR gen_coefficient >= 0),
  gen_formula           text,                    -- of one parameter, e.g. '19*S'
  coefficient_unit      text NOT NULL,           -- e.g. 'kg/t'
  treatment             text NOT NULL DEFAULT '',
  efficiency            numeric CHECK (efficiency IS NULL OR efficiency BETWEEN 0 AND 100),
  discharge_coefficient numeric CHECK (discharge_coefficient IS NULL OR discharge_coefficient >= 0),
  op_params             jsonb NOT NULL DEFAULT '[]',
  CHECK ((gen_coefficient IS NULL) <> (gen_formula IS NULL)),
  PRIMARY KEY (version_id, row_no)
);
CREATE INDEX coefficients_lookup_idx ON coefficients (version_id, industry_code, pollutant);

-- The national office's choices where the official method is not public (census-facts §4).
CREATE TABLE accounting_settings (
  id                  integer PRIMARY KEY CHECK (id = 1),
  k_default           numeric NOT NULL DEFAULT 1 CHECK (k_default BETWEEN 0 AND 1),
  capture_min         numeric NOT NULL DEFAULT 75 CHECK (capture_min BETWEEN 0 AND 100),
  permit_ratio_max    numeric NOT NULL DEFAULT 0.3 CHECK (permit_ratio_max >= 0),
  updated_by          bigint REFERENCES users(id),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
INSERT INTO accounting_settings (id) VALUES (1);
