import type { AppContext } from '../../server/context.js';

/*
 * Feed pages are cached per viewer and page (AppCaches.feedPages) for a few seconds. Every write that can
 * change what a feed shows in an organisation — a post, a reaction, a comment, a follow, joining or leaving a
 * community — forgets that organisation's pages, so people see their own doing at once.
 */

const prefixOf = (orgId: string) => `${orgId} `;

export const feedPageKey = (orgId: string, viewerId: string, page: unknown) =>
  `${prefixOf(orgId)}${viewerId} ${JSON.stringify(page)}`;

export function forgetFeed(ctx: AppContext, orgId: string) {
  const prefix = prefixOf(orgId);
  ctx.caches.feedPages.forgetWhere((key) => key.startsWith(prefix));
}
