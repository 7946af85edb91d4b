import { encodeCursor } from '../../server/keyset-cursor.js';
import { defineReadCache } from '../../server/read-cache.js';
import { postViewOf } from './post-view.js';
import { listFeed } from './posts.repository.js';
import type { FeedPageView, FeedQuery } from './posts.schema.js';

/** One page of one viewer's feed, as asked for. */
export interface FeedPageArgs extends Pick<FeedQuery, 'orgId' | 'view' | 'communityId' | 'authorMemberId' | 'topic'> {
  viewerId: string;
  limit: number;
  /** The page asked for, as sent (the key), and decoded (the query). */
  cursor: string | undefined;
  after: { createdAt: string; id: string } | undefined;
}

/*
 * Feed pages are cached per viewer and page for a few seconds. Every write that can change what a feed shows in
 * an organisation — a post, a reaction, a comment, a follow, joining or leaving a community — announces the
 * organisation's feed as changed, which forgets its pages on every instance, so people see their own doing at once.
 */
const prefixOf = (orgId: string) => `${orgId} `;

export const feedPageCache = defineReadCache<FeedPageArgs, FeedPageView>({
  name: 'feed pages',
  ttlMs: 10_000,
  maxEntries: 5_000,
  keyOf: (a) =>
    `${prefixOf(a.orgId)}${a.viewerId} ${JSON.stringify([a.view, a.communityId, a.authorMemberId, a.topic, a.cursor, a.limit])}`,
  load: async (ctx, a) => {
    const rows = await listFeed(ctx.db, {
      viewerId: a.viewerId,
      orgId: a.orgId,
      view: a.view,
      communityId: a.communityId,
      authorMemberId: a.authorMemberId,
      topic: a.topic,
      after: a.after,
      limit: a.limit,
    });
    const page = rows.slice(0, a.limit);
    const last = page.at(-1);
    return {
      posts: page.map((row) => postViewOf(row, a.viewerId)),
      nextCursor: rows.length > a.limit && last ? encodeCursor(last.position, last.post.id) : null,
    };
  },
  forgets: {
    feed: (change, cache) => {
      const prefix = prefixOf(change.orgId);
      cache.forgetWhere((key) => key.startsWith(prefix));
    },
  },
});
