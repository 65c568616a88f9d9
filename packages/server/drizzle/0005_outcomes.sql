CREATE TABLE "custom_forms" (
	"id" text PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_forms_id_format" CHECK ("custom_forms"."id" ~ '^[a-z0-9][a-z0-9-]{0,63}$')
);
--> statement-breakpoint
CREATE TABLE "safety_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"response_id" uuid,
	"instrument" text NOT NULL,
	"item_id" text NOT NULL,
	"answer" integer NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"follow_up" jsonb,
	"followed_up_by" uuid,
	"followed_up_at" timestamp with time zone,
	CONSTRAINT "safety_alerts_status" CHECK ("safety_alerts"."status" in ('open', 'followed-up')),
	CONSTRAINT "safety_alerts_answer" CHECK ("safety_alerts"."answer" > 0),
	CONSTRAINT "safety_alerts_follow_up" CHECK (("safety_alerts"."status" = 'followed-up') = ("safety_alerts"."follow_up" is not null and "safety_alerts"."followed_up_by" is not null and "safety_alerts"."followed_up_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "scale_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"answers" jsonb NOT NULL,
	"total" integer NOT NULL,
	"band_id" text,
	"band_label" text,
	"knowledge_version" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"course_id" uuid,
	"appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scale_responses_source" CHECK ("scale_responses"."source" in ('portal', 'paper')),
	CONSTRAINT "scale_responses_total" CHECK ("scale_responses"."total" >= 0)
);
--> statement-breakpoint
ALTER TABLE "custom_forms" ADD CONSTRAINT "custom_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alerts" ADD CONSTRAINT "safety_alerts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alerts" ADD CONSTRAINT "safety_alerts_response_id_scale_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."scale_responses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alerts" ADD CONSTRAINT "safety_alerts_followed_up_by_users_id_fk" FOREIGN KEY ("followed_up_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scale_responses" ADD CONSTRAINT "scale_responses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scale_responses" ADD CONSTRAINT "scale_responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scale_responses" ADD CONSTRAINT "scale_responses_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scale_responses" ADD CONSTRAINT "scale_responses_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safety_alerts_status_idx" ON "safety_alerts" USING btree ("status","raised_at");--> statement-breakpoint
CREATE INDEX "safety_alerts_patient_idx" ON "safety_alerts" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "scale_responses_patient_idx" ON "scale_responses" USING btree ("patient_id","instrument","completed_at");--> statement-breakpoint
CREATE INDEX "scale_responses_course_idx" ON "scale_responses" USING btree ("course_id");