CREATE TABLE "insight_action" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"title" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"url" text,
	"community_id" text,
	"created_by_member_id" text,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_action_recipient" (
	"action_id" text NOT NULL,
	"member_id" text NOT NULL,
	CONSTRAINT "insight_action_recipient_action_id_member_id_pk" PRIMARY KEY("action_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "insight_action_response" (
	"action_id" text NOT NULL,
	"member_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_action_response_action_id_member_id_pk" PRIMARY KEY("action_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "insight_fact" (
	"organization_id" text NOT NULL,
	"member_id" text NOT NULL,
	"team" text,
	"department" text,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"months" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_settings" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"k" integer DEFAULT 5 NOT NULL,
	"anchor_month" integer,
	"refreshed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_settings_k_floor" CHECK ("insight_settings"."k" >= 5)
);
--> statement-breakpoint
CREATE TABLE "org_topic" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topic_merge_dismissal" (
	"organization_id" text NOT NULL,
	"phrase" text NOT NULL,
	"target" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topic_merge_dismissal_organization_id_phrase_target_pk" PRIMARY KEY("organization_id","phrase","target")
);
--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "insights_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "membership" ADD COLUMN "insights_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "insight_action" ADD CONSTRAINT "insight_action_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_action" ADD CONSTRAINT "insight_action_community_id_community_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."community"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_action" ADD CONSTRAINT "insight_action_created_by_member_id_membership_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."membership"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_action_recipient" ADD CONSTRAINT "insight_action_recipient_action_id_insight_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."insight_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_action_recipient" ADD CONSTRAINT "insight_action_recipient_member_id_membership_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_action_response" ADD CONSTRAINT "insight_action_response_action_id_insight_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."insight_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_action_response" ADD CONSTRAINT "insight_action_response_member_id_membership_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_fact" ADD CONSTRAINT "insight_fact_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_fact" ADD CONSTRAINT "insight_fact_member_id_membership_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_settings" ADD CONSTRAINT "insight_settings_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_topic" ADD CONSTRAINT "org_topic_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_merge_dismissal" ADD CONSTRAINT "topic_merge_dismissal_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_action_org_idx" ON "insight_action" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "insight_action_recipient_member_idx" ON "insight_action_recipient" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insight_fact_member_kind_key_uq" ON "insight_fact" USING btree ("member_id","kind","key");--> statement-breakpoint
CREATE INDEX "insight_fact_org_kind_idx" ON "insight_fact" USING btree ("organization_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "org_topic_org_name_uq" ON "org_topic" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "membership_insights_idx" ON "membership" USING btree ("organization_id","department","team") WHERE "membership"."insights_consent";--> statement-breakpoint
-- Insights' month arithmetic, shared by the facts builder and the dashboard (docs/decisions/2026-11-27-insights.md).
-- A month is year × 12 + month − 1; a fact's bit i stands for the month anchor − i.
CREATE FUNCTION insight_month(d timestamptz) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (extract(year FROM d AT TIME ZONE 'UTC')::integer * 12 + extract(month FROM d AT TIME ZONE 'UTC')::integer - 1);--> statement-breakpoint
CREATE FUNCTION insight_month(d date) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (extract(year FROM d)::integer * 12 + extract(month FROM d)::integer - 1);--> statement-breakpoint
-- The bits of the months first..last (clipped to the 62 months anchor−61..anchor); 0 when none is inside.
CREATE FUNCTION insight_mask(anchor integer, first_month integer, last_month integer) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE
    WHEN greatest(first_month, anchor - 61) > least(last_month, anchor) THEN 0::bigint
    ELSE ((1::bigint << (least(last_month, anchor) - greatest(first_month, anchor - 61) + 1)) - 1)
      << (anchor - least(last_month, anchor))
  END;--> statement-breakpoint
-- Learners' own words for a topic, compared without case or extra spaces.
CREATE FUNCTION insight_phrase(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(regexp_replace(btrim(t), '\s+', ' ', 'g'));
