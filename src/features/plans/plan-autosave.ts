import { PGlite } from '@electric-sql/pglite';
import { fillPlaceholders, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Database } from '../../db/client.js';
import { DATES_AS_TEXT } from '../../db/pglite-parsers.js';
import { MERGE_WINDOW_MS } from './plan-history.js';
import { type PartKind, type PartView, planParts, tableOf } from './plan-parts.js';

/*
 * Autosave's hot path in one statement: while someone keeps typing into the item they saved last, the change
 * is written and folded into the plan's newest revision in a single round trip (no BEGIN/COMMIT), under the
 * plan's row lock like every other write. Whenever that is not the case (first save after another change, a
 * stale version, an unknown item) it answers undefined and the caller takes the general path, which reads,
 * checks and explains. Profiling showed round trips and SQL building, not the SQL itself, were the cost.
 */

interface Statement {
  text: string;
  params: unknown[];
  columns: Record<string, PgColumn>;
  fieldNames: string[];
}
const statements = new Map<PartKind, Statement>();

/**
 * The statement for one kind of item, built once. Every field is in it (kept when not sent), so the text is
 * fixed: PostgreSQL keeps it prepared per connection and nothing is rebuilt per keystroke.
 */
function statementFor(kind: PartKind, dialect: PgDialect): Statement {
  const known = statements.get(kind);
  if (known) return known;
  const table = tableOf(kind);
  const columns = getTableColumns(table) as unknown as Record<string, PgColumn>;
  const fieldNames = Object.keys(planParts[kind].fields.shape);
  const column = (key: string) => sql.identifier((columns[key] as PgColumn).name);
  const sets = fieldNames.map(
    (key) =>
      sql`${column(key)} = case when ${sql.placeholder(`sent:${key}`)}::boolean then ${sql.placeholder(`value:${key}`)} else t.${column(key)} end`,
  );
  // The item's content as history stores it, built by the database from the updated row.
  const after = sql`jsonb_build_object(${sql.join(
    fieldNames.map((key) => sql`${sql.raw(`'${key}'`)}::text, upd.${column(key)}`),
    sql`, `,
  )})`;
  const query = dialect.sqlToQuery(sql`
    with p as (
      select id, revision_seq from plan where id = ${sql.placeholder('planId')} for update
    ), mergeable as (
      select r.id from plan_revision r join p on r.plan_id = p.id and r.seq = p.revision_seq
      where r.entity_type = ${kind} and r.entity_id = ${sql.placeholder('id')}
        and r.actor_user_id = ${sql.placeholder('actorUserId')} and r.action in ('update', 'create')
        and r.updated_at > now() - make_interval(secs => ${MERGE_WINDOW_MS / 1000})
    ), upd as (
      update ${sql.identifier(getTableName(table))} t set ${sql.join(sets, sql`, `)},
        version = t.version + 1, updated_at = now()
      where t.id = ${sql.placeholder('id')} and t.plan_id = (select id from p)
        and t.version = ${sql.placeholder('version')} and exists (select 1 from mergeable)
      returning t.*
    ), merged as (
      update plan_revision r set after = ${after}, updated_at = now()
      from upd, mergeable where r.id = mergeable.id
      returning r.after
    )
    select merged.after, upd.version, (extract(epoch from upd.updated_at) * 1000)::float8 as updated_ms
    from upd, merged
  `);
  const statement = { text: query.sql, params: query.params, columns, fieldNames };
  statements.set(kind, statement);
  return statement;
}

type Row = { after: Record<string, unknown>; version: number; updated_ms: number };

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
  // biome-ignore lint/suspicious/noExplicitAny: Drizzle keeps its dialect and driver client unexported
  const { dialect, $client: client } = db as any;
  const statement = statementFor(change.kind, dialect);
  const values: Record<string, unknown> = {
    planId: change.planId,
    id: change.id,
    actorUserId: change.actorUserId,
    version: change.version,
  };
  let sent = 0;
  for (const key of statement.fieldNames) {
    const given = key in change.fields;
    if (given) sent++;
    values[`sent:${key}`] = given;
    // Encoded as Drizzle would for the column (JSON for jsonb, array literals for arrays).
    values[`value:${key}`] = given ? (statement.columns[key] as PgColumn).mapToDriverValue(change.fields[key]) : null;
  }
  if (sent === 0) return undefined;
  const params = fillPlaceholders(statement.params, values);
  let rows: Row[];
  if (client instanceof pg.Pool) {
    rows = (await client.query<Row>({ name: `autosave_${change.kind}`, text: statement.text, values: params })).rows;
  } else if (client instanceof PGlite) {
    // Its answer holds no date or time: PGlite's parsers for them need not be copied (pglite-parsers.ts).
    rows = (await client.query<Row>(statement.text, params, { parsers: DATES_AS_TEXT })).rows;
  } else {
    return undefined; // inside a transaction or another driver: the general path
  }
  const [row] = rows;
  if (!row) return undefined;
  return {
    ...row.after,
    id: change.id,
    version: Number(row.version),
    updatedAt: new Date(Number(row.updated_ms)).toISOString(),
  } as PartView<K>;
}
