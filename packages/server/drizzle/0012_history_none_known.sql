-- A history list with no entry is 'not recorded' unless a clinician records that there is none
-- known. Patients already on file get no such statement: nobody said their empty lists were complete.
ALTER TABLE "patients" ADD COLUMN "conditions_none_known_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "medications_none_known_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "allergies_none_known_at" timestamp with time zone;