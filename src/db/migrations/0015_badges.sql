CREATE TABLE "achievement" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"criteria" text NOT NULL,
	"image" text NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expiry_days" integer,
	"created_by_member_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "badge_award" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"achievement_id" text NOT NULL,
	"recipient_member_id" text NOT NULL,
	"awarded_by_member_id" text,
	"reason" text NOT NULL,
	"credential" text NOT NULL,
	"status_index" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"revoked_by_member_id" text
);
--> statement-breakpoint
CREATE TABLE "badge_issuer" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"image_url" text,
	"colour" text DEFAULT '#1f5f8b' NOT NULL,
	"status_list" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "badge_issuer_key" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"fragment" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"secret_key_encrypted" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "achievement" ADD CONSTRAINT "achievement_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement" ADD CONSTRAINT "achievement_created_by_member_id_membership_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."membership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_award" ADD CONSTRAINT "badge_award_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_award" ADD CONSTRAINT "badge_award_achievement_id_achievement_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievement"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_award" ADD CONSTRAINT "badge_award_recipient_member_id_membership_id_fk" FOREIGN KEY ("recipient_member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_award" ADD CONSTRAINT "badge_award_awarded_by_member_id_membership_id_fk" FOREIGN KEY ("awarded_by_member_id") REFERENCES "public"."membership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_award" ADD CONSTRAINT "badge_award_revoked_by_member_id_membership_id_fk" FOREIGN KEY ("revoked_by_member_id") REFERENCES "public"."membership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_issuer" ADD CONSTRAINT "badge_issuer_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "badge_issuer_key" ADD CONSTRAINT "badge_issuer_key_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "achievement_org_name_uq" ON "achievement" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "badge_award_status_index_uq" ON "badge_award" USING btree ("organization_id","status_index");--> statement-breakpoint
CREATE INDEX "badge_award_recipient_idx" ON "badge_award" USING btree ("recipient_member_id");--> statement-breakpoint
CREATE INDEX "badge_award_achievement_idx" ON "badge_award" USING btree ("achievement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "badge_issuer_key_fragment_uq" ON "badge_issuer_key" USING btree ("organization_id","fragment");--> statement-breakpoint
CREATE UNIQUE INDEX "badge_issuer_key_active_uq" ON "badge_issuer_key" USING btree ("organization_id") WHERE "badge_issuer_key"."active";