-- Shares made twice before this constraint (a double click): keep the oldest of each, revoke the rest at once,
-- and end expired shares at their expiry so that sharing the same thing again makes a new one.
UPDATE "plan_grant" SET "revoked_at" = "expires_at" WHERE "reason" = 'share' AND "revoked_at" IS NULL AND "expires_at" <= now();--> statement-breakpoint
UPDATE "plan_grant" g SET "revoked_at" = now()
FROM "plan_grant" o
WHERE g."reason" = 'share' AND g."revoked_at" IS NULL AND o."reason" = 'share' AND o."revoked_at" IS NULL
  AND o."plan_id" = g."plan_id" AND o."grantee_member_id" = g."grantee_member_id" AND o."scope" = g."scope"
  AND coalesce(o."part", '') = coalesce(g."part", '') AND coalesce(o."goal_id", '') = coalesce(g."goal_id", '')
  AND (o."created_at", o."id") < (g."created_at", g."id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_grant_share_uq" ON "plan_grant" USING btree ("plan_id","grantee_member_id","scope",coalesce("part", ''),coalesce("goal_id", '')) WHERE "plan_grant"."reason" = 'share' and "plan_grant"."revoked_at" is null;