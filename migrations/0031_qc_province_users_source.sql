-- Citus step 9 (src/core/db/distribution.ts):
-- - A quality-control sample is always one county's (qc.ts refuses any other region), so it and
--   its items sit in that county's province: keys (id, province_code) and (sample_id, source_id,
--   province_code); an item points at its sample and its source by (province_code, …).
-- - An enterprise's account names its source (users.source_id), but users is a reference table,
--   copied to every node, and may point only at reference tables: the foreign key goes, and the
--   link is checked where it is written (people/users.sql.ts linkSource holds the source as the
--   key did), and a source an account names is never deleted (directory/matching/match.sql.ts).
ALTER TABLE qc_sample_items DROP CONSTRAINT qc_sample_items_sample_id_fkey;
ALTER TABLE qc_sample_items DROP CONSTRAINT qc_sample_items_source_id_fkey;
ALTER TABLE qc_samples DROP CONSTRAINT qc_samples_pkey, ADD PRIMARY KEY (id, province_code);
ALTER TABLE qc_sample_items DROP CONSTRAINT qc_sample_items_pkey, ADD PRIMARY KEY (sample_id, source_id, province_code);
ALTER TABLE qc_sample_items ADD CONSTRAINT qc_sample_items_sample_fkey FOREIGN KEY (province_code, sample_id) REFERENCES qc_samples (province_code, id);
ALTER TABLE qc_sample_items ADD CONSTRAINT qc_sample_items_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);

ALTER TABLE users DROP CONSTRAINT users_source_id_fkey;
