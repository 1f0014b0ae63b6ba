-- Citus step 4 (src/core/db/distribution.ts): the outfall survey's tables are distributed by
-- province. The steps and the counters get the column (the steps from their outfall, a county's
-- counter from its code); every key becomes (province_code, …): the unique reach name, image and
-- outfall code keep their meaning, since region and county codes lie within one province; every
-- foreign key inside the family and to sources pairs province_code with province_code. Lookups by
-- id alone keep an index of their own.
ALTER TABLE outfall_counters ADD COLUMN province_code text;
UPDATE outfall_counters SET province_code = left(county_code, 2) || '0000';
ALTER TABLE outfall_counters ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE outfall_counters DROP CONSTRAINT outfall_counters_pkey, ADD PRIMARY KEY (province_code, county_code);

ALTER TABLE outfall_steps ADD COLUMN province_code text;
UPDATE outfall_steps t SET province_code = o.province_code FROM outfalls o WHERE o.id = t.outfall_id;
ALTER TABLE outfall_steps ALTER COLUMN province_code SET NOT NULL;

ALTER TABLE outfall_steps DROP CONSTRAINT outfall_steps_outfall_id_fkey;
ALTER TABLE outfall_photos DROP CONSTRAINT outfall_photos_outfall_id_fkey;
ALTER TABLE outfalls DROP CONSTRAINT outfalls_reach_id_fkey, DROP CONSTRAINT outfalls_image_id_fkey, DROP CONSTRAINT outfalls_source_id_fkey;
ALTER TABLE outfall_images DROP CONSTRAINT outfall_images_reach_id_fkey;

ALTER TABLE outfall_reaches DROP CONSTRAINT outfall_reaches_pkey, ADD PRIMARY KEY (province_code, id);
ALTER TABLE outfall_reaches DROP CONSTRAINT outfall_reaches_region_code_name_key,
  ADD CONSTRAINT outfall_reaches_region_code_name_key UNIQUE (province_code, region_code, name);
ALTER TABLE outfall_images DROP CONSTRAINT outfall_images_pkey, ADD PRIMARY KEY (province_code, id);
ALTER TABLE outfall_images DROP CONSTRAINT outfall_images_region_code_sha256_key,
  ADD CONSTRAINT outfall_images_region_code_sha256_key UNIQUE (province_code, region_code, sha256);
ALTER TABLE outfalls DROP CONSTRAINT outfalls_pkey, ADD PRIMARY KEY (province_code, id);
ALTER TABLE outfalls DROP CONSTRAINT outfalls_code_key, ADD CONSTRAINT outfalls_code_key UNIQUE (province_code, code);
ALTER TABLE outfall_steps DROP CONSTRAINT outfall_steps_pkey, ADD PRIMARY KEY (province_code, id);
ALTER TABLE outfall_photos DROP CONSTRAINT outfall_photos_pkey, ADD PRIMARY KEY (province_code, id);
CREATE INDEX outfall_reaches_id ON outfall_reaches (id);
CREATE INDEX outfall_images_id ON outfall_images (id);
CREATE INDEX outfalls_id ON outfalls (id);
CREATE INDEX outfalls_code ON outfalls (code);
CREATE INDEX outfall_steps_id ON outfall_steps (id);
CREATE INDEX outfall_photos_id ON outfall_photos (id);

ALTER TABLE outfall_images ADD CONSTRAINT outfall_images_reach_fkey FOREIGN KEY (province_code, reach_id) REFERENCES outfall_reaches (province_code, id);
ALTER TABLE outfalls ADD CONSTRAINT outfalls_reach_fkey FOREIGN KEY (province_code, reach_id) REFERENCES outfall_reaches (province_code, id);
ALTER TABLE outfalls ADD CONSTRAINT outfalls_image_fkey FOREIGN KEY (province_code, image_id) REFERENCES outfall_images (province_code, id);
ALTER TABLE outfalls ADD CONSTRAINT outfalls_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);
ALTER TABLE outfall_steps ADD CONSTRAINT outfall_steps_outfall_fkey FOREIGN KEY (province_code, outfall_id) REFERENCES outfalls (province_code, id);
ALTER TABLE outfall_photos ADD CONSTRAINT outfall_photos_outfall_fkey FOREIGN KEY (province_code, outfall_id) REFERENCES outfalls (province_code, id);
