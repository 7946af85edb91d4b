import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from './client.js';

/**
 * Runs a raw SQL statement and answers its rows as node-postgres parses them (dates as Date, unlike Drizzle's
 * `execute`). On PostgreSQL the pool runs it as a named prepared statement, parsed and planned once per
 * connection (pg-prepared.ts), as it does every statement with parameters. PGlite, in-process, simply runs it.
 */
export async function queryPrepared<Row>(db: Database, statement: SQL): Promise<Row[]> {
  // biome-ignore lint/suspicious/noExplicitAny: Drizzle keeps its dialect and driver client unexported
  const { dialect, $client: client } = db as any;
  if (!(client instanceof pg.Pool)) return ((await db.execute(statement)) as unknown as { rows: Row[] }).rows;
  const query = dialect.sqlToQuery(statement) as { sql: string; params: unknown[] };
  return (await client.query<Row & pg.QueryResultRow>({ text: query.sql, values: query.params })).rows;
}
