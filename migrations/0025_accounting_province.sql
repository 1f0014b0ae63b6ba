-- Citus step 5 (src/core/db/distribution.ts): the computed emissions and the sources marked for
-- computing are distributed by province. The figures carry province_code since 0012; the marks
-- get it from their source. Both keys lead with it, and both point at their source by
-- (province_code, source_id), so a figure or a mark can only sit in its source's province. The
-- chore and the totals look a source's rows up by source_id alone: they keep an index of their own.
ALTER TABLE accounting_dirty ADD COLUMN province_code text;
UPDATE accounting_dirty d SET province_code = s.province_code FROM sources s WHERE s.id = d.source_id;
ALTER TABLE accounting_dirty ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE accounting_dirty DROP CONSTRAINT accounting_dirty_source_id_fkey;
ALTER TABLE accounting_dirty DROP CONSTRAINT accounting_dirty_pkey, ADD PRIMARY KEY (province_code, source_id);
CREATE INDEX accounting_dirty_source ON accounting_dirty (source_id);
ALTER TABLE accounting_dirty ADD CONSTRAINT accounting_dirty_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);

ALTER TABLE emissions DROP CONSTRAINT emissions_source_id_fkey;
ALTER TABLE emissions DROP CONSTRAINT emissions_pkey, ADD PRIMARY KEY (province_code, source_id, outlet_code, pollutant);
CREATE INDEX emissions_source ON emissions (source_id);
ALTER TABLE emissions ADD CONSTRAINT emissions_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);
