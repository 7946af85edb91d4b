import type { PGlite } from '@electric-sql/pglite';
import type PgBoss from 'pg-boss';

/**
 * pg-boss's way into PGlite. pg-boss talks SQL through one `executeSql(text, values)` function; on
 * PostgreSQL it uses its own pool, but PGlite is a single embedded connection shared with the app.
 *
 * - With values, pg-boss sends one parameterised statement: PGlite's `query` (extended protocol) runs it.
 * - Without values it may send several statements in one text (its migrations and maintenance wrap
 *   themselves in `BEGIN; … COMMIT;`), which only the simple protocol (`exec`) accepts. These run inside
 *   PGlite's own `transaction()`: it holds PGlite's lock, so no app query slips in between, and if a
 *   statement fails it rolls back. Without that, a failure after pg-boss's `BEGIN` would leave the one
 *   connection in an aborted transaction and every later query of the app would fail. (The nested
 *   `BEGIN` and the extra `COMMIT` only make PostgreSQL warn.)
 *
 * Results look like node-postgres's: one `{ rows }`, or a list of them for several statements.
 */
export function pgliteExecutor(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return client.query(text, values as unknown[]);
      const results = await client.transaction((tx) => tx.exec(text));
      // biome-ignore lint/suspicious/noExplicitAny: node-postgres answers an array for several statements
      return (results.length === 1 ? results[0] : results) as any;
    },
  };
}
