CREATE TYPE "public"."comment_target" AS ENUM('goal', 'reflection');--> statement-breakpoint
CREATE TYPE "public"."enlistment_request_state" AS ENUM('pending', 'accepted', 'declined', 'withdrawn', 'ended');--> statement-breakpoint
CREATE TYPE "public"."review_kind" AS ENUM('agreement', 'year_end');--> statement-breakpoint
CREATE TYPE "public"."review_state" AS ENUM('requested', 'agreed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."suggestion_state" AS ENUM('open', 'accepted', 'dismissed');--> statement-breakpoint
ALTER TYPE "public"."enlistment_state" ADD VALUE 'ended';--> statement-breakpoint
CREATE TABLE "enlistment_request" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"network_entry_id" text NOT NULL,
	"learner_member_id" text NOT NULL,
	"mentor_member_id" text NOT NULL,
	"goal_ids" text[] NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"state" "enlistment_request_state" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_comment" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"target_kind" "comment_target" NOT NULL,
	"target_id" text NOT NULL,
	"parent_id" text,
	"author_user_id" text,
	"body" text NOT NULL,
	"suggestion" jsonb,
	"suggestion_state" "suggestion_state",
	"suggestion_decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_review" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"kind" "review_kind" NOT NULL,
	"supervisor_member_id" text NOT NULL,
	"state" "review_state" DEFAULT 'requested' NOT NULL,
	"learner_note" text DEFAULT '' NOT NULL,
	"supervisor_note" text DEFAULT '' NOT NULL,
	"learner_signed_at" timestamp with time zone,
	"learner_signed_seq" integer,
	"supervisor_signed_at" timestamp with time zone,
	"supervisor_signed_seq" integer,
	"agreed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_grant" ADD COLUMN "source_id" text;--> statement-breakpoint
ALTER TABLE "enlistment_request" ADD CONSTRAINT "enlistment_request_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enlistment_request" ADD CONSTRAINT "enlistment_request_network_entry_id_plan_network_entry_id_fk" FOREIGN KEY ("network_entry_id") REFERENCES "public"."plan_network_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enlistment_request" ADD CONSTRAINT "enlistment_request_learner_member_id_membership_id_fk" FOREIGN KEY ("learner_member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enlistment_request" ADD CONSTRAINT "enlistment_request_mentor_member_id_membership_id_fk" FOREIGN KEY ("mentor_member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comment" ADD CONSTRAINT "plan_comment_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comment" ADD CONSTRAINT "plan_comment_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review" ADD CONSTRAINT "plan_review_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review" ADD CONSTRAINT "plan_review_supervisor_member_id_membership_id_fk" FOREIGN KEY ("supervisor_member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enlistment_request_mentor_idx" ON "enlistment_request" USING btree ("mentor_member_id");--> statement-breakpoint
CREATE INDEX "enlistment_request_plan_idx" ON "enlistment_request" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_comment_target_idx" ON "plan_comment" USING btree ("plan_id","target_kind","target_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_review_plan_idx" ON "plan_review" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_review_supervisor_idx" ON "plan_review" USING btree ("supervisor_member_id");