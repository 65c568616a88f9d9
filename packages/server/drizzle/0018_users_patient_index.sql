-- The patient list and record show the online account of each patient (whether its e-mail is
-- confirmed), read by patient: an index so the list does not scan every account for each row.
CREATE INDEX "users_patient_idx" ON "users" USING btree ("patient_id");
