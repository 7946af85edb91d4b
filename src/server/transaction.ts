import type { AppContext } from './context.js';

/**
 * Runs `work` in one transaction with a context whose database is that transaction. Services called with it
 * write in it (their own `ctx.db.transaction` becomes a savepoint), so a request that writes across features —
 * a post that records a sharing commitment as done, an insight action that opens a community — writes once:
 * all of it, or nothing. Caches are bypassed inside (read-cache.ts): they hold committed data only.
 */
export function inTransaction<T>(ctx: AppContext, work: (tx: AppContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => work({ ...ctx, db }));
}
