CREATE TABLE "stored_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"byte_size" integer,
	"sha256" text,
	"chunk_count" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stored_file_chunk" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "stored_file_chunk_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "auth_secret_fingerprint" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"fingerprint" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_secret_fingerprint_one_row" CHECK ("auth_secret_fingerprint"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counter" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stored_file_chunk" ADD CONSTRAINT "stored_file_chunk_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stored_file_key_idx" ON "stored_file" USING btree ("key") WHERE "stored_file"."completed_at" is not null;--> statement-breakpoint
CREATE INDEX "stored_file_unfinished_idx" ON "stored_file" USING btree ("started_at") WHERE "stored_file"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "rate_limit_counter_resets_idx" ON "rate_limit_counter" USING btree ("resets_at");