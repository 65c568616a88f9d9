CREATE TABLE "cds_cards" (
	"uuid" uuid PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"hook_instance" text NOT NULL,
	"rule_code" text NOT NULL,
	"indicator" text NOT NULL,
	"issuer" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cds_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"card_uuid" uuid NOT NULL,
	"service_id" text NOT NULL,
	"rule_code" text NOT NULL,
	"outcome" text NOT NULL,
	"override_reason_code" text,
	"override_reason_system" text,
	"user_comment" text,
	"accepted_suggestions" text[] DEFAULT '{}'::text[] NOT NULL,
	"outcome_timestamp" timestamp with time zone NOT NULL,
	"issuer" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cds_feedback_outcome" CHECK ("cds_feedback"."outcome" in ('accepted', 'overridden'))
);
--> statement-breakpoint
CREATE TABLE "cds_jwt_ids" (
	"issuer" text NOT NULL,
	"jti" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cds_jwt_ids_issuer_jti_pk" PRIMARY KEY("issuer","jti")
);
--> statement-breakpoint
ALTER TABLE "cds_feedback" ADD CONSTRAINT "cds_feedback_card_uuid_cds_cards_uuid_fk" FOREIGN KEY ("card_uuid") REFERENCES "public"."cds_cards"("uuid") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cds_cards_rule_idx" ON "cds_cards" USING btree ("rule_code");--> statement-breakpoint
CREATE INDEX "cds_feedback_rule_idx" ON "cds_feedback" USING btree ("rule_code");--> statement-breakpoint
CREATE INDEX "cds_jwt_ids_expires_idx" ON "cds_jwt_ids" USING btree ("expires_at");