CREATE TABLE "insight_count" (
	"organization_id" text NOT NULL,
	"department" text,
	"team" text,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"months" bigint NOT NULL,
	"learners" integer NOT NULL,
	CONSTRAINT "insight_count_cell_uq" UNIQUE NULLS NOT DISTINCT("organization_id","department","team","kind","key","months")
);
--> statement-breakpoint
CREATE TABLE "insight_org_count" (
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"months" bigint NOT NULL,
	"learners" integer NOT NULL,
	CONSTRAINT "insight_org_count_organization_id_kind_key_months_pk" PRIMARY KEY("organization_id","kind","key","months")
);
--> statement-breakpoint
ALTER TABLE "insight_count" ADD CONSTRAINT "insight_count_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_org_count" ADD CONSTRAINT "insight_org_count_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_count_emptied_idx" ON "insight_count" USING btree ("organization_id") WHERE "insight_count"."learners" = 0;--> statement-breakpoint
CREATE INDEX "insight_org_count_emptied_idx" ON "insight_org_count" USING btree ("organization_id") WHERE "insight_org_count"."learners" = 0;--> statement-breakpoint
-- insight_count and insight_org_count are insight_fact counted (see schema/insights.ts), kept so after every
-- statement that changes facts, whoever makes it (facts.ts, or a cascade when a member or organisation is
-- deleted). A few facts (one learner's consent or move) are added or taken away row by row; a statement that
-- changed many (a refresh replaces all of an organisation's facts) has that organisation counted again,
-- which is faster than a million single-row changes.
CREATE FUNCTION insight_count_facts() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  changed bigint;
  orgs text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT count(*), array_agg(DISTINCT organization_id) INTO changed, orgs FROM new_facts;
  ELSE
    SELECT count(*), array_agg(DISTINCT organization_id) INTO changed, orgs FROM old_facts;
  END IF;
  -- An organisation being deleted takes its counts with it (their foreign key): adding to them would fail.
  orgs := ARRAY(SELECT id FROM organization WHERE id = ANY (orgs));
  IF changed = 0 OR cardinality(orgs) = 0 THEN
    RETURN NULL;
  END IF;
  IF changed > 10000 THEN
    -- Written in the order of their keys, so a department's or team's counts lie together on disk: reading
    -- one department then touches a twelfth of the pages, not all of them (75 ms against 190 ms).
    DELETE FROM insight_count WHERE organization_id = ANY (orgs);
    DELETE FROM insight_org_count WHERE organization_id = ANY (orgs);
    INSERT INTO insight_count (organization_id, department, team, kind, key, months, learners)
    SELECT organization_id, department, team, kind, key, months, count(*) FROM insight_fact
    WHERE organization_id = ANY (orgs) GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
    INSERT INTO insight_org_count (organization_id, kind, key, months, learners)
    SELECT organization_id, kind, key, months, sum(learners) FROM insight_count
    WHERE organization_id = ANY (orgs) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
    -- Statistics that know these rows: without them the next dashboard expects a few and plans for a few.
    ANALYZE insight_count;
    ANALYZE insight_org_count;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO insight_count AS c (organization_id, department, team, kind, key, months, learners)
    SELECT organization_id, department, team, kind, key, months, -count(*) FROM old_facts
    WHERE organization_id = ANY (orgs) GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT insight_count_cell_uq DO UPDATE SET learners = c.learners + excluded.learners;
    INSERT INTO insight_org_count AS c (organization_id, kind, key, months, learners)
    SELECT organization_id, kind, key, months, -count(*) FROM old_facts
    WHERE organization_id = ANY (orgs) GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, kind, key, months) DO UPDATE SET learners = c.learners + excluded.learners;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO insight_count AS c (organization_id, department, team, kind, key, months, learners)
    SELECT organization_id, department, team, kind, key, months, count(*) FROM new_facts
    WHERE organization_id = ANY (orgs) GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT insight_count_cell_uq DO UPDATE SET learners = c.learners + excluded.learners;
    INSERT INTO insight_org_count AS c (organization_id, kind, key, months, learners)
    SELECT organization_id, kind, key, months, count(*) FROM new_facts
    WHERE organization_id = ANY (orgs) GROUP BY 1, 2, 3, 4
    ON CONFLICT (organization_id, kind, key, months) DO UPDATE SET learners = c.learners + excluded.learners;
  END IF;
  DELETE FROM insight_count WHERE organization_id = ANY (orgs) AND learners = 0;
  DELETE FROM insight_org_count WHERE organization_id = ANY (orgs) AND learners = 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER insight_fact_counted_insert AFTER INSERT ON insight_fact
  REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION insight_count_facts();--> statement-breakpoint
CREATE TRIGGER insight_fact_counted_update AFTER UPDATE ON insight_fact
  REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION insight_count_facts();--> statement-breakpoint
CREATE TRIGGER insight_fact_counted_delete AFTER DELETE ON insight_fact
  REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION insight_count_facts();--> statement-breakpoint
-- The facts there are already, counted (in key order, as above).
INSERT INTO insight_count (organization_id, department, team, kind, key, months, learners)
SELECT organization_id, department, team, kind, key, months, count(*) FROM insight_fact
GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO insight_org_count (organization_id, kind, key, months, learners)
SELECT organization_id, kind, key, months, sum(learners) FROM insight_count GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
--> statement-breakpoint
ANALYZE insight_count;--> statement-breakpoint
ANALYZE insight_org_count;
