-- Citus step 7 (src/core/db/distribution.ts): the survey's submissions, their revisions and
-- their attachments are distributed by province.
-- - A revision carries its submission's province (backfilled) and points at it by
--   (province_code, submission_id).
-- - A submission is keyed (id, province_code): the id leads, so a lookup by id alone still reads
--   the key's index. Its id is made by the client and must stay unique across provinces, which
--   Citus cannot enforce (a unique key holds within a shard): the save checks it under a lock on
--   the id (src/core/db/global-unique.ts). One current submission per source and form keeps its
--   index with the province added (a source lies in one province, so it means the same).
-- - seq comes from an identity sequence, unique by construction: a plain index keeps its order.
-- - An attachment is keyed (id, province_code), its id checked the same way as a submission's,
--   and points at its source by (province_code, source_id).
ALTER TABLE submission_revisions ADD COLUMN province_code text;
UPDATE submission_revisions r SET province_code = s.province_code FROM submissions s WHERE s.id = r.submission_id;
ALTER TABLE submission_revisions ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE submission_revisions DROP CONSTRAINT submission_revisions_submission_id_fkey;
ALTER TABLE submission_revisions DROP CONSTRAINT submission_revisions_pkey, ADD PRIMARY KEY (submission_id, rev, province_code);

ALTER TABLE review_steps DROP CONSTRAINT review_steps_submission_fkey;
ALTER TABLE submissions DROP CONSTRAINT submissions_province_id_key;
ALTER TABLE submissions DROP CONSTRAINT submissions_pkey, ADD PRIMARY KEY (id, province_code);
ALTER TABLE submissions DROP CONSTRAINT submissions_seq_key;
CREATE INDEX submissions_seq_idx ON submissions (seq);
DROP INDEX submissions_source_form_uq;
CREATE UNIQUE INDEX submissions_source_form_uq ON submissions (source_id, form, province_code);
ALTER TABLE review_steps ADD CONSTRAINT review_steps_submission_fkey FOREIGN KEY (province_code, submission_id) REFERENCES submissions (province_code, id);
ALTER TABLE submission_revisions ADD CONSTRAINT submission_revisions_submission_fkey FOREIGN KEY (province_code, submission_id) REFERENCES submissions (province_code, id);

ALTER TABLE submission_attachments DROP CONSTRAINT submission_attachments_source_id_fkey;
ALTER TABLE submission_attachments DROP CONSTRAINT submission_attachments_pkey, ADD PRIMARY KEY (id, province_code);
ALTER TABLE submission_attachments ADD CONSTRAINT submission_attachments_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);
