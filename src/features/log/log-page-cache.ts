import type { AppContext } from '../../server/context.js';

/*
 * Pages of a learner's log are cached as finished JSON (AppCaches.logPages), keyed by learner and by the page
 * asked for. A page shows each entry's goal and plan cycle, so every write to the learner's log, goals or plans
 * forgets all of that learner's pages, and the next read comes from the database.
 */

const prefixOf = (memberId: string) => `${memberId} `;

export function logPageKey(memberId: string, page: unknown[]) {
  return prefixOf(memberId) + JSON.stringify(page);
}

export function forgetLogPages(ctx: AppContext, memberId: string) {
  const prefix = prefixOf(memberId);
  ctx.caches.logPages.forgetWhere((key) => key.startsWith(prefix));
}
