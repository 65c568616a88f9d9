-- The weekdays and time a prescriber asked for when planning a course, so that resuming or
-- re-planning it books at them again. Courses planned before this know none (null).
ALTER TABLE "courses" ADD COLUMN "preferred_weekdays" jsonb;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "preferred_time" text;
