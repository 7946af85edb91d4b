CREATE TYPE "public"."programme_enrolment_status" AS ENUM('active', 'completed', 'left');--> statement-breakpoint
CREATE TYPE "public"."programme_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."programme_self_paced" AS ENUM('off', 'weekly', 'all_at_once');--> statement-breakpoint
ALTER TYPE "public"."post_visibility" ADD VALUE 'cohort';--> statement-breakpoint
CREATE TABLE "programme" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"cover_image_key" text,
	"status" "programme_status" DEFAULT 'draft' NOT NULL,
	"self_paced" "programme_self_paced" DEFAULT 'weekly' NOT NULL,
	"min_optional" integer DEFAULT 0 NOT NULL,
	"behind_after_days" integer DEFAULT 7 NOT NULL,
	"tag" text DEFAULT '' NOT NULL,
	"offers_goal" boolean DEFAULT true NOT NULL,
	"copied_from_id" text,
	"created_by_member_id" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_blog_feed" (
	"enrolment_id" text PRIMARY KEY NOT NULL,
	"feed_url" text NOT NULL,
	"site_url" text,
	"title" text,
	"etag" text,
	"last_modified" text,
	"last_read_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"next_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_cohort" (
	"id" text PRIMARY KEY NOT NULL,
	"programme_id" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"capacity" integer,
	"join_by" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_enrolment" (
	"id" text PRIMARY KEY NOT NULL,
	"programme_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"member_id" text NOT NULL,
	"user_id" text NOT NULL,
	"cohort_id" text,
	"started_on" date NOT NULL,
	"status" "programme_enrolment_status" DEFAULT 'active' NOT NULL,
	"plan_id" text,
	"goal_id" text,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"last_nudged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_feed_item" (
	"id" text PRIMARY KEY NOT NULL,
	"enrolment_id" text NOT NULL,
	"guid" text NOT NULL,
	"link" text,
	"title" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"thing_id" text,
	"accepted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_progress" (
	"enrolment_id" text NOT NULL,
	"thing_id" text NOT NULL,
	"tried_at" timestamp with time zone,
	"reflection_post_id" text,
	"reflection_url" text,
	"reflection_title" text,
	"reflected_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_progress_enrolment_id_thing_id_pk" PRIMARY KEY("enrolment_id","thing_id")
);
--> statement-breakpoint
CREATE TABLE "programme_thing" (
	"id" text PRIMARY KEY NOT NULL,
	"programme_id" text NOT NULL,
	"week_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"task" text DEFAULT '' NOT NULL,
	"prompt" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" integer DEFAULT 15 NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"min_words" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_thing_revision" (
	"id" text PRIMARY KEY NOT NULL,
	"thing_id" text NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"edited_by_member_id" text,
	"participants_told" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_week" (
	"id" text PRIMARY KEY NOT NULL,
	"programme_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"catch_up" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post" ADD COLUMN "cohort_id" text;--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme" ADD CONSTRAINT "programme_created_by_member_id_membership_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."membership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_blog_feed" ADD CONSTRAINT "programme_blog_feed_enrolment_id_programme_enrolment_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_cohort" ADD CONSTRAINT "programme_cohort_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolment" ADD CONSTRAINT "programme_enrolment_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolment" ADD CONSTRAINT "programme_enrolment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolment" ADD CONSTRAINT "programme_enrolment_member_id_membership_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolment" ADD CONSTRAINT "programme_enrolment_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_enrolment" ADD CONSTRAINT "programme_enrolment_cohort_id_programme_cohort_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."programme_cohort"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_feed_item" ADD CONSTRAINT "programme_feed_item_enrolment_id_programme_enrolment_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_feed_item" ADD CONSTRAINT "programme_feed_item_thing_id_programme_thing_id_fk" FOREIGN KEY ("thing_id") REFERENCES "public"."programme_thing"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_progress" ADD CONSTRAINT "programme_progress_enrolment_id_programme_enrolment_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_progress" ADD CONSTRAINT "programme_progress_thing_id_programme_thing_id_fk" FOREIGN KEY ("thing_id") REFERENCES "public"."programme_thing"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_progress" ADD CONSTRAINT "programme_progress_reflection_post_id_post_id_fk" FOREIGN KEY ("reflection_post_id") REFERENCES "public"."post"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_thing" ADD CONSTRAINT "programme_thing_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_thing" ADD CONSTRAINT "programme_thing_week_id_programme_week_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."programme_week"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_thing_revision" ADD CONSTRAINT "programme_thing_revision_thing_id_programme_thing_id_fk" FOREIGN KEY ("thing_id") REFERENCES "public"."programme_thing"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_thing_revision" ADD CONSTRAINT "programme_thing_revision_edited_by_member_id_membership_id_fk" FOREIGN KEY ("edited_by_member_id") REFERENCES "public"."membership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_week" ADD CONSTRAINT "programme_week_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_org_idx" ON "programme" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "programme_blog_feed_due_idx" ON "programme_blog_feed" USING btree ("next_read_at");--> statement-breakpoint
CREATE INDEX "programme_cohort_programme_idx" ON "programme_cohort" USING btree ("programme_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_enrolment_member_uq" ON "programme_enrolment" USING btree ("programme_id","member_id");--> statement-breakpoint
CREATE INDEX "programme_enrolment_user_idx" ON "programme_enrolment" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "programme_enrolment_cohort_idx" ON "programme_enrolment" USING btree ("cohort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_feed_item_guid_uq" ON "programme_feed_item" USING btree ("enrolment_id","guid");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_feed_item_link_uq" ON "programme_feed_item" USING btree ("enrolment_id","link") WHERE "programme_feed_item"."link" is not null;--> statement-breakpoint
CREATE INDEX "programme_progress_thing_idx" ON "programme_progress" USING btree ("thing_id");--> statement-breakpoint
CREATE INDEX "programme_thing_programme_idx" ON "programme_thing" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "programme_thing_week_idx" ON "programme_thing" USING btree ("week_id");--> statement-breakpoint
CREATE INDEX "programme_thing_revision_thing_idx" ON "programme_thing_revision" USING btree ("thing_id","version" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "programme_week_programme_idx" ON "programme_week" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "post_cohort_idx" ON "post" USING btree ("cohort_id","created_at" DESC NULLS LAST) WHERE "post"."cohort_id" is not null;