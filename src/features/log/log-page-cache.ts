import { encodeCursor } from '../../server/keyset-cursor.js';
import { defineReadCache } from '../../server/read-cache.js';
import { type LogFilter, listLogPage } from './log.repository.js';

/*
 * Pages of a learner's log are cached as finished JSON, keyed by learner and by the page asked for. A page shows
 * each entry's goal and plan cycle, so a change to the learner's log or to any of their plans forgets all of that
 * learner's pages, on every instance, and the next read comes from the database.
 */

const prefixOf = (memberId: string) => `${memberId} `;

export const logPageCache = defineReadCache<LogFilter, string>({
  name: 'log pages',
  ttlMs: 10_000,
  maxEntries: 5_000,
  keyOf: (f) =>
    prefixOf(f.memberId) +
    JSON.stringify([f.goalId, f.form, f.from, f.to, f.q, f.after?.learnedOn, f.after?.id, f.limit]),
  load: async (ctx, filter) => {
    const page = await listLogPage(ctx.db, filter);
    const nextCursor = page.next ? JSON.stringify(encodeCursor(page.next.learnedOn, page.next.id)) : 'null';
    return `{"entries":${page.entriesJson},"nextCursor":${nextCursor}}`;
  },
  forgets: {
    log: (change, cache) => cache.forgetWhere((key) => key.startsWith(prefixOf(change.memberId))),
    plan: (change, cache) => cache.forgetWhere((key) => key.startsWith(prefixOf(change.memberId))),
  },
});
