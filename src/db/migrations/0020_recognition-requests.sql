CREATE TYPE "public"."recognition_state" AS ENUM('open', 'approved', 'declined');--> statement-breakpoint
CREATE TABLE "recognition_request" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"learner_member_id" text NOT NULL,
	"plan_id" text NOT NULL,
	"goal_id" text NOT NULL,
	"achievement_id" text NOT NULL,
	"message" text NOT NULL,
	"evidence_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" "recognition_state" DEFAULT 'open' NOT NULL,
	"decided_by_member_id" text,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"award_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portfolio_link" ADD COLUMN "show_badges" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "achievement" ADD COLUMN "open_to_requests" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "recognition_request" ADD CONSTRAINT "recognition_request_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_request" ADD CONSTRAINT "recognition_request_learner_member_id_membership_id_fk" FOREIGN KEY ("learner_member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_request" ADD CONSTRAINT "recognition_request_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_request" ADD CONSTRAINT "recognition_request_goal_id_plan_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_request" ADD CONSTRAINT "recognition_request_achievement_id_achievement_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_request" ADD CONSTRAINT "recognition_request_decided_by_member_id_membership_id_fk" FOREIGN KEY ("decided_by_member_id") REFERENCES "public"."membership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_request" ADD CONSTRAINT "recognition_request_award_id_badge_award_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."badge_award"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_request_open_uq" ON "recognition_request" USING btree ("goal_id","achievement_id") WHERE "recognition_request"."state" = 'open';--> statement-breakpoint
CREATE INDEX "recognition_request_org_state_idx" ON "recognition_request" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "recognition_request_learner_idx" ON "recognition_request" USING btree ("learner_member_id");