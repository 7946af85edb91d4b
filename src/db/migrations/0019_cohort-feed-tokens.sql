CREATE TABLE "cohort_feed_token" (
	"cohort_id" text NOT NULL,
	"user_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_feed_token_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "cohort_feed_token" ADD CONSTRAINT "cohort_feed_token_cohort_id_programme_cohort_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."programme_cohort"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_feed_token" ADD CONSTRAINT "cohort_feed_token_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_feed_token_hash_uq" ON "cohort_feed_token" USING btree ("token_hash");