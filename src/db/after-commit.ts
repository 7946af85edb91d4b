import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './client.js';

/*
 * Work tied to a transaction's commit: statements to run just before it (a NOTIFY that must be delivered with
 * the commit) and work to do once it has committed (telling this process's caches and the other instances),
 * dropped if it rolls back. `db.transaction` is wrapped once per database: the callback runs in a scope that collects
 * such work. A savepoint (`tx.transaction`) joins the scope of the transaction it is in, since only that one's
 * commit makes anything visible; a transaction begun on the database itself is its own, even while another
 * runs (on PostgreSQL it is another connection).
 */

export interface CommitScope {
  /** Run inside the transaction, in order, after its work and before COMMIT. */
  beforeCommit: ((tx: Database) => Promise<void>)[];
  /** Run after COMMIT succeeded, in order, before the transaction's caller goes on; must not throw. */
  afterCommit: (() => void | Promise<void>)[];
  /** Whatever a module keeps for the length of the transaction (the changes it announced), by its own key. */
  state: Map<object, unknown>;
}

const scopes = new AsyncLocalStorage<CommitScope>();

/** The transaction this call is made in, or undefined outside one. */
export function commitScope(): CommitScope | undefined {
  return scopes.getStore();
}

/** Makes `db.transaction` keep a commit scope (see above); called once when a database is opened. */
export function withCommitScopes(db: Database): Database {
  const begin = db.transaction.bind(db) as Database['transaction'];
  const transaction: Database['transaction'] = async (work, config) => {
    const scope: CommitScope = { beforeCommit: [], afterCommit: [], state: new Map() };
    const result = await scopes.run(scope, () =>
      begin(async (tx) => {
        const value = await work(tx);
        for (const run of scope.beforeCommit) await run(tx);
        return value;
      }, config),
    );
    for (const run of scope.afterCommit) await run();
    return result;
  };
  db.transaction = transaction;
  return db;
}
