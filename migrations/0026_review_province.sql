-- Citus step 6 (src/core/db/distribution.ts): the review chain's steps and the enterprise's own
-- survey (invitation codes, the legal representative's confirmations) are distributed by
-- province. All three carry province_code already; their keys now lead with it, and they point
-- at their submission or source by (province_code, …), so none can sit outside its source's
-- province. A submission gets UNIQUE (province_code, id) for its steps to point at (its own key
-- stays `id` until the survey family's move) and points at its source by (province_code,
-- source_id). An invitation code's hash is unique within its province; the issuing checks a new
-- code against every province's (and draws again), and the redemption finds a code by its hash
-- alone through an index of its own.
ALTER TABLE submissions ADD CONSTRAINT submissions_province_id_key UNIQUE (province_code, id);
ALTER TABLE submissions DROP CONSTRAINT submissions_source_id_fkey;
ALTER TABLE submissions ADD CONSTRAINT submissions_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);

ALTER TABLE review_steps DROP CONSTRAINT review_steps_submission_id_fkey;
ALTER TABLE review_steps DROP CONSTRAINT review_steps_pkey, ADD PRIMARY KEY (province_code, id);
CREATE INDEX review_steps_id ON review_steps (id);
ALTER TABLE review_steps ADD CONSTRAINT review_steps_submission_fkey FOREIGN KEY (province_code, submission_id) REFERENCES submissions (province_code, id);

ALTER TABLE survey_confirmations DROP CONSTRAINT survey_confirmations_source_id_fkey;
ALTER TABLE survey_confirmations DROP CONSTRAINT survey_confirmations_pkey, ADD PRIMARY KEY (province_code, id);
CREATE INDEX survey_confirmations_id ON survey_confirmations (id);
ALTER TABLE survey_confirmations ADD CONSTRAINT survey_confirmations_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);

ALTER TABLE survey_invitations DROP CONSTRAINT survey_invitations_source_id_fkey;
ALTER TABLE survey_invitations DROP CONSTRAINT survey_invitations_pkey, ADD PRIMARY KEY (province_code, id);
CREATE INDEX survey_invitations_id ON survey_invitations (id);
ALTER TABLE survey_invitations DROP CONSTRAINT survey_invitations_code_hash_key,
  ADD CONSTRAINT survey_invitations_code_hash_key UNIQUE (province_code, code_hash);
CREATE INDEX survey_invitations_code_hash ON survey_invitations (code_hash);
ALTER TABLE survey_invitations ADD CONSTRAINT survey_invitations_source_fkey FOREIGN KEY (province_code, source_id) REFERENCES sources (province_code, id);
