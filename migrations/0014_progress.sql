-- When each inventory record was made, so the progress of a past day counts only the records that
-- existed then without reading the sources (a dispatch for the nation scans one table, not two).
-- Records made before this migration take its time.
ALTER TABLE inventory_records ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
