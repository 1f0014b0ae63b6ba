-- The first step of the Citus move (src/core/db/distribution.ts): `sources` carries its own
-- `province_code`, the distribution column, written with the row (Citus routes an INSERT by the
-- value it is given, so neither a default nor a trigger can fill it). The CHECK keeps it the
-- province of the row's region, so a write that forgets it fails rather than lands on the wrong
-- shard. UNIQUE (province_code, id) is what the other families' foreign keys will point at; the
-- bare `id` key stays until they do.
ALTER TABLE sources ADD COLUMN province_code text;
UPDATE sources SET province_code = left(region_code, 2) || '0000';
ALTER TABLE sources ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE sources ADD CONSTRAINT sources_province_check CHECK (province_code = left(region_code, 2) || '0000');
ALTER TABLE sources ADD CONSTRAINT sources_province_id_key UNIQUE (province_code, id);
