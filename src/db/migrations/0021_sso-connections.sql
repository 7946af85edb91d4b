CREATE TABLE "sso_connection" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"protocol" text NOT NULL,
	"config" jsonb NOT NULL,
	"secret_sealed" text,
	"default_role" "member_role" DEFAULT 'member' NOT NULL,
	"require_sso" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_connection_protocol" CHECK ("sso_connection"."protocol" in ('oidc', 'saml')),
	CONSTRAINT "sso_connection_default_role" CHECK ("sso_connection"."default_role" <> 'owner')
);
--> statement-breakpoint
CREATE TABLE "sso_domain" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"domain" text NOT NULL,
	"verification_token" text NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sso_sign_in_attempt" (
	"id" text PRIMARY KEY NOT NULL,
	"connection_id" text NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text DEFAULT '/' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sso_connection" ADD CONSTRAINT "sso_connection_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_domain" ADD CONSTRAINT "sso_domain_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_sign_in_attempt" ADD CONSTRAINT "sso_sign_in_attempt_connection_id_sso_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."sso_connection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_connection_org_protocol_uq" ON "sso_connection" USING btree ("organization_id","protocol");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_domain_org_domain_uq" ON "sso_domain" USING btree ("organization_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_domain_verified_uq" ON "sso_domain" USING btree ("domain") WHERE "sso_domain"."verified_at" is not null;--> statement-breakpoint
CREATE INDEX "sso_sign_in_attempt_expires_idx" ON "sso_sign_in_attempt" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "account_provider_account_uq" ON "account" USING btree ("provider_id","account_id");