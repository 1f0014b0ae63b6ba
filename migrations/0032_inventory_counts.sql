-- 清查进度 kept as rows change (docs/benchmarks.md, "Load test at national size": the county's
-- progress, counted live on each request, was what gave way first). Every active source counts
-- once: under its inventory record's region, zone, state (once the field has sent it), visit and
-- confirmation, or under its own region while it has no record; a source whose record is deleted
-- does not count. inventory_counts holds those counts per key, moved by statement triggers on
-- sources and inventory_records (a bulk statement is one aggregated change, not one per row);
-- progress sums the rows under a region instead of reading every record.
-- Two writers of one source at once (its state in the directory, its record in the field) stay
-- right: a change of a source's state or region holds its record (FOR SHARE) before it reads it,
-- and a record inserted for a source holds the source (statements of up to 1,000 records: the
-- bulk loads run alone). inventory_counts_recount() rebuilds the table from the rows.
CREATE TABLE inventory_counts (
  province_code  text NOT NULL,
  region_code    text NOT NULL REFERENCES regions(code),
  zone_id        bigint NOT NULL,            -- 0: no zone
  state          text NOT NULL,              -- '' until the field has sent the record
  visited        boolean NOT NULL,
  confirmation   text NOT NULL CHECK (confirmation IN ('', 'confirmed', 'disputed')),
  sources        integer NOT NULL,
  PRIMARY KEY (province_code, region_code, zone_id, state, visited, confirmation)
);
CREATE INDEX inventory_counts_region_idx ON inventory_counts (region_code text_pattern_ops);

-- Where a source counts: its record's place and findings, or its own region without one.
CREATE FUNCTION inventory_count_key(s_region text, has_record boolean, r_status text, r_region text, r_zone bigint, r_state text, r_confirmation text,
  OUT region text, OUT zone bigint, OUT state text, OUT visited boolean, OUT confirmation text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN has_record THEN r_region ELSE s_region END,
    CASE WHEN has_record THEN coalesce(r_zone, 0) ELSE 0 END,
    CASE WHEN has_record AND r_status IN ('submitted','approved','done','locked') THEN coalesce(r_state, '') ELSE '' END,
    has_record AND r_status IN ('submitted','approved','done','locked'),
    CASE WHEN NOT has_record THEN '' WHEN r_confirmation IN ('confirmed','settled') THEN 'confirmed' WHEN r_confirmation = 'disputed' THEN 'disputed' ELSE '' END
$$;

-- inventory_records: a record replaces its source's bare count, moves with its changes, and gives it back when deleted.
CREATE FUNCTION inventory_counts_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF (SELECT count(*) FROM new_rows) <= 1000 THEN
      PERFORM 1 FROM sources WHERE id IN (SELECT source_id FROM new_rows) FOR SHARE;
    END IF;
    INSERT INTO inventory_counts AS c (province_code, region_code, zone_id, state, visited, confirmation, sources)
      SELECT left(k.region, 2) || '0000', k.region, k.zone, k.state, k.visited, k.confirmation, sum(k.d)::int FROM (
        SELECT x.*, -1 AS d FROM new_rows r JOIN sources s ON s.id = r.source_id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, false, NULL, NULL, NULL, NULL, NULL) x
          WHERE s.state = 'active'
        UNION ALL SELECT x.*, 1 AS d FROM new_rows r JOIN sources s ON s.id = r.source_id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, true, r.status, r.region_code, r.zone_id, r.state, r.confirmation) x
          WHERE s.state = 'active' AND r.status <> 'deleted') k
      GROUP BY k.region, k.zone, k.state, k.visited, k.confirmation HAVING sum(k.d) <> 0
      ON CONFLICT (province_code, region_code, zone_id, state, visited, confirmation) DO UPDATE SET sources = c.sources + EXCLUDED.sources;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO inventory_counts AS c (province_code, region_code, zone_id, state, visited, confirmation, sources)
      SELECT left(k.region, 2) || '0000', k.region, k.zone, k.state, k.visited, k.confirmation, sum(k.d)::int FROM (
        SELECT x.*, -1 AS d FROM old_rows r JOIN sources s ON s.id = r.source_id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, true, r.status, r.region_code, r.zone_id, r.state, r.confirmation) x
          WHERE s.state = 'active' AND r.status <> 'deleted'
        UNION ALL SELECT x.*, 1 AS d FROM new_rows r JOIN sources s ON s.id = r.source_id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, true, r.status, r.region_code, r.zone_id, r.state, r.confirmation) x
          WHERE s.state = 'active' AND r.status <> 'deleted') k
      GROUP BY k.region, k.zone, k.state, k.visited, k.confirmation HAVING sum(k.d) <> 0
      ON CONFLICT (province_code, region_code, zone_id, state, visited, confirmation) DO UPDATE SET sources = c.sources + EXCLUDED.sources;
  ELSE
    INSERT INTO inventory_counts AS c (province_code, region_code, zone_id, state, visited, confirmation, sources)
      SELECT left(k.region, 2) || '0000', k.region, k.zone, k.state, k.visited, k.confirmation, sum(k.d)::int FROM (
        SELECT x.*, -1 AS d FROM old_rows r JOIN sources s ON s.id = r.source_id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, true, r.status, r.region_code, r.zone_id, r.state, r.confirmation) x
          WHERE s.state = 'active' AND r.status <> 'deleted'
        UNION ALL SELECT x.*, 1 AS d FROM old_rows r JOIN sources s ON s.id = r.source_id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, false, NULL, NULL, NULL, NULL, NULL) x
          WHERE s.state = 'active') k
      GROUP BY k.region, k.zone, k.state, k.visited, k.confirmation HAVING sum(k.d) <> 0
      ON CONFLICT (province_code, region_code, zone_id, state, visited, confirmation) DO UPDATE SET sources = c.sources + EXCLUDED.sources;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER inventory_counts_ins AFTER INSERT ON inventory_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inventory_counts_records();
CREATE TRIGGER inventory_counts_upd AFTER UPDATE ON inventory_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inventory_counts_records();
CREATE TRIGGER inventory_counts_del AFTER DELETE ON inventory_records REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION inventory_counts_records();

-- sources: a source counts while active, where its record (or its own region) puts it.
CREATE FUNCTION inventory_counts_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO inventory_counts AS c (province_code, region_code, zone_id, state, visited, confirmation, sources)
      SELECT left(k.region, 2) || '0000', k.region, k.zone, k.state, k.visited, k.confirmation, sum(k.d)::int FROM (
        SELECT x.*, 1 AS d FROM new_rows s LEFT JOIN inventory_records r ON r.source_id = s.id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, r.source_id IS NOT NULL, r.status, r.region_code, r.zone_id, r.state, r.confirmation) x
          WHERE s.state = 'active' AND (r.source_id IS NULL OR r.status <> 'deleted')) k
      GROUP BY k.region, k.zone, k.state, k.visited, k.confirmation HAVING sum(k.d) <> 0
      ON CONFLICT (province_code, region_code, zone_id, state, visited, confirmation) DO UPDATE SET sources = c.sources + EXCLUDED.sources;
  ELSIF TG_OP = 'UPDATE' THEN
    -- only the sources whose state or region changed move; their records are held first
    PERFORM 1 FROM inventory_records WHERE source_id IN (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.state IS DISTINCT FROM n.state OR o.region_code IS DISTINCT FROM n.region_code) FOR SHARE;
    INSERT INTO inventory_counts AS c (province_code, region_code, zone_id, state, visited, confirmation, sources)
      SELECT left(k.region, 2) || '0000', k.region, k.zone, k.state, k.visited, k.confirmation, sum(k.d)::int FROM (
        SELECT x.*, -1 AS d FROM (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.state IS DISTINCT FROM n.state OR o.region_code IS DISTINCT FROM n.region_code) s LEFT JOIN inventory_records r ON r.source_id = s.id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, r.source_id IS NOT NULL, r.status, r.region_code, r.zone_id, r.state, r.confirmation) x
          WHERE s.state = 'active' AND (r.source_id IS NULL OR r.status <> 'deleted')
        UNION ALL SELECT x.*, 1 AS d FROM (SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.state IS DISTINCT FROM n.state OR o.region_code IS DISTINCT FROM n.region_code) s LEFT JOIN inventory_records r ON r.source_id = s.id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, r.source_id IS NOT NULL, r.status, r.region_code, r.zone_id, r.state, r.confirmation) x
          WHERE s.state = 'active' AND (r.source_id IS NULL OR r.status <> 'deleted')) k
      GROUP BY k.region, k.zone, k.state, k.visited, k.confirmation HAVING sum(k.d) <> 0
      ON CONFLICT (province_code, region_code, zone_id, state, visited, confirmation) DO UPDATE SET sources = c.sources + EXCLUDED.sources;
  ELSE
    INSERT INTO inventory_counts AS c (province_code, region_code, zone_id, state, visited, confirmation, sources)
      SELECT left(k.region, 2) || '0000', k.region, k.zone, k.state, k.visited, k.confirmation, sum(k.d)::int FROM (
        SELECT x.*, -1 AS d FROM old_rows s LEFT JOIN inventory_records r ON r.source_id = s.id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, r.source_id IS NOT NULL, r.status, r.region_code, r.zone_id, r.state, r.confirmation) x
          WHERE s.state = 'active' AND (r.source_id IS NULL OR r.status <> 'deleted')) k
      GROUP BY k.region, k.zone, k.state, k.visited, k.confirmation HAVING sum(k.d) <> 0
      ON CONFLICT (province_code, region_code, zone_id, state, visited, confirmation) DO UPDATE SET sources = c.sources + EXCLUDED.sources;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER inventory_counts_ins AFTER INSERT ON sources REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inventory_counts_sources();
CREATE TRIGGER inventory_counts_upd AFTER UPDATE ON sources REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inventory_counts_sources();
CREATE TRIGGER inventory_counts_del AFTER DELETE ON sources REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION inventory_counts_sources();

-- Rebuilds the counts from the rows (the backfill below; a repair if they were ever doubted).
CREATE FUNCTION inventory_counts_recount() RETURNS void LANGUAGE sql AS $$
  DELETE FROM inventory_counts;
  INSERT INTO inventory_counts AS c (province_code, region_code, zone_id, state, visited, confirmation, sources)
      SELECT left(k.region, 2) || '0000', k.region, k.zone, k.state, k.visited, k.confirmation, sum(k.d)::int FROM (
        SELECT x.*, 1 AS d FROM sources s LEFT JOIN inventory_records r ON r.source_id = s.id
          CROSS JOIN LATERAL inventory_count_key(s.region_code, r.source_id IS NOT NULL, r.status, r.region_code, r.zone_id, r.state, r.confirmation) x
          WHERE s.state = 'active' AND (r.source_id IS NULL OR r.status <> 'deleted')) k
      GROUP BY k.region, k.zone, k.state, k.visited, k.confirmation HAVING sum(k.d) <> 0
      ON CONFLICT (province_code, region_code, zone_id, state, visited, confirmation) DO UPDATE SET sources = c.sources + EXCLUDED.sources;
$$;
SELECT inventory_counts_recount();
