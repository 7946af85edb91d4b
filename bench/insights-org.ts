import type pg from 'pg';

/**
 * The insights bench's organisations: one per size ("Insights 10k", "Insights 100k"), side by side in one
 * database, each with an L&D admin the bench signs in as. Shared by the generator (bench/insights-data.ts)
 * and the bench target (bench/insights.ts).
 */

export const INSIGHTS_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/waymark_insights';
export const ADMIN_PASSWORD = 'insights-bench-password';

export interface InsightsOrg {
  learners: number;
  /** "10k", "100k", or the number itself. */
  label: string;
  id: string;
  name: string;
  /** Every generated address ends with it, so the organisation's people can be found again. */
  emailDomain: string;
  adminEmail: string;
}

export function insightsOrg(learners: number): InsightsOrg {
  const label = learners % 1000 === 0 ? `${learners / 1000}k` : String(learners);
  const emailDomain = `insights-${label}.bench.example`;
  return {
    learners,
    label,
    id: `insights-${label}`,
    name: `Insights ${label}`,
    emailDomain,
    adminEmail: `ld-admin@${emailDomain}`,
  };
}

/**
 * Deletes the organisation and everything hanging off it. The schema's cascades would do it row by row: a
 * deleted user looks up its log entries and plans through columns without an index (log_entry.user_id,
 * plan.user_id), over millions of rows each time. So the rows are deleted set-wise instead, with foreign-key
 * triggers off (session_replication_role, superuser only), in this order: every table that references the
 * organisation, its memberships, its plans or its people, found from the catalogue (so a table added later
 * is not forgotten), then those four. Within the organisation everything is made by its own members, in
 * their plans; `on delete set null` references are set to null as PostgreSQL would.
 */
export async function removeOrganisation(client: pg.Client, org: InsightsOrg): Promise<void> {
  await client.query(`create temp table gone_org on commit drop as select id from organization where id = $1`, [
    org.id,
  ]);
  await client.query(
    `create temp table gone_member on commit drop as select id from membership where organization_id = $1`,
    [org.id],
  );
  await client.query(`create temp table gone_plan on commit drop as select id from plan where organization_id = $1`, [
    org.id,
  ]);
  await client.query(`create temp table gone_user on commit drop as select id from "user" where email like $1`, [
    `%@${org.emailDomain}`,
  ]);
  const parents: Record<string, string> = {
    organization: 'gone_org',
    membership: 'gone_member',
    plan: 'gone_plan',
    user: 'gone_user',
  };
  const { rows } = await client.query<{ child: string; col: string; parent: string; action: string }>(
    `select c.conrelid::regclass::text as child, a.attname as col, p.relname as parent, c.confdeltype as action
     from pg_constraint c
     join pg_class p on p.oid = c.confrelid
     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.contype = 'f' and cardinality(c.conkey) = 1 and p.relname = any($1::text[])
       and c.connamespace = 'public'::regnamespace`,
    [Object.keys(parents)],
  );
  for (const r of rows) {
    if (Object.hasOwn(parents, r.child.replace(/"/g, ''))) continue; // the four themselves go last
    const among = `${r.col} in (select id from ${parents[r.parent]})`;
    await client.query(
      r.action === 'n'
        ? `update ${r.child} set ${r.col} = null where ${among}`
        : `delete from ${r.child} where ${among}`,
    );
  }
  await client.query('update membership set supervisor_id = null where supervisor_id in (select id from gone_member)');
  await client.query('delete from plan where id in (select id from gone_plan)');
  await client.query('delete from membership where id in (select id from gone_member)');
  await client.query('delete from "user" where id in (select id from gone_user)');
  await client.query('delete from organization where id in (select id from gone_org)');
}
