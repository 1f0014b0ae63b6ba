-- Citus step 10 (src/core/db/distribution.ts), the last family: the directory.
-- - sources is keyed (id, province_code): the id leads, so a look-up by id alone keeps its key.
--   A merged source points at its survivor by province: a merge never crosses provinces (each
--   province's office owns its sources; a copy of a unit held by two provinces is deleted as a
--   duplicate by one office, not merged across).
-- - One active source per credit code in the whole nation. Citus keeps a unique key only within a
--   shard, so the index holds the province and a statement trigger looks in the other provinces,
--   under a lock on each code (src/core/db/global-unique.ts, UNIQUE_ID.credit) for statements of
--   up to 100 rows; a bulk statement takes one lock that every writer of codes shares. It fails as
--   a unique violation of the same sources_credit_active_uq, so writers see what they saw before.
-- - registers (one row per file) and match_runs (one per run) become reference tables: a register
--   of the nation holds rows of every province, and each row sits in its own province, where the
--   sources it is matched with are. registers loses its key to jobs (a coordinator table); the
--   job id stays as a plain value (a job row is never deleted while its register lives).
-- - register_rows: in the row's province (the register's region when the row's own is not valid).
-- - register_errors: in the register's province (the nation's for a national register).
-- - source_links: with their row (keyed and linked by the row's province). The source a row is
--   matched with may be in another province (a credit code found elsewhere), so the link names its
--   source without a key; sources are deleted only by an unfinished match run's undo, which keeps
--   every linked source (matching/match.sql.ts).
-- - merge_candidates and merge_events: in their sources' province. A pair across provinces is
--   never queued (matching drops it); candidates of that kind left from before are removed, unless
--   merged, which would stop this migration (there are none: a merge always stayed in a county's
--   scope).
ALTER TABLE sources DROP CONSTRAINT sources_merged_into_fkey;
ALTER TABLE source_links DROP CONSTRAINT source_links_source_id_fkey;
ALTER TABLE source_links DROP CONSTRAINT source_links_register_id_row_number_fkey;
ALTER TABLE merge_candidates DROP CONSTRAINT merge_candidates_source_a_fkey, DROP CONSTRAINT merge_candidates_source_b_fkey;
ALTER TABLE merge_events DROP CONSTRAINT merge_events_other_id_fkey, DROP CONSTRAINT merge_events_survivor_id_fkey,
  DROP CONSTRAINT merge_events_candidate_id_fkey;

ALTER TABLE sources DROP CONSTRAINT sources_pkey, ADD PRIMARY KEY (id, province_code);
ALTER TABLE sources ADD CONSTRAINT sources_merged_into_fkey FOREIGN KEY (province_code, merged_into) REFERENCES sources (province_code, id);
DROP INDEX sources_credit_active_uq;
CREATE UNIQUE INDEX sources_credit_active_uq ON sources (credit_code, province_code) WHERE state = 'active' AND credit_code IS NOT NULL;

-- The check itself, given the codes now held actively and the province of each.
CREATE FUNCTION sources_credit_check(codes text[], provinces text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE taken text;
BEGIN
  IF codes IS NULL THEN RETURN; END IF;
  IF cardinality(codes) <= 100 THEN
    PERFORM pg_advisory_xact_lock_shared(7305, 0);
    PERFORM pg_advisory_xact_lock(7305, hashtext(c)) FROM (SELECT DISTINCT c FROM unnest(codes) c ORDER BY 1) x;
  ELSE
    PERFORM pg_advisory_xact_lock(7305, 0);
  END IF;
  SELECT c.code INTO taken FROM unnest(codes, provinces) c(code, province)
    JOIN sources s ON s.credit_code = c.code AND s.state = 'active' AND s.province_code <> c.province LIMIT 1;
  IF taken IS NOT NULL THEN
    RAISE EXCEPTION 'duplicate key value violates unique constraint "sources_credit_active_uq": credit code % is held by an active source of another province', taken
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'sources_credit_active_uq', TABLE = 'sources';
  END IF;
END $$;
-- Inserted rows that hold a code actively; updated rows whose code or state changed to hold one.
CREATE FUNCTION sources_credit_national_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sources_credit_check(array_agg(n.credit_code), array_agg(n.province_code)) FROM new_rows n
    WHERE n.state = 'active' AND n.credit_code IS NOT NULL;
  RETURN NULL;
END $$;
CREATE FUNCTION sources_credit_national_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sources_credit_check(array_agg(n.credit_code), array_agg(n.province_code)) FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.state = 'active' AND n.credit_code IS NOT NULL AND (o.state <> 'active' OR o.credit_code IS DISTINCT FROM n.credit_code);
  RETURN NULL;
END $$;
CREATE TRIGGER sources_credit_national_ins AFTER INSERT ON sources REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sources_credit_national_ins();
CREATE TRIGGER sources_credit_national_upd AFTER UPDATE ON sources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION sources_credit_national_upd();

-- registers and match runs: reference tables
ALTER TABLE registers DROP CONSTRAINT registers_job_id_fkey;

-- register rows, in the row's province (a rewrite in one pass, faster than an UPDATE of every row)
ALTER TABLE register_rows ADD COLUMN province_code text;
ALTER TABLE register_rows ALTER COLUMN province_code TYPE text USING left(region_code, 2) || '0000';
ALTER TABLE register_rows ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE register_rows DROP CONSTRAINT register_rows_pkey, ADD PRIMARY KEY (register_id, row_number, province_code);

ALTER TABLE register_errors ADD COLUMN province_code text;
UPDATE register_errors e SET province_code = left(g.region_code, 2) || '0000' FROM registers g WHERE g.id = e.register_id;
ALTER TABLE register_errors ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE register_errors DROP CONSTRAINT register_errors_pkey, ADD PRIMARY KEY (id, province_code);

ALTER TABLE source_links ADD COLUMN province_code text;
UPDATE source_links l SET province_code = r.province_code FROM register_rows r WHERE r.register_id = l.register_id AND r.row_number = l.row_number;
ALTER TABLE source_links ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE source_links DROP CONSTRAINT source_links_pkey, ADD PRIMARY KEY (register_id, row_number, province_code);
ALTER TABLE source_links ADD CONSTRAINT source_links_row_fkey FOREIGN KEY (register_id, row_number, province_code)
  REFERENCES register_rows (register_id, row_number, province_code) ON DELETE CASCADE;

-- the merge queue and the merges, in their sources' province
ALTER TABLE merge_candidates ADD COLUMN province_code text;
UPDATE merge_candidates c SET province_code = s.province_code FROM sources s WHERE s.id = c.source_a;
DELETE FROM merge_candidates c USING sources b
  WHERE b.id = c.source_b AND b.province_code <> c.province_code AND c.status <> 'merged'
    AND NOT EXISTS (SELECT 1 FROM merge_events e WHERE e.candidate_id = c.id);
ALTER TABLE merge_candidates ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE merge_candidates DROP CONSTRAINT merge_candidates_pkey, ADD PRIMARY KEY (id, province_code);
ALTER TABLE merge_candidates DROP CONSTRAINT merge_candidates_source_a_source_b_key,
  ADD CONSTRAINT merge_candidates_source_a_source_b_key UNIQUE (source_a, source_b, province_code);
ALTER TABLE merge_candidates ADD CONSTRAINT merge_candidates_source_a_fkey FOREIGN KEY (province_code, source_a) REFERENCES sources (province_code, id);
ALTER TABLE merge_candidates ADD CONSTRAINT merge_candidates_source_b_fkey FOREIGN KEY (province_code, source_b) REFERENCES sources (province_code, id);

ALTER TABLE merge_events ADD COLUMN province_code text;
UPDATE merge_events e SET province_code = s.province_code FROM sources s WHERE s.id = e.survivor_id;
ALTER TABLE merge_events ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE merge_events DROP CONSTRAINT merge_events_pkey, ADD PRIMARY KEY (id, province_code);
ALTER TABLE merge_events ADD CONSTRAINT merge_events_survivor_fkey FOREIGN KEY (province_code, survivor_id) REFERENCES sources (province_code, id);
ALTER TABLE merge_events ADD CONSTRAINT merge_events_other_fkey FOREIGN KEY (province_code, other_id) REFERENCES sources (province_code, id);
ALTER TABLE merge_events ADD CONSTRAINT merge_events_candidate_fkey FOREIGN KEY (candidate_id, province_code) REFERENCES merge_candidates (id, province_code);
