import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { fillPlaceholders, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Database } from '../../db/client.js';
import { DATES_AS_TEXT } from '../../db/pglite-parsers.js';
import { MERGE_WINDOW_MS } from './plan-history.js';
import { type PartKind, type PartView, planParts, tableOf } from './plan-parts.js';

/*
 * Autosave's path in one statement: a change to some fields of one item is written, and recorded in the plan's
 * history, in a single round trip (no BEGIN/COMMIT), under the plan's row lock like every other write. While
 * someone keeps typing into the item they saved last, the change folds into the plan's newest revision; the
 * first save after any other change opens a revision of its own (its `before` read from the row as it was) and
 * moves the plan's revision number on; a save that changes nothing opens none, as plan-history.ts does. When
 * the item was not written (a stale version, an unknown item or plan) it answers undefined and the caller takes
 * the general path, which reads, checks and explains. Profiling showed round trips and SQL building, not the
 * SQL itself, were the cost: the general path took eight statements for the first save of each visit.
 *
 * All parts of one statement see the same snapshot. The plan's row lock (`for update`) waits for any other
 * write to the plan and then sees the plan as that write left it; the item's update re-checks the version on
 * the newest row. So a concurrent change to this item makes the update (and with it everything else) do
 * nothing, and a concurrent change to another item at worst makes this save open a revision where it could
 * have merged: history stays a chain in which each `before` is what the previous revisions left.
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
  // The item's content as history stores it (snapshotOf in plan-parts.ts), built by the database from a row.
  const content = (row: string): SQL =>
    sql`jsonb_build_object(${sql.join(
      fieldNames.map((key) => sql`${sql.raw(`'${key}'`)}::text, ${sql.raw(row)}.${column(key)}`),
      sql`, `,
    )})`;
  const item = sql.identifier(getTableName(table));
  const query = dialect.sqlToQuery(sql`
    with p as (
      select id, revision_seq, updated_at from plan where id = ${sql.placeholder('planId')} for update
    ), mergeable as (
      select r.id from plan_revision r join p on r.plan_id = p.id and r.seq = p.revision_seq
      where r.entity_type = ${kind} and r.entity_id = ${sql.placeholder('id')}
        and r.actor_user_id = ${sql.placeholder('actorUserId')} and r.action in ('update', 'create')
        and r.updated_at > now() - make_interval(secs => ${MERGE_WINDOW_MS / 1000})
    ), old_item as (
      select ${content('t')} as content from ${item} t
      where t.id = ${sql.placeholder('id')} and t.plan_id = (select id from p)
    ), upd as (
      update ${item} t set ${sql.join(sets, sql`, `)}, version = t.version + 1, updated_at = now()
      where t.id = ${sql.placeholder('id')} and t.plan_id = (select id from p) and t.version = ${sql.placeholder('version')}
      returning ${content('t')} as content, t.version, t.updated_at
    ), merged as (
      update plan_revision r set after = upd.content, updated_at = now()
      from upd, mergeable where r.id = mergeable.id
      returning r.id
    ), added as (
      insert into plan_revision (id, plan_id, seq, actor_user_id, entity_type, entity_id, action, before, after)
      select ${sql.placeholder('revisionId')}, p.id, p.revision_seq + 1, ${sql.placeholder('actorUserId')}, ${kind},
        ${sql.placeholder('id')}, 'update', old_item.content, upd.content
      from p, old_item, upd
      where not exists (select 1 from mergeable) and old_item.content is distinct from upd.content
      returning plan_id, seq
    ), moved as (
      update plan set revision_seq = added.seq, updated_at = now() from added
      where plan.id = added.plan_id
      returning plan.revision_seq, plan.updated_at
    )
    select upd.content as after, upd.version, (extract(epoch from upd.updated_at) * 1000)::float8 as updated_ms,
      coalesce(moved.revision_seq, p.revision_seq) as revision,
      (extract(epoch from coalesce(moved.updated_at, p.updated_at)) * 1000)::float8 as plan_updated_ms
    from upd cross join p left join moved on true
  `);
  const statement = { text: query.sql, params: query.params, columns, fieldNames };
  statements.set(kind, statement);
  return statement;
}

type Row = {
  after: Record<string, unknown>;
  version: number;
  updated_ms: number;
  revision: number;
  plan_updated_ms: number;
};

/** What the plan shows of a save besides the item: its revision number and when it last changed. */
export interface PlanAfterSave {
  revision: number;
  updatedAt: string;
}

const isoOf = (ms: number) => new Date(Number(ms)).toISOString();

export async function saveItemInOneStatement<K extends PartKind>(
  db: Database,
  change: {
    kind: K;
    planId: string;
    id: string;
    version: number;
    actorUserId: string;
    fields: Record<string, unknown>;
  },
): Promise<{ item: PartView<K>; plan: PlanAfterSave } | undefined> {
  // biome-ignore lint/suspicious/noExplicitAny: Drizzle keeps its dialect and driver client unexported
  const { dialect, $client: client } = db as any;
  const statement = statementFor(change.kind, dialect);
  const values: Record<string, unknown> = {
    planId: change.planId,
    id: change.id,
    actorUserId: change.actorUserId,
    version: change.version,
    revisionId: randomUUID(),
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
    rows = (await client.query<Row>({ name: `save_${change.kind}`, text: statement.text, values: params })).rows;
  } else if (client instanceof PGlite) {
    // Its answer holds no date or time: PGlite's parsers for them need not be copied (pglite-parsers.ts).
    rows = (await client.query<Row>(statement.text, params, { parsers: DATES_AS_TEXT })).rows;
  } else {
    return undefined; // inside a transaction or another driver: the general path
  }
  const [row] = rows;
  if (!row) return undefined;
  const item = { ...row.after, id: change.id, version: Number(row.version), updatedAt: isoOf(row.updated_ms) };
  return {
    item: item as PartView<K>,
    plan: { revision: Number(row.revision), updatedAt: isoOf(row.plan_updated_ms) },
  };
}
