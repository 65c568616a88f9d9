CREATE TABLE "blood_pressures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"systolic_mm_hg" integer NOT NULL,
	"diastolic_mm_hg" integer NOT NULL,
	"measured_on" date NOT NULL,
	"source" text DEFAULT 'clinic' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bp_systolic_range" CHECK ("blood_pressures"."systolic_mm_hg" between 30 and 320),
	CONSTRAINT "bp_diastolic_range" CHECK ("blood_pressures"."diastolic_mm_hg" between 10 and 250),
	CONSTRAINT "bp_source" CHECK ("blood_pressures"."source" in ('clinic', 'self-reported'))
);
--> statement-breakpoint
CREATE TABLE "intakes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"knowledge_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reproductive_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"pregnancy" text NOT NULL,
	"breastfeeding" text NOT NULL,
	"recorded_on" date NOT NULL,
	"source" text DEFAULT 'clinic' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repro_pregnancy" CHECK ("reproductive_statuses"."pregnancy" in ('pregnant', 'not-pregnant', 'unknown', 'not-possible')),
	CONSTRAINT "repro_breastfeeding" CHECK ("reproductive_statuses"."breastfeeding" in ('yes', 'no', 'unknown')),
	CONSTRAINT "repro_source" CHECK ("reproductive_statuses"."source" in ('clinic', 'self-reported'))
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"indication" text NOT NULL,
	"product" text NOT NULL,
	"as_of" date NOT NULL,
	"knowledge_version" text NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"decision" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stale_at" timestamp with time zone,
	"superseded_by" uuid,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"acceptances" jsonb,
	CONSTRAINT "screenings_decision" CHECK ("screenings"."decision" in ('eligible', 'eligible-with-precautions', 'needs-review', 'contraindicated')),
	CONSTRAINT "screenings_product" CHECK ("screenings"."product" in ('ketamine-iv', 'esketamine-nasal')),
	CONSTRAINT "screenings_signature_complete" CHECK (("screenings"."signed_by" is null) = ("screenings"."signed_at" is null) and ("screenings"."signed_at" is null) = ("screenings"."acceptances" is null)),
	CONSTRAINT "screenings_no_signed_contraindicated" CHECK ("screenings"."signed_at" is null or "screenings"."decision" <> 'contraindicated')
);
--> statement-breakpoint
ALTER TABLE "blood_pressures" ADD CONSTRAINT "blood_pressures_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reproductive_statuses" ADD CONSTRAINT "reproductive_statuses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bp_patient_idx" ON "blood_pressures" USING btree ("patient_id","measured_on");--> statement-breakpoint
CREATE INDEX "repro_patient_idx" ON "reproductive_statuses" USING btree ("patient_id","recorded_on");--> statement-breakpoint
CREATE INDEX "screenings_patient_idx" ON "screenings" USING btree ("patient_id","created_at");--> statement-breakpoint
-- What a screening saw and said never changes; a signature is given once; rows are never deleted.
CREATE OR REPLACE FUNCTION screenings_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'screenings are never deleted';
  END IF;
  IF NEW.patient_id <> OLD.patient_id OR NEW.indication <> OLD.indication
     OR NEW.product <> OLD.product OR NEW.as_of <> OLD.as_of
     OR NEW.knowledge_version <> OLD.knowledge_version OR NEW.input <> OLD.input
     OR NEW.result <> OLD.result OR NEW.decision <> OLD.decision
     OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'a screening''s input and result are immutable';
  END IF;
  IF OLD.signed_at IS NOT NULL AND (NEW.signed_at IS DISTINCT FROM OLD.signed_at
     OR NEW.signed_by IS DISTINCT FROM OLD.signed_by
     OR NEW.acceptances IS DISTINCT FROM OLD.acceptances) THEN
    RAISE EXCEPTION 'a signed screening''s signature is immutable';
  END IF;
  IF OLD.stale_at IS NOT NULL AND (NEW.stale_at IS DISTINCT FROM OLD.stale_at
     OR NEW.superseded_by IS DISTINCT FROM OLD.superseded_by) THEN
    RAISE EXCEPTION 'a stale screening stays stale';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER screenings_guard
  BEFORE UPDATE OR DELETE ON screenings
  FOR EACH ROW EXECUTE FUNCTION screenings_guard();
