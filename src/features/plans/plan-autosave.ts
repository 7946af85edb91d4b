import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import pg from 'pg';
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
  const given = Object.keys(change.fields).filter((key) => fieldNames.includes(key));
  if (given.length === 0) return undefined;
  // Every field appears in every statement (kept when not sent), so the SQL text is fixed per kind of item and
  // PostgreSQL can keep it prepared: parsing and planning this statement on each keystroke cost as much as running it.
  const sets = fieldNames.map((key) => {
    const sent = given.includes(key);
    return sql`${column(key)} = case when ${sent}::boolean then ${sql.param(sent ? change.fields[key] : null, columns[key])} else t.${column(key)} end`;
  });
  // The item's content as history stores it, built by the database from the updated row.
  const after = sql`jsonb_build_object(${sql.join(
    fieldNames.map((key) => sql`${key}::text, upd.${column(key)}`),
    sql`, `,
  )})`;
  const tableName = sql.identifier(getTableName(table));

  const statement = sql`
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
  `;
  const result = await runPrepared(db, `autosave_${change.kind}`, statement);
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

/**
 * Runs a statement whose text never changes as a named prepared statement on PostgreSQL (node-postgres prepares
 * it once per pooled connection); PGlite, in-process, simply runs it.
 */
async function runPrepared(db: Database, name: string, statement: SQL): Promise<unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: Drizzle keeps its dialect and driver client unexported
  const { dialect, $client: client } = db as any;
  if (!(client instanceof pg.Pool)) return db.execute(statement);
  const query = dialect.sqlToQuery(statement) as { sql: string; params: unknown[] };
  return client.query({ name, text: query.sql, values: query.params });
}
