-- When an address last failed to log in, so that rows whose lockout is over and whose failures are
-- old can be deleted. Rows already there count from the upgrade.
ALTER TABLE "login_failures" ADD COLUMN "last_failed_at" timestamp with time zone DEFAULT now() NOT NULL;