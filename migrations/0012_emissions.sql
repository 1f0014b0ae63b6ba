-- 核算结果与汇总: every source's emissions per outlet and pollutant with their lineage, the
-- sources whose emissions must be computed again (marked in the statement that changed their
-- forms), and the totals per region at every level × category × industry division × pollutant,
-- kept up to date by deltas (never recomputed from scratch to draw a page).

CREATE TABLE accounting_dirty (
  source_id   bigint PRIMARY KEY REFERENCES sources(id),
  marked_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE emissions (
  source_id       bigint NOT NULL REFERENCES sources(id),
  outlet_code     text NOT NULL,
  pollutant       text NOT NULL,
  province_code   text NOT NULL,
  region_code     text NOT NULL,
  category        text NOT NULL,
  industry_div    text NOT NULL,                 -- GB/T 4754 division (2 digits), '' when unknown
  approved        boolean NOT NULL,              -- every form read has passed the county office
  method          text NOT NULL CHECK (method IN ('monitoring','coefficient')),
  generated       numeric,
  emitted         numeric NOT NULL,
  permit_reported numeric,
  permit_flag     boolean NOT NULL DEFAULT false,
  lineage         jsonb NOT NULL,
  computed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_id, outlet_code, pollutant)
);
CREATE INDEX emissions_region_idx ON emissions (region_code text_pattern_ops);

CREATE TABLE emission_rollups (
  region_code   text NOT NULL,                  -- every level: township, county, prefecture, province, nation
  category      text NOT NULL,
  industry_div  text NOT NULL,
  pollutant     text NOT NULL,
  approved      boolean NOT NULL,
  generated     numeric NOT NULL DEFAULT 0,
  emitted       numeric NOT NULL DEFAULT 0,
  figures       integer NOT NULL DEFAULT 0,     -- outlet × pollutant figures summed in
  PRIMARY KEY (region_code, category, industry_div, pollutant, approved)
);
