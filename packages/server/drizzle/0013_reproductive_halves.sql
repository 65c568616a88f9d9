-- A reproductive status row may state only one of its halves (null: not stated in this row), as a
-- FHIR import brings them as separate Observations. Rows already kept say 'unknown' where a half was
-- not stated; they are left as they are, since an import's filler cannot be told from an answer.
ALTER TABLE "reproductive_statuses" ALTER COLUMN "pregnancy" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reproductive_statuses" ALTER COLUMN "breastfeeding" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reproductive_statuses" ADD CONSTRAINT "repro_states_one" CHECK ("reproductive_statuses"."pregnancy" is not null or "reproductive_statuses"."breastfeeding" is not null);