-- Citus step 8 (src/core/db/distribution.ts): the inventory is distributed by province. Every
-- table of the family carries province_code (added and backfilled where it was missing: an
-- assignment from its package, a remark, a verdict and an op from their source), holds it in its
-- key, and points at its source or package by (province_code, …), so a record, its photos,
-- remarks, verdicts and ops sit with their source, and a record's package in its province.
-- - An op refused before it reached a source has none: it takes its user's province (the
--   nation's for a national account); the sync writes its package's.
-- - Ids made by a device and looked up alone (a photo's, a unit found in the field's client id)
--   stay unique in the whole nation by a check on write under a lock on the id
--   (src/core/db/global-unique.ts); an op id is looked up nationally before it is applied.
ALTER TABLE inventory_records DROP CONSTRAINT inventory_records_package_id_fkey;
ALTER TABLE work_package_assignments DROP CONSTRAINT work_package_assignments_package_id_fkey;
ALTER TABLE work_packages DROP CONSTRAINT work_packages_pkey, ADD PRIMARY KEY (id, province_code);

ALTER TABLE work_package_assignments ADD COLUMN province_code text;
UPDATE work_package_assignments a SET province_code = p.province_code FROM work_packages p WHERE p.id = a.package_id;
ALTER TABLE work_package_assignments ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE work_package_assignments DROP CONSTRAINT work_package_assignments_pkey, ADD PRIMARY KEY (id, province_code);
ALTER TABLE work_package_assignments ADD CONSTRAINT work_package_assignments_package_fkey FOREIGN KEY (province_code, package_id) REFERENCES work_packages (province_code, id);

ALTER TABLE inventory_records DROP CONSTRAINT inventory_records_source_id_fkey;
ALTER TABLE inventory_records DROP CONSTRAINT inventory_records_pkey, ADD PRIMARY KEY (source_id, province_code);
ALTER TABLE inventory_records DROP CONSTRAINT inventory_records_client_uuid_key, ADD CONSTRAINT inventory_records_client_uuid_key UNIQUE (client_uuid, province_code);
ALTER TABLE inventory_records ADD CONSTRAINT inventory_records_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);
ALTER TABLE inventory_records ADD CONSTRAINT inventory_records_package_fkey FOREIGN KEY (province_code, package_id) REFERENCES work_packages (province_code, id);

ALTER TABLE inventory_ops ADD COLUMN province_code text;
UPDATE inventory_ops o SET province_code = s.province_code FROM sources s WHERE s.id = o.source_id;
UPDATE inventory_ops o SET province_code = left(u.region_code, 2) || '0000' FROM users u WHERE o.province_code IS NULL AND u.id = o.user_id;
UPDATE inventory_ops SET province_code = '100000' WHERE province_code IS NULL;
ALTER TABLE inventory_ops ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE inventory_ops DROP CONSTRAINT inventory_ops_source_id_fkey;
ALTER TABLE inventory_ops DROP CONSTRAINT inventory_ops_pkey, ADD PRIMARY KEY (op_id, province_code);
ALTER TABLE inventory_ops ADD CONSTRAINT inventory_ops_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);

ALTER TABLE inventory_photos DROP CONSTRAINT inventory_photos_source_id_fkey;
ALTER TABLE inventory_photos DROP CONSTRAINT inventory_photos_pkey, ADD PRIMARY KEY (id, province_code);
ALTER TABLE inventory_photos ADD CONSTRAINT inventory_photos_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);

ALTER TABLE inventory_remarks ADD COLUMN province_code text;
UPDATE inventory_remarks m SET province_code = s.province_code FROM sources s WHERE s.id = m.source_id;
ALTER TABLE inventory_remarks ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE inventory_remarks DROP CONSTRAINT inventory_remarks_source_id_fkey;
ALTER TABLE inventory_remarks DROP CONSTRAINT inventory_remarks_pkey, ADD PRIMARY KEY (id, province_code);
ALTER TABLE inventory_remarks ADD CONSTRAINT inventory_remarks_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);

ALTER TABLE inventory_verdicts ADD COLUMN province_code text;
UPDATE inventory_verdicts v SET province_code = s.province_code FROM sources s WHERE s.id = v.source_id;
ALTER TABLE inventory_verdicts ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE inventory_verdicts DROP CONSTRAINT inventory_verdicts_source_id_fkey;
ALTER TABLE inventory_verdicts DROP CONSTRAINT inventory_verdicts_pkey, ADD PRIMARY KEY (source_id, department, province_code);
ALTER TABLE inventory_verdicts ADD CONSTRAINT inventory_verdicts_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);
