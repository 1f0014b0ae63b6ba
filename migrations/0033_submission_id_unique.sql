-- A submission's id is made by the client and must be unique in the whole nation, while its key
-- holds the province (0029). The save used to check it under a lock in a transaction of its own:
-- four round trips where one did, a third of the ingest rate (docs/benchmarks.md). The insert now
-- checks it itself, in its one statement: this trigger takes the lock on each new id
-- (src/core/db/global-unique.ts, UNIQUE_ID.submission; for statements of up to 100 rows: the bulk
-- loads make their ids from their sources and run alone) and then looks for the ids in the other
-- provinces. A volatile function's query sees what committed while it waited for the lock, so of
-- two saves of one id at once in two provinces the second finds the first's row and fails as a
-- unique violation of submissions_id_national, which the save answers as the id being taken.
CREATE FUNCTION submissions_id_national() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE taken uuid;
BEGIN
  IF (SELECT count(*) FROM new_rows) <= 100 THEN
    PERFORM pg_advisory_xact_lock(7301, hashtext(n.id::text)) FROM (SELECT id FROM new_rows ORDER BY id) n;
  END IF;
  SELECT n.id INTO taken FROM new_rows n JOIN submissions s ON s.id = n.id AND s.province_code <> n.province_code LIMIT 1;
  IF taken IS NOT NULL THEN
    RAISE EXCEPTION 'submissions_id_national: submission id % is taken in another province', taken
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'submissions_id_national';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER submissions_id_national AFTER INSERT ON submissions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION submissions_id_national();
