-- Citus step 2 (src/core/db/distribution.ts): the audit trail is distributed by province. Each row
-- carries the province of its region; a change with no region (a setting, a national code table)
-- belongs to the nation, 100000, the national office's own shard. The key becomes
-- (province_code, id); the page order by id keeps an index of its own.
ALTER TABLE audit_log ADD COLUMN province_code text;
UPDATE audit_log SET province_code = left(coalesce(region_code, '100000'), 2) || '0000';
ALTER TABLE audit_log ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_province_check CHECK (province_code = left(coalesce(region_code, '100000'), 2) || '0000');
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (province_code, id);
CREATE INDEX audit_id_idx ON audit_log (id DESC);
