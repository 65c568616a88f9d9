CREATE TABLE "dose_calculations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"purpose" text DEFAULT 'calculation' NOT NULL,
	"product" text NOT NULL,
	"indication" text,
	"location_id" uuid,
	"weight_id" uuid,
	"knowledge_version" text NOT NULL,
	"request" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"blocked" boolean NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dose_calculations_not_blocked" CHECK ("dose_calculations"."blocked" = false),
	CONSTRAINT "dose_calculations_purpose" CHECK ("dose_calculations"."purpose" in ('calculation', 'order', 'administration')),
	CONSTRAINT "dose_calculations_product" CHECK ("dose_calculations"."product" in ('ketamine-iv', 'esketamine-nasal'))
);
--> statement-breakpoint
-- Existing locations get a code from their name (plus part of the id, so codes stay unique).
ALTER TABLE "locations" ADD COLUMN "code" text;--> statement-breakpoint
UPDATE "locations" SET "code" = left(trim(both '-' from regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), 50) || '-' || left("id"::text, 8) WHERE "code" IS NULL;--> statement-breakpoint
ALTER TABLE "locations" ALTER COLUMN "code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "dose_calculations" ADD CONSTRAINT "dose_calculations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_calculations" ADD CONSTRAINT "dose_calculations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_calculations" ADD CONSTRAINT "dose_calculations_weight_id_patient_weights_id_fk" FOREIGN KEY ("weight_id") REFERENCES "public"."patient_weights"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_calculations" ADD CONSTRAINT "dose_calculations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dose_calculations_patient_idx" ON "dose_calculations" USING btree ("patient_id","created_at");--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_code_unique" UNIQUE("code");--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_code_format" CHECK ("locations"."code" ~ '^[a-z0-9][a-z0-9-]{0,63}$');--> statement-breakpoint
-- A stored dose calculation is a record of what was computed and shown: it is never changed.
CREATE OR REPLACE FUNCTION dose_calculations_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'dose_calculations rows are immutable (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER dose_calculations_immutable
  BEFORE UPDATE OR DELETE ON dose_calculations
  FOR EACH ROW EXECUTE FUNCTION dose_calculations_refuse_change();
