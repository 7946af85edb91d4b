CREATE TABLE "member_archive" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"organization_id" text,
	"organization_name" text NOT NULL,
	"person_name" text NOT NULL,
	"person_email" text NOT NULL,
	"removed_by_name" text,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erase_after" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"files" jsonb NOT NULL,
	"plan_count" integer NOT NULL,
	"downloaded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "removed_data_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_archive" ADD CONSTRAINT "member_archive_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_archive" ADD CONSTRAINT "member_archive_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_archive_user_idx" ON "member_archive" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "member_archive_org_idx" ON "member_archive" USING btree ("organization_id","removed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "member_archive_erase_idx" ON "member_archive" USING btree ("erase_after");