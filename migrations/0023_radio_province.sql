-- Citus step 3 (src/core/db/distribution.ts): the associated radioactive mines' tables are
-- distributed by province. They carried province_code already; their keys become
-- (province_code, id), each foreign key between them and to sources pairs province_code with
-- province_code (an enterprise sits in its source's province: it is listed from it or matched to
-- it by credit code, and a source never leaves its province, migration 0021), and the one-listing-
-- per-source index includes the province. Lookups by id alone keep an index of their own.
ALTER TABLE radio_files DROP CONSTRAINT radio_files_measurement_id_fkey;
ALTER TABLE radio_measurements DROP CONSTRAINT radio_measurements_enterprise_id_fkey;
ALTER TABLE radio_enterprises DROP CONSTRAINT radio_enterprises_source_id_fkey;

ALTER TABLE radio_enterprises DROP CONSTRAINT radio_enterprises_pkey, ADD PRIMARY KEY (province_code, id);
ALTER TABLE radio_measurements DROP CONSTRAINT radio_measurements_pkey, ADD PRIMARY KEY (province_code, id);
ALTER TABLE radio_files DROP CONSTRAINT radio_files_pkey, ADD PRIMARY KEY (province_code, id);
CREATE INDEX radio_enterprises_id ON radio_enterprises (id);
CREATE INDEX radio_measurements_id ON radio_measurements (id);
CREATE INDEX radio_files_id ON radio_files (id);

DROP INDEX radio_enterprises_source;
CREATE UNIQUE INDEX radio_enterprises_source ON radio_enterprises (province_code, source_id) WHERE source_id IS NOT NULL;

ALTER TABLE radio_enterprises ADD CONSTRAINT radio_enterprises_source_fkey
  FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);
ALTER TABLE radio_measurements ADD CONSTRAINT radio_measurements_enterprise_fkey
  FOREIGN KEY (province_code, enterprise_id) REFERENCES radio_enterprises (province_code, id);
ALTER TABLE radio_files ADD CONSTRAINT radio_files_measurement_fkey
  FOREIGN KEY (province_code, measurement_id) REFERENCES radio_measurements (province_code, id);
