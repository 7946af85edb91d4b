import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { queryPrepared } from '../db/prepared.js';
import { rateLimitCounter } from '../db/schema/index.js';

/*
 * @fastify/rate-limit's counters in the database (table rate_limit_counter), so that every instance on one
 * database counts against the same limit: three instances behind a load balancer allow what one does
 * (decision 2026-12-05-shared-state). A fixed window per key: the first hit sets the reset time, later hits
 * count up, and a hit after the reset starts a new window. The database's clock decides, so instances whose
 * clocks differ still agree.
 */

/** Prefix of every key in the shared namespace that all real instances use. */
export const SHARED_RATE_LIMIT_NAMESPACE = 'waymark';

interface Counter {
  hits: number;
  ttl_ms: number;
}

/**
 * One hit, counted and read in one statement. Concurrent hits on one key queue on its row and each sees the
 * count after its own, so no two instances both let the (max + 1)th attempt through.
 */
async function countHit(db: Database, key: string, windowMs: number): Promise<Counter> {
  const [row] = await queryPrepared<Counter>(
    db,
    sql`insert into rate_limit_counter as c (key, hits, resets_at)
        values (${key}, 1, now() + ${windowMs}::integer * interval '1 millisecond')
        on conflict (key) do update set
          hits = case when c.resets_at <= now() then 1 else c.hits + 1 end,
          resets_at = case when c.resets_at <= now() then excluded.resets_at else c.resets_at end
        returning c.hits, greatest(0, ceil(extract(epoch from c.resets_at - now()) * 1000))::integer as ttl_ms`,
  );
  return row as Counter;
}

/**
 * A store class for @fastify/rate-limit's `store` option. Every limit (a route's `config.rateLimit` or one made
 * with `createRateLimit`) gets a child whose keys start with `<namespace>:<method> <url>|`; limits made with
 * `createRateLimit` have no route, so their key generators name them (see auth.routes.ts).
 *
 * `namespace` is SHARED_RATE_LIMIT_NAMESPACE for every real instance; tests give each app its own, because all
 * their requests come from 127.0.0.1 and their files share one database.
 */
export function databaseRateLimitStore(
  db: Database,
  namespace = SHARED_RATE_LIMIT_NAMESPACE,
): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      options: { continueExceeding?: boolean; exponentialBackoff?: boolean },
      readonly prefix = `${namespace}:`,
    ) {
      // Both move the reset time on every hit past the limit; a fixed window is all Waymark's limits need.
      if (options.continueExceeding || options.exponentialBackoff) {
        throw new Error('The database rate-limit store counts fixed windows only (no continueExceeding or backoff)');
      }
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      countHit(db, this.prefix + key, timeWindow).then(
        (counter) => callback(null, { current: counter.hits, ttl: counter.ttl_ms }),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the limit's merged options, with the route (if any) under `routeInfo`; its types
      // call this the route's options.
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      const name = route?.url ? `${[route.method].flat().join(',')} ${route.url}|` : '';
      return new DatabaseRateLimitStore(routeOptions as object, `${namespace}:${name}`);
    }
  }
  return DatabaseRateLimitStore;
}

/** Removes counters whose window has ended (their next hit would start afresh anyway). Answers how many. */
export async function removeEndedRateLimitWindows(db: Database): Promise<number> {
  const removed = await db
    .delete(rateLimitCounter)
    .where(lte(rateLimitCounter.resetsAt, sql`now()`))
    .returning({ key: rateLimitCounter.key });
  return removed.length;
}
