-- Failed log-ins are counted per e-mail address, known or not, so that a lockout does not tell
-- which addresses have an account. The counts and lockouts already on accounts carry over; the
-- key is the SHA-256 (hex) of the lower-cased address, as the server computes it.
CREATE TABLE "login_failures" (
	"email_hash" text PRIMARY KEY NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
INSERT INTO "login_failures" ("email_hash", "failed_count", "locked_until")
	SELECT encode(sha256(convert_to("email", 'UTF8')), 'hex'), "failed_login_count", "locked_until"
	FROM "users"
	WHERE "failed_login_count" > 0 OR "locked_until" IS NOT NULL;
--> statement-breakpoint
-- A reset link holds a digest of the password hash it was made for: once the password changes by
-- any path, the link no longer matches. Links already out get their account's current digest.
ALTER TABLE "password_resets" ADD COLUMN "password_digest" text;--> statement-breakpoint
UPDATE "password_resets" SET "password_digest" = encode(sha256(convert_to("users"."password_hash", 'UTF8')), 'hex')
	FROM "users" WHERE "users"."id" = "password_resets"."user_id";--> statement-breakpoint
ALTER TABLE "password_resets" ALTER COLUMN "password_digest" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_login_count";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";
