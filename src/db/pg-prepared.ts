import type pg from 'pg';

/*
 * node-postgres sends a query without a name as an unnamed statement: PostgreSQL parses and plans it on every
 * call. A named one is parsed once per connection and then only bound and run, and PostgreSQL keeps its plan
 * once a generic plan is as good as the custom ones (plan_cache_mode auto), as PGlite's statements do here
 * (pglite-prepared.ts). Drizzle names none, so each distinct text with parameters gets a name the first time it
 * is sent, on every pooled connection. Statements without parameters (BEGIN, COMMIT, a NOTIFY's sequence) stay
 * simple queries: one round trip, nothing to plan.
 */

/** Distinct texts given names; past this, new texts run unnamed as before (nothing is evicted). */
export const MAX_NAMED_STATEMENTS = 500;

type QueryConfig = pg.QueryConfig & { name?: string };

/** Names every text with parameters that `client` is asked to run, from `names` (shared by the pool's clients). */
export function nameStatements(client: pg.PoolClient, names: Map<string, string>): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'object' && config !== null && !('submit' in config)) {
      const given = config as QueryConfig;
      const params = Array.isArray(values) ? values : given.values;
      if (given.name === undefined && typeof given.text === 'string' && params && params.length > 0) {
        let name = names.get(given.text);
        if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
          name = `w${names.size + 1}`;
          names.set(given.text, name);
        }
        if (name !== undefined) return query({ ...given, name }, values, callback);
      }
    }
    return query(config, values, callback);
  }) as typeof client.query;
}
