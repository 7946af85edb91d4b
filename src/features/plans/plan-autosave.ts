import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { MERGE_WINDOW_MS } from './plan-history.js';
import { type PartKind, type PartView, planParts, tableOf } from './plan-parts.js';

/**
 * Autosave's hot path in one statement: while someone keeps typing into the item they saved last, the
 * change is written and folded into the plan's newest revision in a single round trip (no BEGIN/COMMIT),
 * under the plan's row lock like every other write. It answers undefined whenever that is not the case (first
 * save after another change, a stale version, an unknown item); the caller then takes the general path,
 * which reads, checks and explains. Profiling showed the round trips, not the SQL, were autosave's cost.
 */
export async function saveIntoNewestRevision<K extends PartKind>(
  db: Database,
  change: {
    kind: K;
    planId: string;
    id: string;
    version: number;
    actorUserId: string;
    fields: Record<string, unknown>;
  },
): Promise<PartView<K> | undefined> {
  const table = tableOf(change.kind);
  const columns = getTableColumns(table) as unknown as Record<string, PgColumn>;
  const fieldNames = Object.keys(planParts[change.kind].fields.shape);
  const column = (key: string) => sql.identifier((columns[key] as PgColumn).name);
  const sets = Object.entries(change.fields)
    .filter(([key]) => fieldNames.includes(key))
    .map(([key, value]) => sql`${column(key)} = ${sql.param(value, columns[key])}`);
  if (sets.length === 0) return undefined;
  // The item's content as history stores it, built by the database from the updated row.
  const after = sql`jsonb_build_object(${sql.join(
    fieldNames.map((key) => sql`${key}::text, upd.${column(key)}`),
    sql`, `,
  )})`;
  const tableName = sql.identifier(getTableName(table));

  const result = await db.execute(sql`
    with p as (
      select id, revision_seq from plan where id = ${change.planId} for update
    ), mergeable as (
      select r.id from plan_revision r join p on r.plan_id = p.id and r.seq = p.revision_seq
      where r.entity_type = ${change.kind} and r.entity_id = ${change.id} and r.actor_user_id = ${change.actorUserId}
        and r.action in ('update', 'create')
        and r.updated_at > now() - make_interval(secs => ${MERGE_WINDOW_MS / 1000})
    ), upd as (
      update ${tableName} t set ${sql.join(sets, sql`, `)}, version = t.version + 1, updated_at = now()
      where t.id = ${change.id} and t.plan_id = (select id from p) and t.version = ${change.version}
        and exists (select 1 from mergeable)
      returning t.*
    ), merged as (
      update plan_revision r set after = ${after}, updated_at = now()
      from upd, mergeable where r.id = mergeable.id
      returning r.after
    )
    select merged.after, upd.version, (extract(epoch from upd.updated_at) * 1000)::float8 as updated_ms
    from upd, merged
  `);
  // Both drivers answer { rows }; Drizzle's type for a generic database does not say so.
  const [row] = (
    result as unknown as { rows: { after: Record<string, unknown>; version: number; updated_ms: number }[] }
  ).rows;
  if (!row) return undefined;
  return {
    ...row.after,
    id: change.id,
    version: Number(row.version),
    updatedAt: new Date(Number(row.updated_ms)).toISOString(),
  } as PartView<K>;
}
