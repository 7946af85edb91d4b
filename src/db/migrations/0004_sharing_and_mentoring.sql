CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."grant_access" AS ENUM('read', 'comment');--> statement-breakpoint
CREATE TYPE "public"."grant_scope" AS ENUM('plan', 'part', 'goal');--> statement-breakpoint
CREATE TABLE "plan_access_log" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"grant_id" text,
	"viewer_user_id" text NOT NULL,
	"what" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_grant" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"grantee_member_id" text NOT NULL,
	"scope" "grant_scope" NOT NULL,
	"part" text,
	"goal_id" text,
	"access" "grant_access" DEFAULT 'read' NOT NULL,
	"reason" text DEFAULT 'share' NOT NULL,
	"granted_by" text,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "mentoring_capacity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "mentoring_about" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "peer_matching" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_access_log" ADD CONSTRAINT "plan_access_log_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_access_log" ADD CONSTRAINT "plan_access_log_grant_id_plan_grant_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."plan_grant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_access_log" ADD CONSTRAINT "plan_access_log_viewer_user_id_user_id_fk" FOREIGN KEY ("viewer_user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_grant" ADD CONSTRAINT "plan_grant_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_grant" ADD CONSTRAINT "plan_grant_grantee_member_id_membership_id_fk" FOREIGN KEY ("grantee_member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_grant" ADD CONSTRAINT "plan_grant_granted_by_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_access_log_plan_idx" ON "plan_access_log" USING btree ("plan_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "plan_grant_plan_idx" ON "plan_grant" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_grant_grantee_idx" ON "plan_grant" USING btree ("grantee_member_id");