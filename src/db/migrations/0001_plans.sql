CREATE TYPE "public"."enlistment_state" AS ENUM('to_ask', 'asked', 'agreed', 'declined', 'active');--> statement-breakpoint
CREATE TYPE "public"."goal_status" AS ENUM('idea', 'active', 'achieved', 'paused', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."learning_form" AS ENUM('peer_to_peer', 'coaching', 'mentoring', 'community_of_practice', 'self_directed', 'team_based', 'on_the_job', 'formal_course', 'social_online', 'conference_event', 'reading_listening');--> statement-breakpoint
CREATE TYPE "public"."network_kind" AS ENUM('person', 'community', 'resource');--> statement-breakpoint
CREATE TABLE "plan_goal" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"what" text DEFAULT '' NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"how" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"start_date" date,
	"target_date" date,
	"links" text DEFAULT '' NOT NULL,
	"reflection_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "goal_status" DEFAULT 'idea' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"carried_from_goal_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_guide" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"parts" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_network_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" "network_kind" NOT NULL,
	"name" text NOT NULL,
	"relation" text,
	"member_id" text,
	"url" text,
	"enlistment" "enlistment_state" DEFAULT 'to_ask' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"goal_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"member_id" text NOT NULL,
	"user_id" text NOT NULL,
	"cycle" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"template_id" text,
	"carried_from_plan_id" text,
	"guide_part" integer DEFAULT 1 NOT NULL,
	"guide_step" integer DEFAULT 0 NOT NULL,
	"revision_seq" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_revision" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"seq" integer NOT NULL,
	"actor_user_id" text,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_template" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_reflection" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"what" text DEFAULT '' NOT NULL,
	"happened_when" text DEFAULT '' NOT NULL,
	"form" "learning_form",
	"people" text DEFAULT '' NOT NULL,
	"enjoyable" text DEFAULT '' NOT NULL,
	"learned_about_me" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_share" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"goal_id" text,
	"how" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"cadence" text NOT NULL,
	"starts_on" date,
	"success" text DEFAULT '' NOT NULL,
	"records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_guide" ADD CONSTRAINT "plan_guide_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_guide" ADD CONSTRAINT "plan_guide_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_network_entry" ADD CONSTRAINT "plan_network_entry_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_network_entry" ADD CONSTRAINT "plan_network_entry_member_id_membership_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."membership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_member_id_membership_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revision" ADD CONSTRAINT "plan_revision_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revision" ADD CONSTRAINT "plan_revision_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_template" ADD CONSTRAINT "plan_template_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reflection" ADD CONSTRAINT "plan_reflection_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_share" ADD CONSTRAINT "plan_share_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_goal_plan_idx" ON "plan_goal" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_network_entry_plan_idx" ON "plan_network_entry" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_member_idx" ON "plan" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "plan_org_idx" ON "plan" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_revision_plan_seq_uq" ON "plan_revision" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "plan_template_org_idx" ON "plan_template" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "plan_reflection_plan_idx" ON "plan_reflection" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_share_plan_idx" ON "plan_share" USING btree ("plan_id");