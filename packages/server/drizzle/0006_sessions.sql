CREATE TABLE "monitor_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "monitor_devices_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "session_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"taken_at" timestamp with time zone,
	"device_id" uuid,
	"refers_to" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_events_signed" CHECK ("session_events"."recorded_by" is not null or "session_events"."device_id" is not null),
	CONSTRAINT "session_events_reading_time" CHECK ("session_events"."kind" <> 'reading' or "session_events"."taken_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "treatment_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"product" text NOT NULL,
	"indication" text,
	"location_id" uuid,
	"session_date" text NOT NULL,
	"state" text NOT NULL,
	"dose_calculation_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "treatment_sessions_appointment_id_unique" UNIQUE("appointment_id"),
	CONSTRAINT "treatment_sessions_state" CHECK ("treatment_sessions"."state" in ('checked-in', 'pre-check', 'in-progress', 'recovery', 'discharged', 'stopped')),
	CONSTRAINT "treatment_sessions_product" CHECK ("treatment_sessions"."product" in ('ketamine-iv', 'esketamine-nasal'))
);
--> statement-breakpoint
ALTER TABLE "monitor_devices" ADD CONSTRAINT "monitor_devices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_device_id_monitor_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."monitor_devices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_dose_calculation_id_dose_calculations_id_fk" FOREIGN KEY ("dose_calculation_id") REFERENCES "public"."dose_calculations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_events_session_idx" ON "session_events" USING btree ("session_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "session_events_device_reading_uq" ON "session_events" USING btree ("session_id","device_id","taken_at") WHERE "session_events"."kind" = 'reading' and "session_events"."device_id" is not null;--> statement-breakpoint
CREATE INDEX "treatment_sessions_date_idx" ON "treatment_sessions" USING btree ("session_date","location_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION session_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'session_events rows are immutable (% refused); add an amendment', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER session_events_immutable
  BEFORE UPDATE OR DELETE ON session_events
  FOR EACH ROW EXECUTE FUNCTION session_events_refuse_change();
