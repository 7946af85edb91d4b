import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from './client.js';

/**
 * Runs a raw SQL statement and answers its rows. On PostgreSQL it becomes a named prepared statement (named by
 * its text, so each distinct text is parsed and planned once per pooled connection): for the hot queries whose
 * planning cost as much as running them. PGlite, in-process, simply runs it.
 */
export async function queryPrepared<Row>(db: Database, statement: SQL): Promise<Row[]> {
  // biome-ignore lint/suspicious/noExplicitAny: Drizzle keeps its dialect and driver client unexported
  const { dialect, $client: client } = db as any;
  if (!(client instanceof pg.Pool)) return ((await db.execute(statement)) as unknown as { rows: Row[] }).rows;
  const query = dialect.sqlToQuery(statement) as { sql: string; params: unknown[] };
  const name = `q_${createHash('sha1').update(query.sql).digest('base64url').slice(0, 20)}`;
  return (await client.query<Row & pg.QueryResultRow>({ name, text: query.sql, values: query.params })).rows;
}
