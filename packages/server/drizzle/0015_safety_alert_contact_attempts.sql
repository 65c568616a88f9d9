-- Safety-alert follow-ups that did not reach the patient, kept on the alert while it stays open
-- (before, such an attempt closed the alert). Alerts closed that way were never followed up with
-- the patient: they are opened again, with that attempt as their first one.
ALTER TABLE "safety_alerts" ADD COLUMN "contact_attempts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
UPDATE "safety_alerts" SET "contact_attempts" = jsonb_build_array("follow_up"), "status" = 'open', "follow_up" = NULL, "followed_up_by" = NULL, "followed_up_at" = NULL WHERE "status" = 'followed-up' AND "follow_up"->>'contact' = 'not-reached';
