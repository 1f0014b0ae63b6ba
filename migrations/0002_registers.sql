-- 部门名录 registers: departments' lists as imported, row by row, with the rows
-- that failed their checks kept aside, and the column mappings saved per department.
-- PostgreSQL 15 features only: this file runs unchanged on PGlite and the server.

CREATE TABLE registers (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  department   text NOT NULL CHECK (department IN ('samr','tax','stats','mee','miit','moa','mwr','mohurd','other')),
  region_code  text NOT NULL REFERENCES regions(code),
  file_name    text NOT NULL,
  file_sha256  text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_size    bigint NOT NULL CHECK (file_size >= 0),
  format       text NOT NULL CHECK (format IN ('csv','xlsx')),
  encoding     text NOT NULL,                 -- utf-8, utf-16le, utf-16be, gb18030 (xlsx: utf-8)
  mapping      jsonb NOT NULL DEFAULT '{}',   -- field → header, e.g. {"name": "单位名称"}
  status       text NOT NULL DEFAULT 'importing' CHECK (status IN ('importing','imported','failed','cancelled')),
  row_count    integer NOT NULL DEFAULT 0,
  valid_count  integer NOT NULL DEFAULT 0,
  error_count  integer NOT NULL DEFAULT 0,     -- error entries; a row may carry several
  job_id       bigint REFERENCES jobs(id) ON DELETE SET NULL,
  created_by   bigint REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  imported_at  timestamptz,
  version      integer NOT NULL DEFAULT 1,
  CHECK ((status = 'imported') = (imported_at IS NOT NULL)),
  CHECK (valid_count <= row_count)
);
-- The same file for the same department and region is imported once.
CREATE UNIQUE INDEX registers_file_uq ON registers (file_sha256, department, region_code) WHERE status = 'imported';
CREATE INDEX registers_region_idx ON registers (region_code text_pattern_ops, id DESC);
CREATE INDEX registers_sha_idx ON registers (file_sha256);

CREATE TABLE register_rows (
  register_id   bigint NOT NULL REFERENCES registers(id) ON DELETE CASCADE,
  row_number    integer NOT NULL CHECK (row_number > 0),  -- 1-based data row, header excluded
  region_code   text NOT NULL,
  valid         boolean NOT NULL,
  credit_code   text,
  name          text,
  address       text,
  legal_rep     text,
  industry_code text,
  phone         text,
  extra         jsonb,                                     -- unmapped columns, header → value
  PRIMARY KEY (register_id, row_number)
);
CREATE INDEX register_rows_credit_idx ON register_rows (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX register_rows_region_idx ON register_rows (region_code text_pattern_ops);

CREATE TABLE register_errors (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  register_id  bigint NOT NULL REFERENCES registers(id) ON DELETE CASCADE,
  row_number   integer NOT NULL,
  column_name  text,
  code         text NOT NULL,
  message_zh   text NOT NULL,
  message_en   text NOT NULL,
  value        text
);
CREATE INDEX register_errors_register_idx ON register_errors (register_id, id);

CREATE TABLE register_mappings (
  department  text NOT NULL CHECK (department IN ('samr','tax','stats','mee','miit','moa','mwr','mohurd','other')),
  name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 64),
  columns     jsonb NOT NULL,
  updated_by  bigint REFERENCES users(id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (department, name)
);
